// A hand-checked fast path for the common event lines. Validating a million
// lines with zod dominated reading a long log; these checks accept only what
// the zod schemas in events.ts accept with nothing to strip, so the value
// JSON.parse made can be kept as is. Anything else (extra keys, other
// versions, model runs, any doubt) returns false and goes through zod, which
// also words the error: the results and the errors stay those of the schemas.
import { INVALID_REASONS, type KnownEvent } from './events';

type Json = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const nonEmpty: Check = (value) => typeof value === 'string' && value.length > 0;
const text: Check = (value) => typeof value === 'string';
const oneOf = (values: readonly string[]): Check => {
  const allowed = new Set(values);
  return (value) => typeof value === 'string' && allowed.has(value);
};
const strings: Check = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const reason = oneOf(INVALID_REASONS);

const target: Check = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, index } = value as Json;
  const keys = Object.keys(value).length;
  if (kind === 'choice') return keys === 1;
  return kind === 'title' && keys === 2 && Number.isSafeInteger(index) && (index as number) >= 0;
};

/** Per type: field -> [check, required]. Mirrors events.ts; model-run (rare, many fields) is left to zod. */
const SHAPES: ReadonlyMap<string, ReadonlyMap<string, readonly [Check, boolean]>> = new Map(
  Object.entries({
    extraction: {
      comment: [nonEmpty, true],
      verdict: [oneOf(['confirmed', 'corrected', 'unreviewed']), true],
      items: [strings, false],
    },
    validity: {
      verdict: [oneOf(['valid', 'invalid', 'unreviewed']), true],
      reason: [reason, false],
      note: [text, false],
    },
    'model-verdict': {
      run: [nonEmpty, true],
      target: [target, true],
      verdict: [oneOf(['relevant', 'not-relevant', 'agree', 'disagree', 'correct', 'incorrect', 'unsure', 'unreviewed']), true],
      note: [text, false],
    },
    note: { text: [text, true] },
    retract: { target: [nonEmpty, true] },
    adjudication: {
      comment: [nonEmpty, false],
      verdict: [oneOf(['valid', 'invalid', 'confirmed', 'corrected', 'withdrawn']), true],
      reason: [reason, false],
      items: [strings, false],
      note: [text, false],
    },
  } satisfies Record<string, Record<string, readonly [Check, boolean]>>).map(([type, fields]) => [
    type,
    new Map(Object.entries(fields)),
  ]),
);

const REQUIRED = new Map(
  [...SHAPES].map(([type, fields]) => [type, [...fields.values()].filter(([, required]) => required).length]),
);
const BASE = ['id', 'time', 'annotator', 'request'] as const;

/** True when `value` is, exactly and with no key to strip, a current-version event of a type checked here. */
export function isPlainKnownEvent(value: unknown): value is KnownEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const event = value as Json;
  if (event.v !== 1 || typeof event.type !== 'string') return false;
  const fields = SHAPES.get(event.type);
  if (!fields) return false;
  for (const key of BASE) if (!nonEmpty(event[key])) return false;
  let required = 0;
  for (const key in event) {
    if (!Object.hasOwn(event, key)) return false;
    if (key === 'v' || key === 'type' || (BASE as readonly string[]).includes(key)) continue;
    const field = fields.get(key);
    if (!field || !field[0](event[key])) return false;
    if (field[1]) required++;
  }
  return required === REQUIRED.get(event.type);
}
