// The state that replaying a log produces, per request. Plain JSON so it can
// cross to the webview unchanged; the keyed parts have no prototype (ids come from data).
import { dict, own } from '../dict';
import type { InvalidReason, ModelRunEvent } from './events';
import type { ExtractionSuggestionRun } from '../models/extract/suggestion-run';

/** `bulk`: confirmed by "confirm the rest" (a bulk-confirm event), not read one by one. */
export type CommentVerdict = { status: 'confirmed'; bulk?: true } | { status: 'corrected'; items: string[] };

export type Validity = { status: 'valid'; note?: string } | { status: 'invalid'; reason: InvalidReason; note?: string };

/** Titles: relevant / not-relevant / unsure. Choices: agree / disagree (correct / incorrect: older logs). */
export type ModelVerdict = 'relevant' | 'not-relevant' | 'agree' | 'disagree' | 'correct' | 'incorrect' | 'unsure';

/** A model run made inline (a replayed model-run event), listed beside the shard's stored runs. */
export type InlineRun = Omit<ModelRunEvent, 'v' | 'type' | 'request'> & {
  /** "inline:<event id>": the key model verdicts use; stored runs keep "model/input/task". */
  key: string;
};

export const INLINE_RUN_PREFIX = 'inline:';

export function inlineRunKey(eventId: string): string {
  return INLINE_RUN_PREFIX + eventId;
}

export interface RequestState {
  /** Comment id -> verdict; a comment absent here is unreviewed. */
  comments: Record<string, CommentVerdict>;
  /** Absent: validity not yet decided. */
  validity?: Validity;
  /** Run key -> target key ("title:3" or "choice") -> verdict. */
  modelVerdicts: Record<string, Record<string, ModelVerdict>>;
  /** Free notes in the order written (event id and text). */
  notes: { id: string; text: string; time: string }[];
  /** Inline model runs in the order made; absent or empty when none. */
  runs?: InlineRun[];
  /** Extraction runs (inline), the latest per comment and extractor (profile and model); absent when none. */
  extractionRuns?: ExtractionSuggestionRun[];
  /** Comment id -> dismissed disagreements ("miss:<item>" / "wrong:<item>", normalised); absent when none. */
  extractionDismissed?: Record<string, string[]>;
}

export function emptyRequestState(): RequestState {
  return { comments: dict(), modelVerdicts: dict(), notes: [] };
}

/** Replay result for a whole shard: request id -> state. Requests never touched are absent. */
export type ShardState = Map<string, RequestState>;

/**
 * A request is reviewed when its validity is decided and, if valid, every
 * comment has an extraction verdict.
 */
export function isReviewed(state: RequestState | undefined, commentIds: readonly string[]): boolean {
  if (!state?.validity) return false;
  if (state.validity.status === 'invalid') return true;
  return commentIds.every((id) => commentVerdict(state, id) !== undefined);
}

/** The verdict on a comment; inherited keys ("constructor") are not verdicts, also after a trip through JSON. */
export function commentVerdict(state: RequestState | undefined, commentId: string): CommentVerdict | undefined {
  return own(state?.comments, commentId);
}
