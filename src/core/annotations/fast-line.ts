// Reading the common event line without JSON.parse. Lines as this tool writes
// them (flat keys, ASCII strings with no escapes) are tokenized by one sticky
// regex and checked field by field against the rules of event-shape.ts (which
// are those of the zod schemas). A line not in this form, or in any doubt,
// gives null and goes the ordinary way (JSON.parse, then zod if needed).
import { INVALID_REASONS, type KnownEvent } from './events';

// A JSON string with printable ASCII only and no escapes: its content is its value.
const PLAIN = '"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*"';
const TITLE = '\\{"kind":"title","index":(?:0|[1-9][0-9]{0,14})\\}';
const FIELD = new RegExp(
  `"([a-z]+)":(${PLAIN}|-?(?:0|[1-9][0-9]*)|\\{"kind":"choice"\\}|${TITLE}|\\[(?:${PLAIN}(?:,${PLAIN})*)?\\])([,}])`,
  'y',
);

/** One plain event line: its fields, as JSON.parse would give them; target as "title:3" or "choice". */
export interface FastEvent {
  type: string;
  id: string;
  time: string;
  annotator: string;
  request: string;
  comment?: string;
  run?: string;
  /** model-verdict: "title:3" or "choice"; retract: the event id taken back. */
  target?: string;
  verdict?: string;
  reason?: string;
  note?: string;
  text?: string;
  items?: string[];
}

const VERDICTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['extraction', new Set(['confirmed', 'corrected', 'unreviewed'])],
  ['validity', new Set(['valid', 'invalid', 'unreviewed'])],
  ['model-verdict', new Set(['relevant', 'not-relevant', 'agree', 'disagree', 'correct', 'incorrect', 'unsure', 'unreviewed'])],
  ['adjudication', new Set(['valid', 'invalid', 'confirmed', 'corrected', 'withdrawn'])],
]);
const REASONS: ReadonlySet<string> = new Set(INVALID_REASONS);

// One bit per key, to see a repeated key (JSON.parse keeps the last; left to it) and check what a type allows.
const BITS: ReadonlyMap<string, number> = new Map(
  [
    'v',
    'id',
    'time',
    'annotator',
    'request',
    'type',
    'comment',
    'run',
    'target',
    'verdict',
    'reason',
    'note',
    'text',
    'items',
  ].map((key, bit) => [key, 1 << bit]),
);
const bits = (...keys: string[]): number => keys.reduce((sum, key) => sum | BITS.get(key)!, 0);
const BASE = bits('v', 'id', 'time', 'annotator', 'request', 'type');
/** Per type: [required fields, allowed fields] (events.ts; model-run is left to zod). */
const SHAPES: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['extraction', [BASE | bits('comment', 'verdict'), BASE | bits('comment', 'verdict', 'items')]],
  ['validity', [BASE | bits('verdict'), BASE | bits('verdict', 'reason', 'note')]],
  ['model-verdict', [BASE | bits('run', 'target', 'verdict'), BASE | bits('run', 'target', 'verdict', 'note')]],
  ['note', [BASE | bits('text'), BASE | bits('text')]],
  ['retract', [BASE | bits('target'), BASE | bits('target')]],
  ['adjudication', [BASE | bits('verdict'), BASE | bits('comment', 'verdict', 'reason', 'items', 'note')]],
]);
const TEXT_KEYS = bits('id', 'time', 'annotator', 'request', 'type', 'comment', 'run', 'verdict', 'reason', 'note', 'text');
const NON_EMPTY = bits('id', 'time', 'annotator', 'request', 'comment', 'run');

/**
 * The event on `text` from `start` to `end` (one log line, read as latin1 so
 * offsets are bytes), or null when the line is not in the plain form or not
 * exactly a current-version event of a type event-shape.ts checks.
 */
export function fastEventLine(text: string, start: number, end: number): FastEvent | null {
  if (text.charCodeAt(start) !== 0x7b /* { */ || text.charCodeAt(end - 1) !== 0x7d /* } */) return null;
  const event: FastEvent = { type: '', id: '', time: '', annotator: '', request: '' };
  let seen = 0;
  let targetText = false;
  FIELD.lastIndex = start + 1;
  for (;;) {
    const match = FIELD.exec(text);
    if (!match) return null;
    const [, key, raw, after] = match;
    const bit = BITS.get(key);
    if (bit === undefined || seen & bit) return null;
    seen |= bit;
    const first = raw.charCodeAt(0);
    const isText = first === 0x22; /* " */
    if (bit & TEXT_KEYS && !isText) return null;
    if (bit & NON_EMPTY && raw.length === 2) return null;
    switch (key) {
      case 'v':
        if (raw !== '1') return null;
        break;
      case 'target':
        targetText = isText;
        if (isText) event.target = raw.slice(1, -1);
        else if (first === 0x7b /* { */) event.target = raw.length > 20 ? `title:${raw.slice(24, -1)}` : 'choice';
        else return null;
        break;
      case 'items':
        if (first !== 0x5b /* [ */) return null;
        event.items = raw === '[]' ? [] : raw.slice(2, -2).split('","');
        break;
      default:
        (event as unknown as Record<string, string>)[key] = raw.slice(1, -1);
    }
    if (after === '}') break;
  }
  if (FIELD.lastIndex !== end) return null;
  const shape = SHAPES.get(event.type);
  if (!shape || (seen & shape[0]) !== shape[0] || (seen & ~shape[1]) !== 0) return null;
  if (event.verdict !== undefined && !VERDICTS.get(event.type)?.has(event.verdict)) return null;
  if (event.reason !== undefined && !REASONS.has(event.reason)) return null;
  // A retract names an event id; a model verdict, a title or the choice.
  if (event.target !== undefined && targetText !== (event.type === 'retract')) return null;
  if (event.type === 'retract' && event.target === '') return null;
  return event;
}

/** The event replay would see for a plain line (the fields it reads, with their values). */
export function asKnownEvent(fast: FastEvent): KnownEvent {
  const { target, ...rest } = fast;
  if (fast.type !== 'model-verdict') return { v: 1, ...fast } as unknown as KnownEvent;
  const parsed = target === 'choice' ? { kind: 'choice' } : { kind: 'title', index: Number(target!.slice(6)) };
  return { v: 1, ...rest, target: parsed } as unknown as KnownEvent;
}
