// What one model run returns, apart from the runner, so the fault it may
// ride on (truncation.ts) and the runner need not import each other.
import type { EventDraft } from '../annotations/events';
import type { RunScore } from './score';

export type ModelRunDraft = Extract<EventDraft, { type: 'model-run' }>;

export interface ModelRunOutcome {
  /** The answer text; description: one text per image. */
  answer: string | string[];
  /** Scored against the request's corrected ground truth at the end of the run. */
  score: RunScore;
  /** False when no title (rec_title) or no letter (rec_choice) could be read: record it only if the user asks. */
  parseable: boolean;
  /** The model-run event to append (its `unparseable` flag already set when needed). */
  draft: ModelRunDraft;
  /** What the user should be told about the answer (e.g. usage figures left out); empty when nothing. */
  warnings: string[];
}
