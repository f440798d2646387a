// Annotation events: one JSON object per line of an annotator's log
// (`<shard>.annotations/<annotator>.jsonl`). Append-only; replay gives state.
import { z } from 'zod';

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

export const ValidityEvent = z.object({
  ...base,
  type: z.literal('validity'),
  verdict: z.enum(['valid', 'invalid', 'unreviewed']),
  reason: InvalidReason.optional(),
  note: z.string().optional(),
});

/** Verdict on a model answer: a stored run (run key) or a new inline run (its id). */
export const ModelVerdictEvent = z.object({
  ...base,
  type: z.literal('model-verdict'),
  run: z.string().min(1),
  /** Which part: one generated title (0-based index) or the choice answer. */
  target: z.union([
    z.object({ kind: z.literal('title'), index: z.number().int().min(0) }),
    z.object({ kind: z.literal('choice') }),
  ]),
  verdict: z.enum(['relevant', 'not-relevant', 'correct', 'incorrect', 'unsure', 'unreviewed']),
  note: z.string().optional(),
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

export const KnownEvent = z.discriminatedUnion('type', [
  ExtractionEvent,
  ValidityEvent,
  ModelVerdictEvent,
  NoteEvent,
  RetractEvent,
]);
export type KnownEvent = z.infer<typeof KnownEvent>;
export type ExtractionEvent = z.infer<typeof ExtractionEvent>;
export type ValidityEvent = z.infer<typeof ValidityEvent>;
export type ModelVerdictEvent = z.infer<typeof ModelVerdictEvent>;
export type NoteEvent = z.infer<typeof NoteEvent>;
export type RetractEvent = z.infer<typeof RetractEvent>;

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
  ValidityEvent.omit(filledByLog),
  ModelVerdictEvent.omit(filledByLog),
  NoteEvent.omit(filledByLog),
  RetractEvent.omit(filledByLog),
]);
export type EventDraft = z.infer<typeof EventDraft>;
