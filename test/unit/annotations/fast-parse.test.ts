// The hand-checked fast path for event lines must give exactly what the zod
// schemas give: the same events, the same errors, for every kind of line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlainKnownEvent } from '../../../src/core/annotations/event-shape';
import { KnownEvent, UnknownEvent } from '../../../src/core/annotations/events';
import {
  isKnownType,
  LOG_START,
  parseEventLine,
  parseLogBytes,
  parseLogBytesInSlices,
} from '../../../src/core/annotations/log-lines';
import { replay } from '../../../src/core/annotations/replay';

/** The parser as it was before the fast path: zod for every line. */
function zodOnly(text: string): { ok: true; event: unknown } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const issue = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
    issues[0]?.path.length ? `${issues[0].path.map(String).join('.')}: ${issues[0].message}` : (issues[0]?.message ?? 'invalid');
  const known = KnownEvent.safeParse(value);
  if (known.success) return { ok: true, event: known.data };
  const unknown = UnknownEvent.safeParse(value);
  if (!unknown.success) return { ok: false, error: `not an annotation event: ${issue(known.error.issues)}` };
  if (isKnownType(unknown.data)) return { ok: false, error: `invalid ${unknown.data.type} event: ${issue(known.error.issues)}` };
  return { ok: true, event: value };
}

const base = (n: number) => ({ v: 1, id: `e${n}`, time: `2024-06-01T00:00:0${n % 10}.000Z`, annotator: 'ana', request: 'r1' });

/** One event of every kind, with and without their optional fields. */
const KINDS: Record<string, unknown>[] = [
  { ...base(1), type: 'extraction', comment: 'c1', verdict: 'confirmed' },
  { ...base(2), type: 'extraction', comment: 'c2', verdict: 'corrected', items: ['a - b', 'c'] },
  { ...base(3), type: 'extraction', comment: 'c3', verdict: 'unreviewed' },
  { ...base(4), type: 'validity', verdict: 'invalid', reason: 'Image is text', note: 'hm' },
  { ...base(5), type: 'validity', verdict: 'valid' },
  { ...base(6), type: 'model-verdict', run: 'm/image/rec_title', target: { kind: 'title', index: 3 }, verdict: 'relevant' },
  { ...base(7), type: 'model-verdict', run: 'inline:x', target: { kind: 'choice' }, verdict: 'agree', note: 'n' },
  { ...base(8), type: 'note', text: '' },
  { ...base(9), type: 'retract', target: 'e1' },
  { ...base(10), type: 'adjudication', verdict: 'valid' },
  { ...base(11), type: 'adjudication', comment: 'c2', verdict: 'corrected', items: ['x'], reason: 'Other', note: 'n' },
  {
    ...base(12),
    type: 'model-run',
    profile: 'p',
    backend: 'openai',
    model: 'm',
    host: '127.0.0.1:1',
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    messagesSha256: 'a'.repeat(64),
    startedAt: 't',
    endedAt: 't',
    latencyMs: 1,
    temperature: 0,
    temperatureApplied: true,
    maxTokens: 10,
    answer: 'x',
  },
  { ...base(13), v: 2, type: 'future-kind', whatever: [1] },
  { ...base(14), type: 'hologram' },
];

const WRONG_VALUES: unknown[] = [undefined, null, '', 'x', 0, -1, 1.5, 2 ** 60, true, [], ['x'], [1], {}, { kind: 'choice' }];

/** Every kind, then each with one key removed, one value replaced by something else, or an extra key. */
function variants(): unknown[] {
  const out: unknown[] = [...KINDS];
  for (const event of KINDS) {
    for (const key of Object.keys(event)) {
      const { [key]: _dropped, ...rest } = event;
      out.push(rest);
      for (const wrong of WRONG_VALUES) out.push({ ...event, [key]: wrong });
    }
    out.push({ ...event, extra: 1 }, JSON.parse(`{"__proto__": {"v": 1}, ${JSON.stringify(event).slice(1)}`));
    out.push({ ...event, target: { kind: 'title', index: 1, extra: true } }, { ...event, items: ['a', 2] });
    out.push({ ...event, verdict: 'withdrawn' }, { ...event, reason: 'Not music rec' }, { ...event, reason: 'nope' });
  }
  return out;
}

test('the fast check accepts only events zod accepts unchanged', () => {
  let accepted = 0;
  for (const value of variants()) {
    if (!isPlainKnownEvent(value)) continue;
    accepted++;
    const parsed = KnownEvent.safeParse(value);
    assert.ok(parsed.success, `fast-accepted but zod refuses: ${JSON.stringify(value)}`);
    assert.deepEqual(parsed.data, value);
  }
  assert.ok(accepted > 20, `the fast path took too few (${accepted}) to be a fast path`);
});

test('parseEventLine gives the same event or the same error as zod alone, line for line', () => {
  for (const value of variants()) {
    const line = JSON.stringify(value) ?? 'undefined';
    assert.deepEqual(parseEventLine(line), zodOnly(line), line);
  }
  for (const line of ['{', 'null', '[]', '"text"', '{"v":1}', '1']) assert.deepEqual(parseEventLine(line), zodOnly(line), line);
});

const good = KINDS.map((event) => JSON.stringify(event));
const lines = ['{"not": "an event"}', good[0], 'garbage', ...good.slice(1), '', '{"v":1,"type":"note"}'];
const body = '\uFEFF' + lines.join('\n') + '\r\n' + '{"v":1,"id":"torn","ti';

test('a log with every kind, bad lines, a BOM, retracts and a torn last line reads and replays as before', () => {
  const chunk = parseLogBytes(Buffer.from(body), 'a.jsonl', LOG_START, true);
  const expectedEvents = lines.map(zodOnly).flatMap((result) => (result.ok ? [result.event] : []));
  assert.deepEqual(chunk.events, expectedEvents);
  assert.equal(chunk.events.length, KINDS.length);
  assert.deepEqual(
    chunk.warnings.map((warning) => warning.line),
    [1, 3, 18, 19],
  );
  assert.match(chunk.warnings[3].reason, /truncated last line/);
  assert.equal(chunk.cursor.line, 19);
  const state = replay(chunk.events as never);
  assert.deepEqual(state, replay(expectedEvents as never));
  // e9 retracts e1 (c1 confirmed): only c2 remains as extraction on r1.
  assert.deepEqual(Object.keys(state.get('r1')?.comments ?? {}), ['c2']);
});

test('parsing in slices gives what one pass gives, wherever the slices end, with or without the tail', async () => {
  const bytes = Buffer.from(body);
  for (const includeTail of [true, false]) {
    const whole = parseLogBytes(bytes, 'a.jsonl', LOG_START, includeTail);
    for (const sliceBytes of [1, 7, 50, 300, bytes.length, bytes.length * 2])
      assert.deepEqual(await parseLogBytesInSlices(bytes, 'a.jsonl', LOG_START, includeTail, sliceBytes), whole, `${sliceBytes}`);
    // From a cursor in the middle (an incremental read): no BOM there, line numbers go on.
    const rest = bytes.subarray(bytes.indexOf(0x0a, 200) + 1);
    const cursor = { offset: bytes.indexOf(0x0a, 200) + 1, line: 9 };
    assert.deepEqual(
      await parseLogBytesInSlices(rest, 'a.jsonl', cursor, includeTail, 40),
      parseLogBytes(rest, 'a.jsonl', cursor, includeTail),
    );
  }
});

/** The reader before lines were decoded a megabyte at a time: one decode per line. */
function lineAtATime(bytes: Buffer, includeTail: boolean) {
  const events: unknown[] = [];
  const warnings: { line: number; reason: string }[] = [];
  let lineStart = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  let line = 1;
  let consumed = 0;
  while (lineStart < bytes.length) {
    const end = bytes.indexOf(0x0a, lineStart);
    if (end === -1 && !includeTail) break;
    const text = bytes.toString('utf8', lineStart, end === -1 ? bytes.length : end).replace(/\r$/, '');
    if (text.trim() !== '') {
      const parsed = parseEventLine(text);
      if (parsed.ok) events.push(parsed.event);
      else if (end !== -1) warnings.push({ line, reason: parsed.error });
      else {
        warnings.push({ line, reason: `truncated last line ignored (interrupted write?): ${parsed.error}` });
        break;
      }
    }
    lineStart = end === -1 ? bytes.length : end + 1;
    consumed = lineStart;
    line += 1;
  }
  return { events, warnings, cursor: { offset: consumed, line } };
}

test('a log of several megabytes reads as it did line by line: accents, CRLF, blank and broken lines, invalid UTF-8 at a line end', () => {
  const parts: Buffer[] = [Buffer.from('\uFEFF')];
  for (let n = 0; n < 30_000; n++) {
    const event = { ...base(n), id: `e${n}`, type: 'note', text: `Café ${'ü'.repeat(n % 7)} n°${n}` };
    let line = Buffer.from(JSON.stringify(event));
    if (n % 997 === 0) line = Buffer.from('not json');
    if (n % 1301 === 0) line = Buffer.concat([line.subarray(0, line.length - 3), Buffer.from([0xc3])]); // a cut "ü"
    const end = n % 3 === 0 ? '\r\n' : n % 1009 === 0 ? '\n  \n' : '\n';
    parts.push(line, Buffer.from(end));
  }
  const whole = Buffer.concat(parts);
  assert.ok(whole.length > 3 << 20, 'spans several decoded pieces');
  for (const bytes of [
    whole,
    Buffer.concat([whole, Buffer.from('{"v":1,"id":"torn"')]),
    Buffer.concat([whole, Buffer.from(good[0])]),
  ])
    for (const includeTail of [true, false]) {
      const got = parseLogBytes(bytes, 'big.jsonl', LOG_START, includeTail);
      const want = lineAtATime(bytes, includeTail);
      assert.deepEqual(got.events, want.events);
      assert.deepEqual(
        got.warnings.map(({ line, reason }) => ({ line, reason })),
        want.warnings,
      );
      assert.deepEqual(got.cursor, want.cursor);
    }
});
