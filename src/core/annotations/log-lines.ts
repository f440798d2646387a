// Turning log bytes into events and back. Lines are split on the byte 0x0A,
// which never occurs inside a UTF-8 multi-byte character, so byte offsets stay
// exact for incremental reads.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isPlainKnownEvent } from './event-shape';
import { KnownEvent, UnknownEvent, type AnnotationEvent } from './events';

/** Decides, event by event in file order, what one log file may say (log-identity.ts makes them). */
export type EventVet = (event: AnnotationEvent, line: number) => AnnotationEvent | null;

export interface LogWarning {
  file: string;
  /** 1-based line number in the log file. */
  line: number;
  reason: string;
}

/** Where a reader stopped: the byte offset after the last complete line, and the next line's number. */
export interface LogCursor {
  offset: number;
  line: number;
  /** The file's inode when read: another inode means the file was replaced. */
  ino?: number;
}

export const LOG_START: LogCursor = { offset: 0, line: 1 };

export interface ParsedChunk {
  events: AnnotationEvent[];
  warnings: LogWarning[];
  cursor: LogCursor;
}

const NEWLINE = 0x0a;
const DECODE_BYTES = 1 << 20;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Unknown events are handed out as parsed; their exact line is remembered so
// writing them back (appendRaw) reproduces the original bytes.
const originalLines = new WeakMap<object, string>();

/** The JSONL line (without newline) for an event: the original text for a verbatim unknown event. */
export function serializeEvent(event: AnnotationEvent): string {
  return originalLines.get(event) ?? JSON.stringify(event);
}

/** One line -> an event, or the reason it is not one. */
export type LineResult = { ok: true; event: AnnotationEvent } | { ok: false; error: string };

export function parseEventLine(text: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  // Most lines: checked by hand and kept as parsed (zod would only copy them); the rest, and every error, come from zod.
  if (isPlainKnownEvent(value)) return { ok: true, event: value };
  const known = KnownEvent.safeParse(value);
  if (known.success) return { ok: true, event: known.data };
  const unknown = UnknownEvent.safeParse(value);
  if (!unknown.success) return { ok: false, error: `not an annotation event: ${firstIssue(known.error.issues)}` };
  if (isKnownType(unknown.data)) {
    // A current-version event of a type we know, but malformed: not something to pass through.
    return { ok: false, error: `invalid ${unknown.data.type} event: ${firstIssue(known.error.issues)}` };
  }
  const verbatim = value as AnnotationEvent;
  // A copy of its own: `text` may be a slice of a whole decoded chunk, which must not stay in memory for it.
  originalLines.set(verbatim, Buffer.from(text, 'utf8').toString('utf8'));
  return { ok: true, event: verbatim };
}

const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'extraction',
  'bulk-confirm',
  'validity',
  'model-verdict',
  'model-run',
  'extraction-run',
  'extraction-dismiss',
  'note',
  'retract',
  'adjudication',
]);

/** True for events this version replays (current schema version and a known type). */
export function isKnownType(event: { v: number; type: string }): boolean {
  return event.v === 1 && KNOWN_TYPES.has(event.type);
}

function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * Parses `bytes` (the file's content from `start` on). Complete lines become
 * events; a bad line becomes a warning and its neighbours are kept. The
 * unterminated tail (no final newline) is parsed only when `includeTail`:
 * unparsable there means a crash mid-write, reported as a truncated last line.
 * The returned cursor stops before an unconsumed or truncated tail.
 */
export function parseLogBytes(bytes: Buffer, file: string, start: LogCursor, includeTail: boolean, vet?: EventVet): ParsedChunk {
  const events: AnnotationEvent[] = [];
  const warnings: LogWarning[] = [];
  // A BOM (some editors add one) is not part of the first event; the shard reader skips it too.
  const from = start.offset === 0 && bytes.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM.length : 0;
  // Complete lines end at the last newline. They are decoded a megabyte at a time, not one call per line (a
  // million-line log spent a part of its parse there); the strings are the same, 0x0A being no part of a UTF-8 sequence.
  const complete = bytes.lastIndexOf(NEWLINE) + 1;
  let line = start.line;
  let consumed = 0;
  for (let piece = from; piece < complete;) {
    // Whole lines only; one string for the whole file would only cost memory.
    const pieceEnd = piece + DECODE_BYTES < complete ? bytes.indexOf(NEWLINE, piece + DECODE_BYTES) + 1 : complete;
    const text = bytes.toString('utf8', piece, pieceEnd);
    for (let at = 0; at < text.length; line++) {
      const end = text.indexOf('\n', at);
      const parsed = parseNonBlank(lineText(text, at, end));
      if (parsed && !parsed.ok) warnings.push({ file, line, reason: parsed.error });
      else if (parsed) keep(events, parsed.event, line, vet);
      at = end + 1;
    }
    piece = pieceEnd;
  }
  if (complete > from) consumed = complete;
  const tailStart = Math.max(complete, from);
  if (includeTail && tailStart < bytes.length) {
    const parsed = parseNonBlank(lineText(bytes.toString('utf8', tailStart), 0, bytes.length - tailStart));
    if (parsed && !parsed.ok)
      warnings.push({ file, line, reason: `truncated last line ignored (interrupted write?): ${parsed.error}` });
    else {
      if (parsed) keep(events, parsed.event, line, vet);
      consumed = bytes.length;
      line += 1;
    }
  }
  return { events, warnings, cursor: { offset: start.offset + consumed, line } };
}

/** Adds the event, as the vet (if any) lets it through. */
function keep(events: AnnotationEvent[], event: AnnotationEvent, line: number, vet: EventVet | undefined): void {
  const kept = vet ? vet(event, line) : event;
  if (kept) events.push(kept);
}

/** `text` from `at` to `end` without a final carriage return (a CRLF line). */
function lineText(text: string, at: number, end: number): string {
  return text.slice(at, end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
}

/** Undefined for a blank line, which is skipped. An event line starts with "{", so trim() runs only for others. */
function parseNonBlank(text: string): LineResult | undefined {
  if (text.charCodeAt(0) !== 0x7b && text.trim() === '') return undefined;
  return parseEventLine(text);
}

/** About 20k events: parsed in some tens of milliseconds, then the event loop gets a turn. */
const SLICE_BYTES = 4 << 20;

/**
 * `parseLogBytes` in slices of whole lines, giving the event loop a turn
 * between slices: reading a million-event log must not freeze the extension
 * host (the editor shows its first request meanwhile). Same result.
 */
export async function parseLogBytesInSlices(
  bytes: Buffer,
  file: string,
  start: LogCursor,
  includeTail: boolean,
  sliceBytes = SLICE_BYTES,
): Promise<ParsedChunk> {
  if (bytes.length <= sliceBytes) return parseLogBytes(bytes, file, start, includeTail);
  const events: AnnotationEvent[] = [];
  const warnings: LogWarning[] = [];
  let cursor = start;
  let at = 0;
  for (;;) {
    const newline = at + sliceBytes < bytes.length ? bytes.indexOf(NEWLINE, at + sliceBytes) : -1;
    const end = newline === -1 ? bytes.length : newline + 1;
    const last = end === bytes.length;
    const slice = parseLogBytes(bytes.subarray(at, end), file, cursor, last && includeTail);
    for (const event of slice.events) events.push(event);
    for (const warning of slice.warnings) warnings.push(warning);
    cursor = slice.cursor;
    if (last) return { events, warnings, cursor };
    at = end;
    await nextTurn();
  }
}
