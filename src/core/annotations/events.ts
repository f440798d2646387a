// Annotation events: one JSON object per line of an annotator's log
// (`<shard>.annotations/<annotator>.jsonl`). Append-only; replay gives state.
import * as z from 'zod';
import { Task } from '../shard/schema';

export const EVENT_SCHEMA_VERSION = 1;

/** The paper's five reasons for an invalid post, plus "Other". */
export const INVALID_REASONS = [
  'Not a rec request',
  'Image is item(s)',
  'Image is text',
  'Not music rec',
  'Explicit content',
  'Other',
] as const;
export const InvalidReason = z.enum(INVALID_REASONS);
export type InvalidReason = z.infer<typeof InvalidReason>;

const base = {
  v: z.literal(EVENT_SCHEMA_VERSION),
  /** Unique id (random UUID). */
  id: z.string().min(1),
  /** ISO-8601 time the annotator acted. */
  time: z.string().min(1),
  annotator: z.string().min(1),
  /** The request (submission id) the event is about. */
  request: z.string().min(1),
};

/** Extraction verdict for one comment: confirmed as extracted, or corrected to a final item list. */
export const ExtractionEvent = z.object({
  ...base,
  type: z.literal('extraction'),
  comment: z.string().min(1),
  verdict: z.enum(['confirmed', 'corrected', 'unreviewed']),
  /** Final items when corrected ("creator - title" or "creator"). */
  items: z.array(z.string()).optional(),
});

/**
 * "Confirm the rest": one step that confirms, as extracted, every comment of
 * the request that had no verdict (listed, so replay and undo are exact).
 * Kept apart from one-by-one confirmations so the report can tell them apart.
 */
export const BulkConfirmEvent = z.object({
  ...base,
  type: z.literal('bulk-confirm'),
  comments: z.array(z.string().min(1)).min(1),
});

export const ValidityEvent = z.object({
  ...base,
  type: z.literal('validity'),
  verdict: z.enum(['valid', 'invalid', 'unreviewed']),
  reason: InvalidReason.optional(),
  note: z.string().optional(),
});

/**
 * Verdict on a model answer: a stored run ("model/input/task") or an inline
 * run ("inline:<event id>"). Titles take relevant ("really relevant"),
 * not-relevant ("wrong match") or unsure; a choice takes agree or disagree
 * (with the automatic right/wrong). correct/incorrect are older choice values,
 * still read.
 */
export const ModelVerdictEvent = z.object({
  ...base,
  type: z.literal('model-verdict'),
  run: z.string().min(1),
  /** Which part: one generated title (0-based index) or the choice answer. */
  target: z.union([
    z.object({ kind: z.literal('title'), index: z.number().int().min(0) }),
    z.object({ kind: z.literal('choice') }),
  ]),
  verdict: z.enum(['relevant', 'not-relevant', 'agree', 'disagree', 'correct', 'incorrect', 'unsure', 'unreviewed']),
  note: z.string().optional(),
});

export const TokenUsage = z.object({
  promptTokens: z.number().int().min(0).optional(),
  completionTokens: z.number().int().min(0).optional(),
  totalTokens: z.number().int().min(0).optional(),
  /** Of the completion, the tokens spent reasoning. */
  reasoningTokens: z.number().int().min(0).optional(),
});

/** What a run's requests actually carried, after adapting to the server. */
export const SentParams = z.object({
  tokenParameter: z.enum(['max_tokens', 'max_completion_tokens']),
  /** maxTokens plus the reasoning headroom. */
  tokenLimit: z.number().int().min(1),
  reasoningBudget: z.number().int().min(0),
  /** Absent when none was sent. */
  temperature: z.number().optional(),
  reasoningEffort: z.string().optional(),
  streamUsage: z.boolean(),
  imageDetail: z.string(),
});

/**
 * A model run made from the editor or `imagery run`, with its provenance.
 * Undone like any event (retract). Its run key is "inline:<id>".
 */
export const ModelRunEvent = z.object({
  ...base,
  type: z.literal('model-run'),
  /** Profile name as the user chose it. */
  profile: z.string().min(1),
  /** "openai" (OpenAI-compatible HTTP) or "vscode-lm". */
  backend: z.string().min(1),
  model: z.string().min(1),
  /** The base URL's host (and port) only; empty for backends without one. */
  host: z.string(),
  task: Task,
  prompt: z.enum(['standard', 'coi']),
  /** As stored runs name it: "image", or the model whose descriptions were the input. */
  input: z.string().min(1),
  /** Description input: the run key the descriptions came from ("model/input/description" or "inline:<id>"). */
  descriptionsFrom: z.string().optional(),
  /** sha256 (hex) of the JSON of the exact messages sent (description: of the list of each call's messages). */
  messagesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** ISO-8601 times of the first request and the end of the last answer. */
  startedAt: z.string().min(1),
  endedAt: z.string().min(1),
  latencyMs: z.number().min(0),
  /** The profile's temperature; null: none was asked for. */
  temperature: z.number().nullable(),
  /** False when the backend could not set the temperature (or the server refused it). */
  temperatureApplied: z.boolean(),
  maxTokens: z.number().int().min(1),
  sent: SentParams.optional(),
  usage: TokenUsage.optional(),
  finishReason: z.string().optional(),
  /** rec_title / rec_choice: the answer text; description: one text per image. */
  answer: z.union([z.string(), z.array(z.string())]),
  /** The answer gave no title / no choice and the user chose to keep it anyway. */
  unparseable: z.boolean().optional(),
  /** The model's thinking, kept apart from the answer and never scored (description: one per image). */
  thinking: z.union([z.string(), z.array(z.string())]).optional(),
  /** The answer was cut at the token limit and the user chose to keep it anyway. */
  truncated: z.boolean().optional(),
});

/**
 * The item extractor run on one comment (the paper's request, any model),
 * with a model run's provenance and the raw answer. Replay keeps the
 * annotation state as it is: the items it suggests count only once accepted
 * as an ordinary extraction correction.
 */
export const ExtractionRunEvent = z.object({
  ...base,
  type: z.literal('extraction-run'),
  comment: z.string().min(1),
  // The same provenance as a model run's, field for field.
  ...ModelRunEvent.pick({
    profile: true,
    backend: true,
    model: true,
    host: true,
    messagesSha256: true,
    startedAt: true,
    endedAt: true,
    latencyMs: true,
    temperature: true,
    temperatureApplied: true,
    maxTokens: true,
    usage: true,
    finishReason: true,
  }).shape,
  /** The extractor's answer text, as the model gave it. */
  answer: z.string(),
});

/**
 * A disagreement of a second extractor reviewed and left as it is: a possible
 * miss not added, or a possible wrong item kept. Keyed by the item's
 * normalised form, so it stays reviewed after any later run that repeats it.
 */
export const ExtractionDismissEvent = z.object({
  ...base,
  type: z.literal('extraction-dismiss'),
  comment: z.string().min(1),
  /** miss: the model's item is not in the comment; wrong: the comment's item is right. */
  kind: z.enum(['miss', 'wrong']),
  item: z.string().min(1),
});

export const NoteEvent = z.object({
  ...base,
  type: z.literal('note'),
  text: z.string(),
});

/** Takes back an earlier event (undo). Retracting a retract restores its target (redo). */
export const RetractEvent = z.object({
  ...base,
  type: z.literal('retract'),
  target: z.string().min(1),
});

/**
 * A reviewer settles what annotators disagree on: the request's validity (no
 * `comment`) or one comment's extraction. The export takes it over every
 * annotator's verdict; `withdrawn` takes the adjudication back.
 */
export const AdjudicationEvent = z.object({
  ...base,
  type: z.literal('adjudication'),
  comment: z.string().min(1).optional(),
  /** valid / invalid (with reason) settle validity; confirmed / corrected (with items) settle a comment. */
  verdict: z.enum(['valid', 'invalid', 'confirmed', 'corrected', 'withdrawn']),
  reason: InvalidReason.optional(),
  items: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const KnownEvent = z.discriminatedUnion('type', [
  ExtractionEvent,
  BulkConfirmEvent,
  ValidityEvent,
  ModelVerdictEvent,
  ModelRunEvent,
  ExtractionRunEvent,
  ExtractionDismissEvent,
  NoteEvent,
  RetractEvent,
  AdjudicationEvent,
]);
export type KnownEvent = z.infer<typeof KnownEvent>;
export type ExtractionEvent = z.infer<typeof ExtractionEvent>;
export type BulkConfirmEvent = z.infer<typeof BulkConfirmEvent>;
export type ValidityEvent = z.infer<typeof ValidityEvent>;
export type ModelVerdictEvent = z.infer<typeof ModelVerdictEvent>;
export type ModelRunEvent = z.infer<typeof ModelRunEvent>;
export type ExtractionRunEvent = z.infer<typeof ExtractionRunEvent>;
export type ExtractionDismissEvent = z.infer<typeof ExtractionDismissEvent>;
export type NoteEvent = z.infer<typeof NoteEvent>;
export type RetractEvent = z.infer<typeof RetractEvent>;
export type AdjudicationEvent = z.infer<typeof AdjudicationEvent>;

/** An event of a type this version does not know: kept verbatim and written back unchanged. */
export const UnknownEvent = z.looseObject({
  ...base,
  v: z.number(),
  type: z.string().min(1),
});
export type UnknownEvent = z.infer<typeof UnknownEvent>;

export type AnnotationEvent = KnownEvent | UnknownEvent;

/** What a caller supplies; the log fills in v, id, time and annotator. */
const filledByLog = { v: true, id: true, time: true, annotator: true } as const;
export const EventDraft = z.discriminatedUnion('type', [
  ExtractionEvent.omit(filledByLog),
  BulkConfirmEvent.omit(filledByLog),
  ValidityEvent.omit(filledByLog),
  ModelVerdictEvent.omit(filledByLog),
  ModelRunEvent.omit(filledByLog),
  ExtractionRunEvent.omit(filledByLog),
  ExtractionDismissEvent.omit(filledByLog),
  NoteEvent.omit(filledByLog),
  RetractEvent.omit(filledByLog),
  AdjudicationEvent.omit(filledByLog),
]);
export type EventDraft = z.infer<typeof EventDraft>;
