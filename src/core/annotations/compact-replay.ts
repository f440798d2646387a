// Replaying long logs without holding a million parsed events. Each log is
// walked once from its end: lines in the common form are read by fast-line.ts,
// retracts are resolved on the way (a retract only ever takes back an earlier
// event), and of the events that set a value only those the final state can
// depend on are kept: per slot (a comment, the validity, one model-verdict
// target) the last one and the first one after the group's last "unreviewed",
// and everything up to and including that "unreviewed" (it can empty a key or a
// run's verdicts, which moves where they come back). Notes and model runs are
// all kept. The kept lines are parsed again as the reader parses them and
// replayed in their order, so the state equals `replayLogs` over `readAll`.
import type { AnnotationEvent, KnownEvent } from './events';
import { asKnownEvent, fastEventLine, type FastEvent } from './fast-line';
import { isKnownType, parseEventLine, type LogWarning } from './log-lines';
import { replay, verdictTargetKey } from './replay';
import type { ShardState } from './state';

export interface LogBytes {
  file: string;
  bytes: Buffer;
}

const NEWLINE = 0x0a;
/** What replay does with an event: nothing (kept for the merge order only), keep it always, or it sets a slot. */
const IGNORED = 0;
const ALWAYS = 1;
const SLOT = 2;

/** One log's effective events (retracts applied), in file order, as small records. */
interface Walked {
  line: Float64Array; // byte offset of the line
  end: Float64Array;
  time: Float64Array;
  kind: Uint8Array;
  unreviewed: Uint8Array;
  group: Int32Array;
  slot: Int32Array;
  count: number;
  /** Events that took the slow path, by record index: not parsed twice. */
  parsed: Map<number, AnnotationEvent>;
}

/** `replayLogs(readAll(...).perFile)` with its warnings, for logs already read into memory. */
export function replayLogBytes(logs: readonly LogBytes[]): { state: ShardState; warnings: LogWarning[] } {
  const keys = new SlotKeys();
  const warnings: LogWarning[] = [];
  const texts = logs.map((log) => log.bytes.toString('latin1'));
  const walked = logs.map((log, file) => walk(log, texts[file], keys, warnings, logs.length > 1));
  const order = mergeOrder(walked);
  const keep = keptRecords(walked, order, keys.groups, keys.slots);
  const events: AnnotationEvent[] = [];
  for (let i = 0; i < order.length; i += 2) {
    const [file, record] = [order[i], order[i + 1]];
    const source = keep[file].get(record);
    if (source === undefined) continue;
    const from = Math.floor(source / FILE_STRIDE);
    const at = source - from * FILE_STRIDE;
    const w = walked[from];
    events.push(w.parsed.get(at) ?? again(texts[from], logs[from].bytes, w.line[at], w.end[at]));
  }
  return { state: replay(events), warnings };
}

/** A kept line, read again (it read as a plain event the first time). */
function again(text: string, bytes: Buffer, start: number, end: number): AnnotationEvent {
  const fast = fastEventLine(text, start, end);
  if (!fast) throw new Error(`${bytes.length}-byte log: a line that read as an event at byte ${start} no longer does`);
  return asKnownEvent(fast);
}

function walk(log: LogBytes, text: string, keys: SlotKeys, warnings: LogWarning[], needTimes: boolean): Walked {
  const { bytes, file } = log;
  const starts: number[] = [];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let at = bom; at < bytes.length;) {
    starts.push(at);
    const newline = bytes.indexOf(NEWLINE, at);
    at = newline === -1 ? bytes.length : newline + 1;
  }
  const n = starts.length;
  const w: Walked = {
    line: new Float64Array(n),
    end: new Float64Array(n),
    time: new Float64Array(needTimes ? n : 0),
    kind: new Uint8Array(n),
    unreviewed: new Uint8Array(n),
    group: new Int32Array(n),
    slot: new Int32Array(n),
    count: 0,
    parsed: new Map(),
  };
  const retracted = new Set<string>();
  const lineWarnings: LogWarning[] = [];
  // Filled from the end; compacted to the front afterwards.
  let record = n;
  for (let index = n - 1; index >= 0; index--) {
    const start = starts[index];
    const terminated = index < n - 1 || bytes[bytes.length - 1] === NEWLINE;
    let end = terminated ? (index < n - 1 ? starts[index + 1] - 1 : bytes.length - 1) : bytes.length;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    let event: FastEvent | null = fastEventLine(text, start, end);
    let slow: AnnotationEvent | undefined;
    if (!event) {
      const line = bytes.toString('utf8', start, end);
      if (line.trim() === '') continue;
      const parsed = parseEventLine(line);
      if (!parsed.ok) {
        const reason = terminated ? parsed.error : `truncated last line ignored (interrupted write?): ${parsed.error}`;
        lineWarnings.push({ file, line: index + 1, reason });
        continue;
      }
      slow = parsed.event;
      event = summary(slow);
    }
    if (event.type === 'retract') {
      // Any "retract" leaves the merge (as in replayLogs); only a current-version one takes its target back.
      if (event.verdict !== UNKNOWN && !retracted.has(event.id)) retracted.add(event.target!);
      continue;
    }
    if (retracted.has(event.id)) continue;
    const at = --record;
    w.line[at] = start;
    w.end[at] = end;
    if (needTimes) w.time[at] = timeOf(event.time);
    if (slow) w.parsed.set(at, slow);
    describe(event, at, w, keys);
  }
  compact(w, record, n);
  for (let i = lineWarnings.length - 1; i >= 0; i--) warnings.push(lineWarnings[i]);
  return w;
}

/** Marks an event of a type or version this version does not replay. */
const UNKNOWN = '\0unknown';

/** What `fastEventLine` gives, for an event parsed the ordinary way. */
function summary(event: AnnotationEvent): FastEvent {
  const out: FastEvent = { type: event.type, id: event.id, time: event.time, annotator: '', request: '' };
  if (!isKnownType(event)) return { ...out, verdict: UNKNOWN };
  const known = event as KnownEvent;
  out.request = known.request;
  if (known.type === 'extraction') out.comment = known.comment;
  if (known.type === 'model-verdict') [out.run, out.target] = [known.run, verdictTargetKey(known.target)];
  if (known.type === 'retract') out.target = known.target;
  if ('verdict' in known) out.verdict = known.verdict;
  return out;
}

/** Sets the record's kind, group, slot and unreviewed flag. */
function describe(event: FastEvent, at: number, w: Walked, keys: SlotKeys): void {
  if (event.verdict === UNKNOWN) return; // kind stays IGNORED
  let slot: readonly [number, number];
  switch (event.type) {
    case 'note':
    case 'model-run':
      w.kind[at] = ALWAYS;
      return;
    case 'extraction':
      slot = keys.of(event.request, 'c', event.comment!);
      break;
    case 'validity':
      slot = keys.of(event.request, 'v', '');
      break;
    case 'model-verdict':
      slot = keys.of(event.request, `m${event.run}`, event.target!);
      break;
    default:
      return; // adjudications: resolve.ts applies them, replay does not
  }
  w.kind[at] = SLOT;
  w.unreviewed[at] = event.verdict === 'unreviewed' ? 1 : 0;
  [w.group[at], w.slot[at]] = slot;
}

/**
 * Numbers for groups (a request's comments, its validity, its verdicts on one
 * run) and slots (one comment, the validity, one verdict target), by nested
 * maps: no key string is built per event.
 */
class SlotKeys {
  groups = 0;
  slots = 0;
  private readonly byRequest = new Map<string, Map<string, { group: number; slots: Map<string, number> }>>();

  of(request: string, part: string, target: string): readonly [number, number] {
    let parts = this.byRequest.get(request);
    if (!parts) this.byRequest.set(request, (parts = new Map()));
    let group = parts.get(part);
    if (!group) parts.set(part, (group = { group: this.groups++, slots: new Map() }));
    let slot = group.slots.get(target);
    if (slot === undefined) group.slots.set(target, (slot = this.slots++));
    return [group.group, slot];
  }
}

/** Moves records [from, n) to [0, n - from). */
function compact(w: Walked, from: number, n: number): void {
  w.count = n - from;
  for (const array of [w.line, w.end, w.time, w.kind, w.unreviewed, w.group, w.slot]) {
    if (array.length === n) array.copyWithin(0, from, n);
  }
  if (from > 0 && w.parsed.size) w.parsed = new Map([...w.parsed].map(([at, event]) => [at - from, event]));
}

/** (file, record) pairs in the order mergeByTime gives: by time across logs, each log's order kept, ties to the earlier file. */
function mergeOrder(walked: readonly Walked[]): Int32Array {
  const total = walked.reduce((sum, w) => sum + w.count, 0);
  const order = new Int32Array(total * 2);
  let out = 0;
  if (walked.length === 1) {
    for (let record = 0; record < walked[0].count; record++) order[out++ * 2 + 1] = record;
    return order;
  }
  const heads = walked.map(() => 0);
  for (;;) {
    let pick = -1;
    let pickTime = Infinity;
    for (let file = 0; file < walked.length; file++) {
      if (heads[file] >= walked[file].count) continue;
      const time = walked[file].time[heads[file]];
      if (pick === -1 || time < pickTime) [pick, pickTime] = [file, time];
    }
    if (pick === -1) return order;
    order[out * 2] = pick;
    order[out * 2 + 1] = heads[pick]++;
    out++;
  }
}

/** A (file, record) pair as one number. */
const FILE_STRIDE = 2 ** 32;

/**
 * Per file, the records replay needs, found walking the merged order from its
 * end: record -> the (file, record) whose event is replayed in its place. A
 * slot's first event after the group's last "unreviewed" fixes where its key
 * goes (insertion order shows in the JSON); its last one gives the value. So
 * the last one is replayed at the first one's place, and those between go.
 */
function keptRecords(walked: readonly Walked[], order: Int32Array, groupCount: number, slotCount: number): Map<number, number>[] {
  const keep = walked.map(() => new Map<number, number>());
  const itself = (file: number, record: number): void => void keep[file].set(record, file * FILE_STRIDE + record);
  const full = new Uint8Array(groupCount); // the group's last "unreviewed" was passed: keep everything before it
  const seen = new Uint8Array(slotCount);
  const hasFirst = new Uint8Array(slotCount);
  const first = new Float64Array(slotCount);
  const last = new Float64Array(slotCount);
  for (let at = order.length - 2; at >= 0; at -= 2) {
    const [file, record] = [order[at], order[at + 1]];
    const w = walked[file];
    const kind = w.kind[record];
    if (kind === IGNORED) continue;
    if (kind === ALWAYS || full[w.group[record]]) {
      itself(file, record);
      continue;
    }
    const slot = w.slot[record];
    if (w.unreviewed[record]) {
      // Kept, and so is everything of the group before it; the slots' first events after it are known now.
      itself(file, record);
      full[w.group[record]] = 1;
      seen[slot] = 1;
      continue;
    }
    if (!seen[slot]) last[slot] = file * FILE_STRIDE + record;
    seen[slot] = 1;
    hasFirst[slot] = 1;
    first[slot] = file * FILE_STRIDE + record;
  }
  for (let slot = 0; slot < slotCount; slot++) {
    if (!hasFirst[slot]) continue;
    const file = Math.floor(first[slot] / FILE_STRIDE);
    keep[file].set(first[slot] - file * FILE_STRIDE, last[slot]);
  }
  return keep;
}

function timeOf(time: string): number {
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? -Infinity : parsed;
}
