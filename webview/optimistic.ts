// Applies an annotation draft to the local state at once, so the screen
// answers a key press without waiting for the host; the host's next `state`
// message replaces this guess with the replayed truth.
import type { EventDraft } from '../src/core/annotations/events';
import { dict } from '../src/core/dict';
import type { RequestState } from '../src/core/annotations/state';

export function applyDraft(state: RequestState, draft: EventDraft): RequestState {
  switch (draft.type) {
    case 'extraction': {
      const comments = dict(Object.entries(state.comments));
      if (draft.verdict === 'unreviewed') delete comments[draft.comment];
      else if (draft.verdict === 'confirmed') comments[draft.comment] = { status: 'confirmed' };
      else comments[draft.comment] = { status: 'corrected', items: draft.items ?? [] };
      return { ...state, comments };
    }
    case 'validity': {
      const note = state.validity?.note;
      if (draft.verdict === 'unreviewed') return { ...state, validity: undefined };
      if (draft.verdict === 'valid') return { ...state, validity: { status: 'valid', note: draft.note ?? note } };
      if (!draft.reason) return state;
      return { ...state, validity: { status: 'invalid', reason: draft.reason, note: draft.note ?? note } };
    }
    case 'note':
      return { ...state, notes: [...state.notes, { id: `pending-${state.notes.length}`, text: draft.text, time: '' }] };
    default:
      // Model verdicts and retracts: wait for the host's replay.
      return state;
  }
}
