// Drafts as the editor records them: completed in memory (manual mode) the
// way the log's append completes them, and labelled for VS Code's undo menu.
import { randomUUID } from '../../../core/node-crypto';
import { EVENT_SCHEMA_VERSION, type EventDraft, type KnownEvent } from '../../../core/annotations/events';

/** What the log's append fills in, done here for events kept in memory (manual mode). */
export function completeDraft(draft: EventDraft, annotator: string): KnownEvent {
  return { ...draft, v: EVENT_SCHEMA_VERSION, id: randomUUID(), time: new Date().toISOString(), annotator } as KnownEvent;
}

/** The label VS Code shows for the edit (e.g. in the undo menu). */
export function describeDraft(draft: EventDraft): string {
  switch (draft.type) {
    case 'extraction':
      return `Extraction ${draft.verdict}`;
    case 'bulk-confirm':
      return `Confirm ${draft.comments.length} comments`;
    case 'validity':
      return draft.verdict === 'invalid' ? `Invalid: ${draft.reason ?? 'no reason'}` : `Validity ${draft.verdict}`;
    case 'model-verdict':
      return `Model answer ${draft.verdict}`;
    case 'model-run':
      return `Model run ${draft.model}`;
    case 'extraction-run':
      return `Extraction run ${draft.model}`;
    case 'extraction-dismiss':
      return `Dismiss possible ${draft.kind} ${draft.item}`;
    case 'note':
      return 'Note';
    case 'retract':
      return 'Retract';
    case 'adjudication':
      return 'Adjudication';
  }
}
