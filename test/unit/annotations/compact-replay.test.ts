// The compact replay (fast line reading, superseded events left unparsed) must
// give exactly the state and warnings of reading every line and replaying:
// checked on seeded random logs with every kind of line, and on edge cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replayLogBytes, type LogBytes } from '../../../src/core/annotations/compact-replay';
import { asKnownEvent, fastEventLine } from '../../../src/core/annotations/fast-line';
import { LOG_START, parseEventLine, parseLogBytes } from '../../../src/core/annotations/log-lines';
import { replayLogs } from '../../../src/core/annotations/merge';
import { replay } from '../../../src/core/annotations/replay';

/** The plain path: every line parsed, then `replayLogs` (what `readAll` + replay give). */
function plain(logs: readonly LogBytes[]) {
  const reads = logs.map((log) => parseLogBytes(log.bytes, log.file, LOG_START, true));
  return { state: replayLogs(reads.map((read) => read.events)), warnings: reads.flatMap((read) => read.warnings) };
}

function assertSame(logs: readonly LogBytes[], message: string): void {
  const expected = plain(logs);
  const actual = replayLogBytes(logs);
  // JSON of the entries: key order (which shows in exports and in the webview) must match too.
  assert.equal(JSON.stringify([...actual.state]), JSON.stringify([...expected.state]), message);
  assert.deepEqual(actual.warnings, expected.warnings, message);
}

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const REASONS = ['Not a rec request', 'Image is text', 'Other'];

/** One annotator's log: a mix of every event type, undo chains, odd lines and a few malformed ones. */
function randomLog(seed: number, annotator: string, count: number): string {
  const pick = random(seed);
  const lines: string[] = [];
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = `${annotator}-${n}`;
    const base = {
      v: 1,
      id,
      // Several logs interleave by time; some times repeat, a few go back, one is not a time.
      time: pick(40) === 0 ? 'not a time' : new Date(Date.UTC(2024, 0, 1, 0, 0, n + pick(5) - 2)).toISOString(),
      annotator,
      request: `r${pick(4)}`,
    };
    const comment = `c${pick(4)}`;
    const roll = pick(100);
    let event: Record<string, unknown>;
    if (roll < 20) event = { ...base, type: 'extraction', comment, verdict: ['confirmed', 'corrected', 'unreviewed'][pick(3)] };
    else if (roll < 25)
      event = { ...base, type: 'extraction', comment, verdict: 'corrected', items: pick(2) ? [] : ['a - b', 'c'] };
    else if (roll < 37) {
      event = { ...base, type: 'validity', verdict: ['valid', 'invalid', 'unreviewed'][pick(3)] };
      if (event.verdict === 'invalid' && pick(3)) event.reason = REASONS[pick(3)];
      if (pick(4) === 0) event.note = pick(2) ? 'plain note' : 'naïve "quoted" note';
    } else if (roll < 55) {
      const target = pick(3) ? { kind: 'title', index: pick(3) } : { kind: 'choice' };
      const verdicts = target.kind === 'choice' ? ['agree', 'disagree', 'unreviewed'] : ['relevant', 'unsure', 'unreviewed'];
      event = {
        ...base,
        type: 'model-verdict',
        run: ['m/image/rec_title', 'inline:x'][pick(2)],
        target,
        verdict: verdicts[pick(3)],
      };
    } else if (roll < 62) event = { ...base, type: 'note', text: pick(3) ? 'a note' : 'ünïcode\nnote' };
    else if (roll < 78 && ids.length)
      event = { ...base, type: 'retract', target: ids[ids.length - 1 - pick(Math.min(6, ids.length))] };
    else if (roll < 81) event = { ...base, type: 'adjudication', verdict: 'valid' };
    else if (roll < 83) event = { ...base, v: 2, type: 'retract', target: ids[0] ?? 'x' };
    else if (roll < 85) event = { ...base, v: 2, type: 'future-kind', extra: { nested: [1] } };
    else if (roll < 87) event = modelRun(base);
    else if (roll < 89) event = { ...base, type: 'extraction', comment, verdict: 'confirmed', stray: 'stripped by zod' };
    else event = { ...base, type: 'extraction', comment, verdict: 'confirmed' };
    ids.push(id);
    let line = JSON.stringify(event);
    const odd = pick(60);
    if (odd === 0)
      line = '{"v":1,"id":"broken"'; // not JSON
    else if (odd === 1)
      line = JSON.stringify({ ...base, type: 'validity', verdict: 'maybe' }); // invalid known type
    else if (odd === 2) line = '';
    else if (odd === 3) line += '\r';
    else if (odd === 4)
      line = ' ' + line; // whitespace: JSON.parse takes it
    else if (odd === 5) line = line.replace('"v":1', '"v":1,"v":1'); // a repeated key
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function modelRun(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    type: 'model-run',
    profile: 'p',
    backend: 'openai',
    model: 'm',
    host: '127.0.0.1',
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    messagesSha256: 'a'.repeat(64),
    startedAt: base.time,
    endedAt: base.time,
    latencyMs: 5,
    temperature: 0,
    temperatureApplied: true,
    maxTokens: 10,
    answer: 'x - y',
  };
}

test('compact replay equals reading every line and replaying, on random logs of one annotator', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const log = { file: `/logs/a${seed}.jsonl`, bytes: Buffer.from(randomLog(seed, 'ann', 5 + (seed % 120))) };
    assertSame([log], `seed ${seed}`);
  }
});

test('compact replay equals replayLogs on several annotators merged by time (retracts stay in their own log)', () => {
  for (let seed = 1; seed <= 80; seed++) {
    const logs = ['alice', 'bob', 'chen'].slice(0, 2 + (seed % 2)).map((name, index) => ({
      file: `/logs/${name}.jsonl`,
      bytes: Buffer.from(randomLog(seed * 10 + index, name, 20 + ((seed * 7) % 90))),
    }));
    assertSame(logs, `seed ${seed}`);
  }
});

test('a byte order mark, a truncated last line and malformed lines: same warnings, named by file and line', () => {
  const good = (id: string, verdict: string) =>
    JSON.stringify({ v: 1, id, time: '2024-01-01T00:00:00.000Z', annotator: 'a', type: 'validity', request: 'r1', verdict });
  const text = `\uFEFF${good('1', 'valid')}\nnot json\n${good('2', 'invalid')}\n{"v":1,"id":"3","time":"t","annot`;
  const log = { file: '/logs/a.jsonl', bytes: Buffer.from(text) };
  assertSame([log], 'bom and tail');
  const { state, warnings } = replayLogBytes([log]);
  assert.deepEqual(state.get('r1')?.validity, { status: 'invalid', reason: 'Other' });
  assert.deepEqual(
    warnings.map((warning) => `${warning.file}:${warning.line}`),
    ['/logs/a.jsonl:2', '/logs/a.jsonl:4'],
  );
  assert.match(warnings[1].reason, /truncated last line/);
});

test('a key that comes back after "unreviewed" goes where it came back, as in a full replay', () => {
  const event = (id: string, comment: string, verdict: string) =>
    JSON.stringify({
      v: 1,
      id,
      time: '2024-01-01T00:00:00.000Z',
      annotator: 'a',
      type: 'extraction',
      request: 'r',
      comment,
      verdict,
    });
  const lines = [event('1', 'c1', 'confirmed'), event('2', 'c2', 'confirmed'), event('3', 'c1', 'confirmed')];
  lines.push(event('4', 'c1', 'unreviewed'), event('5', 'c1', 'corrected'), event('6', 'c1', 'confirmed'));
  const log = { file: '/logs/a.jsonl', bytes: Buffer.from(lines.join('\n') + '\n') };
  assertSame([log], 'reinsert');
  assert.deepEqual(Object.keys(replayLogBytes([log]).state.get('r')!.comments), ['c2', 'c1']);
});

test('the fast line reader accepts only lines the ordinary parser reads, with the same fields', () => {
  for (let seed = 1; seed <= 40; seed++) {
    for (const line of randomLog(seed, 'ann', 60).split('\n')) {
      const trimmed = line.replace(/\r$/, '');
      const fast = fastEventLine(trimmed, 0, trimmed.length);
      if (!fast) continue;
      const parsed = parseEventLine(trimmed);
      assert.ok(parsed.ok, `fast path accepted a line the parser refuses: ${line}`);
      const event = asKnownEvent(fast);
      // Replaying the one event either way gives the same state.
      assert.equal(JSON.stringify([...replay([event])]), JSON.stringify([...replay([parsed.event])]), line);
      for (const key of ['type', 'id', 'time', 'request'] as const) assert.equal(event[key], parsed.event[key as 'id'], line);
    }
  }
  for (const odd of ['{"v":1 }', '{"v":01,"id":"x"}', '{"__proto__":"x"}', '{"v":1,"id":"a\\"b"}', '[1]']) {
    assert.equal(fastEventLine(odd, 0, odd.length), null, odd);
  }
});
