// The one protocol between the extension host and the webview. Both sides
// import this file. Messages are discriminated unions on `type`; a webview
// message that wants an answer carries `seq`, and the host answers with a
// `reply` carrying the same `seq`. Every webview -> host message is validated
// with `WebviewToHost.safeParse` before the host acts on it.
import * as z from 'zod';
import type { ShardRecord } from './core/shard/schema';
import type { InlineRun, RequestState } from './core/annotations/state';
import { EventDraft } from './core/annotations/events';
import { Task } from './core/shard/schema';
import type { Report } from './core/report/report';
import type { Dispute } from './core/annotations/disputes';
import type { ExtractionSuggestionRun } from './core/models/extract/suggestions';

export type { Dispute, DisputeAnswer, AdjudicationChoice } from './core/annotations/disputes';
export type { ExtractionSuggestionRun, SuggestionSource } from './core/models/extract/suggestions';

// ---------- shared vocabulary ----------

export const FILTERS = ['all', 'unreviewed', 'invalid', 'corrected', 'has-notes'] as const;
export const Filter = z.enum(FILTERS);
export type Filter = z.infer<typeof Filter>;

/** Each filter's name, as the toolbar and the palette's filter picker show it. */
export const FILTER_LABELS: Readonly<Record<Filter, string>> = {
  all: 'All requests',
  unreviewed: 'Unreviewed',
  invalid: 'Marked invalid',
  corrected: 'With corrected extractions',
  'has-notes': 'With notes',
};

export const NavTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['next', 'previous', 'first', 'last', 'nextUnreviewed']) }),
  z.object({ kind: z.literal('position'), position: z.number().int().min(0) }),
  z.object({ kind: z.literal('id'), id: z.string().min(1).max(200) }),
]);
export type NavTarget = z.infer<typeof NavTarget>;

/** An image as the webview may show it. `src` is null when it must not or cannot be loaded. */
export interface ResolvedImage {
  /** A webview resource URI for local files, or the original https URL. */
  src: string | null;
  /** The original URL, shown in the placeholder. */
  url: string | null;
  /** Why the local file was refused or is missing (e.g. a path leaving the dataset). */
  error?: string;
}

export interface UnreadableRecord {
  file: string;
  line: number;
  reason: string;
}

export interface Progress {
  reviewed: number;
  total: number;
  invalid: number;
  corrected: number;
  /** Comments confirmed by "confirm the rest" (not read one by one). */
  bulkConfirmed?: number;
}

/** The review queue being walked, as the editor's toolbar shows it. `done` counts this annotator's items. */
export interface QueueStatus {
  name: string;
  /** 0-based index of the shown item in the queue. */
  index: number;
  total: number;
  done: number;
}

/** Where the webview puts the keyboard focus after a show: a queued comment, or the adjudication panel. */
export type ShowFocus = { kind: 'comment'; comment: string } | { kind: 'adjudication' };

/** What the webview needs to render one position of the shard. */
export type RequestView =
  | { kind: 'record'; record: ShardRecord; images: ResolvedImage[]; state: RequestState }
  | { kind: 'unreadable'; unreadable: UnreadableRecord };

/** A record the webview keeps (with its images), so that a later `show` names it by id instead of resending it. */
export interface HeldRecord {
  record: ShardRecord;
  images: ResolvedImage[];
}

/** A `show`'s view as sent: a record the webview holds may travel as its id, with only its current state. */
export type SentView = RequestView | { kind: 'held'; id: string; state: RequestState };

// ---------- model runs ----------

export const PROMPT_VARIANTS = ['standard', 'coi'] as const;
export const PromptVariant = z.enum(PROMPT_VARIANTS);
export type PromptVariant = z.infer<typeof PromptVariant>;

/** Where a run started from the editor stands. The host keeps it until the webview dismisses it. */
export type LiveRunPhase =
  | 'running'
  /** Rate limited: the backend waits before retrying. */
  | 'waiting'
  /** Answered, scored and stored: the run is now in the request's state under `runKey`. */
  | 'stored'
  /** Answered, but no title / no letter could be read; stored only if the annotator asks. */
  | 'unparseable'
  /** The answer stopped at the token limit (`error` says which and what to raise); stored only if the annotator asks. */
  | 'truncated'
  | 'failed'
  | 'cancelled';

export interface LiveModelRun {
  /** The host's id of this attempt (not a run key). */
  id: string;
  requestId: string;
  task: Task;
  prompt: PromptVariant;
  /** "image" or the description source, as runs name their input. */
  input: string;
  profile: string;
  model: string;
  phase: LiveRunPhase;
  /** The answer so far, all of it; while it streams, `modelRunText` messages add the new parts. */
  text: string;
  /** The model's thinking so far, kept apart from the answer and never scored. */
  thinking?: string;
  wait?: { seconds: number; attempt: number; reason: string };
  /** failed: what went wrong, in words that never hold the API key. */
  error?: { kind: string; message: string };
  /** stored: the run key its verdicts use ("inline:<event id>"). */
  runKey?: string;
}

/** What the annotator picked for a run; the host asks (quick picks) for whatever is missing. */
export const RunChoice = z.object({
  task: Task.optional(),
  prompt: PromptVariant.optional(),
  /** "images", or "desc:<run key>" (a stored or inline description run). */
  input: z.string().min(1).max(400).optional(),
  profile: z.string().min(1).max(200).optional(),
});
export type RunChoice = z.infer<typeof RunChoice>;

/**
 * A Suggest Items run on some comments of a request (one, or all), as the host reports it. Each finished
 * comment is an extraction-run event by then, in the request's state; this carries only the progress.
 */
export interface LiveSuggestRun {
  id: string;
  requestId: string;
  scope: 'comment' | 'request';
  profile: string;
  model: string;
  /** Comments asked, and comments answered and recorded. */
  total: number;
  done: number;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  /** Comments being asked now, with their answer so far (streamed). */
  asking: { comment: string; text: string }[];
  /** Rate limited: the backend waits before retrying. */
  wait?: { seconds: number; attempt: number; reason: string };
  /** failed: what went wrong, in words that never hold the API key. */
  error?: { kind: string; message: string };
}

// ---------- host -> webview ----------

/** One position of the shard, to show. */
export interface ShowMessage {
  type: 'show';
  position: number;
  total: number;
  /** Positions that pass the current filter (ascending). */
  filter: Filter;
  matching: number;
  /** 0-based index of `position` among the matching positions; -1 when it does not match the filter. */
  index?: number;
  view: SentView;
  /** Present while a review queue is walked and the shown request is one of its items. */
  queue?: QueueStatus;
  focus?: ShowFocus;
}

export type HostToWebview =
  | {
      type: 'init';
      shardName: string;
      annotator: string;
      saveMode: 'immediate' | 'manual';
      reasons: readonly string[];
    }
  | ShowMessage
  /**
   * What annotators disagree on in the shown request (empty: nothing), for the adjudication panel, and the inline
   * model runs other annotators made on it (from their logs), for the model panel.
   */
  | { type: 'disputes'; requestId: string; disputes: Dispute[]; colleagueRuns?: InlineRun[] }
  /**
   * Records for the webview to keep (the shown one and its neighbours, sent ahead), and ids it may forget.
   * The host decides what is held; `clear` first forgets everything (the host lost track, e.g. after a restart).
   */
  | { type: 'records'; hold: HeldRecord[]; drop: string[]; clear?: true }
  /**
   * Where a next / previous press at `from` lands (records already held), so the webview shows it at
   * once; the host's own `show` follows the press as always and has the last word.
   */
  | { type: 'ahead'; from: number; next: ShowMessage | null; previous: ShowMessage | null }
  /** The annotation state of a request changed (edit, undo, redo, external change). */
  | { type: 'state'; requestId: string; state: RequestState }
  | { type: 'progress'; progress: Progress }
  /** The walked review queue was recounted: the banner's `done` and `total` (its item stays the show's). */
  | { type: 'queueProgress'; done: number; total: number }
  /** `about: 'models'`: a model run's or a suggestion's problem, stale once the next one starts. */
  | { type: 'error'; message: string; about?: 'models' }
  /** Show the keyboard shortcuts overlay (the `imageryAnnotator.showKeymap` command). */
  | { type: 'showKeymap' }
  /** A model run started from the editor changed (text streamed in, waiting, stored, failed, ...). */
  | { type: 'modelRun'; run: LiveModelRun }
  /**
   * New text of a streaming run: `text` replaces the run's text from offset `at` on. Only the new part
   * travels (the whole answer twenty times a second did not scale); a part that would leave a gap is dropped.
   */
  | { type: 'modelRunText'; id: string; at: number; text: string }
  /** The host forgot a live run (dismissed); the webview drops it too. */
  | { type: 'modelRunGone'; id: string }
  /**
   * The host is asking the user something for this panel (a quick pick, an input box): while `on`, the
   * webview takes no action key, so a key meant for the question cannot act on the annotation.
   */
  | { type: 'modal'; on: boolean }
  /** A Suggest Items run changed (a comment answered, text streamed, ended). */
  | { type: 'suggestRun'; run: LiveSuggestRun }
  /** Suggestions of a batch extraction run (files, no call) for a request's comments; replaces earlier ones. */
  | { type: 'batchSuggestions'; requestId: string; runs: ExtractionSuggestionRun[] }
  /** The palette asked for Suggest Items: the webview sends `suggestItems` for its current comment, or all. */
  | { type: 'suggest'; scope: 'comment' | 'request' }
  /** Whether models may run here; `reason` explains why not (e.g. an untrusted workspace). */
  | { type: 'modelAccess'; allowed: boolean; reason?: string }
  | { type: 'reply'; seq: number; ok: true }
  | { type: 'reply'; seq: number; ok: false; error: string };

// ---------- webview -> host (validated) ----------

const seq = z.number().int().min(0);

/** Annotation drafts are validated with the core's own event schema (the host adds v, id, time, annotator). */

export const WebviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('navigate'), seq, target: NavTarget }),
  z.object({ type: z.literal('setFilter'), seq, filter: Filter }),
  z.object({ type: z.literal('annotate'), seq, draft: EventDraft }),
  /** Confirm every comment of the request without a verdict, in one undoable step; the host asks first, with the count. */
  z.object({ type: z.literal('confirmRest'), seq, requestId: z.string().min(1).max(200) }),
  z.object({ type: z.literal('openExternal'), url: z.string().max(2000) }),
  z.object({ type: z.literal('webviewError'), message: z.string().max(10_000) }),
  /** Run a model on this request; the reply comes once the choices are made (or the picks were dismissed). */
  z.object({ type: z.literal('runModel'), seq, requestId: z.string().min(1).max(200), choice: RunChoice.default({}) }),
  /** Abort a live run's HTTP request. */
  z.object({ type: z.literal('cancelModelRun'), id: z.string().min(1).max(200) }),
  /** Store an unparseable answer anyway (as a run with zero titles / no choice). */
  z.object({ type: z.literal('keepModelRun'), seq, id: z.string().min(1).max(200) }),
  /** Forget a finished, failed or cancelled live run. */
  z.object({ type: z.literal('dismissModelRun'), id: z.string().min(1).max(200) }),
  /** Suggest items (the paper's extractor, or the profile's model) for these comments of the request. */
  z.object({
    type: z.literal('suggestItems'),
    seq,
    requestId: z.string().min(1).max(200),
    scope: z.enum(['comment', 'request']),
    comments: z.array(z.string().min(1).max(200)).min(1).max(100_000),
    profile: z.string().min(1).max(200).optional(),
  }),
  /** Stop a Suggest Items run: comments answered so far stay recorded. */
  z.object({ type: z.literal('cancelSuggestItems'), id: z.string().min(1).max(200) }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;

// ---------- the report view (a second webview: Imagery: Show Report) ----------

/** Host -> report view. `report` is the core's Report (src/core/report/report.ts), plain JSON. */
export type HostToReport =
  { type: 'report'; report: Report; title: string; updated: string } | { type: 'reportError'; message: string };

export const ReportToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('refresh') }),
  /** A disagreement was clicked: open that request in the annotator. */
  z.object({ type: z.literal('openRequest'), shard: z.string().min(1).max(4096), request: z.string().min(1).max(200) }),
  /** Save the report: Markdown, or one self-contained HTML page whose plots the host draws from the report's data. */
  z.object({ type: z.literal('exportReport'), format: z.enum(['md', 'html']) }),
  z.object({ type: z.literal('webviewError'), message: z.string().max(10_000) }),
]);
export type ReportToHost = z.infer<typeof ReportToHost>;
