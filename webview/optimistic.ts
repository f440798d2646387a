// Applies an annotation draft to the local state at once, so the screen
// answers a key press without waiting for the host; the host's next `state`
// message replaces this guess with the replayed truth.
import type { EventDraft } from '../src/core/annotations/events';
import { dict, own } from '../src/core/dict';
import type { RequestState } from '../src/core/annotations/state';
import { dismissalKey } from '../src/core/models/extract/suggestions';

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
    case 'model-verdict': {
      const key = draft.target.kind === 'title' ? `title:${draft.target.index}` : 'choice';
      // Run keys come from data: fresh prototype-free objects, read through own keys only.
      const targets = dict(Object.entries(own(state.modelVerdicts, draft.run) ?? {}));
      if (draft.verdict === 'unreviewed') delete targets[key];
      else targets[key] = draft.verdict;
      const modelVerdicts = dict(Object.entries(state.modelVerdicts)) as RequestState['modelVerdicts'];
      if (Object.keys(targets).length) modelVerdicts[draft.run] = targets as RequestState['modelVerdicts'][string];
      else delete modelVerdicts[draft.run];
      return { ...state, modelVerdicts };
    }
    case 'extraction-dismiss': {
      // Comment ids come from data: a fresh prototype-free copy, read through own keys only.
      const extractionDismissed = dict(Object.entries(state.extractionDismissed ?? {}));
      const keys = own(extractionDismissed, draft.comment) ?? [];
      extractionDismissed[draft.comment] = [...keys, dismissalKey(draft.kind, draft.item)];
      return { ...state, extractionDismissed };
    }
    default:
      // Retracts (and model runs): wait for the host's replay.
      return state;
  }
}
