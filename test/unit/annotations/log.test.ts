import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { annotationLogPath } from '../../../src/core/annotations/paths';
import { makeTempDir } from './temp';

const note = (text: string, request = 'r1') => ({ type: 'note' as const, request, text });

function setup(t: Parameters<typeof makeTempDir>[0]) {
  const shard = path.join(makeTempDir(t), 'books-001.shard.jsonl');
  writeFileSync(shard, '');
  return shard;
}

test('append fills v, id, time and annotator and read gives them back', async (t) => {
  const shard = setup(t);
  const log = AnnotationLog.open(shard, 'Ana Lima');
  const written = await log.append(note('one'), note('two'));
  assert.equal(log.file, annotationLogPath(shard, 'Ana Lima'));
  assert.equal(written.length, 2);
  assert.notEqual(written[0].id, written[1].id);
  assert.equal(written[0].annotator, 'Ana Lima');
  assert.equal(written[0].v, 1);
  assert.ok(!Number.isNaN(Date.parse(written[0].time)));
  const { events, warnings } = await log.read();
  assert.deepEqual(events, written);
  assert.deepEqual(warnings, []);
});

test('an invalid draft is refused before anything is written', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  const bad = { type: 'validity', request: 'r1', verdict: 'maybe' } as never;
  await assert.rejects(log.append(note('fine'), bad), /event 2 of 2 is invalid/);
  assert.deepEqual((await log.read()).events, []);
});

test('a missing log reads as empty', async (t) => {
  const { events, warnings } = await AnnotationLog.open(setup(t), 'ana').read();
  assert.deepEqual([events, warnings], [[], []]);
});

test('a truncated last line is ignored with a warning; earlier events survive', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  const written = await log.append(note('one'), note('two'));
  appendFileSync(log.file, '{"v":1,"id":"torn","ti');
  const { events, warnings } = await log.read();
  assert.deepEqual(events, written);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].line, 3);
  assert.equal(warnings[0].file, log.file);
  assert.match(warnings[0].reason, /truncated last line/);
});

test('appending after a torn line isolates it: only that line is lost', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  const first = await log.append(note('one'));
  appendFileSync(log.file, '{"v":1,"id":"torn"');
  const second = await log.append(note('two'));
  const { events, warnings } = await log.read();
  assert.deepEqual(events, [...first, ...second]);
  assert.deepEqual(
    warnings.map((w) => w.line),
    [2],
  );
});

test('a malformed middle line is reported with file:line and its neighbours are kept', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  const [a] = await log.append(note('a'));
  appendFileSync(log.file, 'not json at all\n{"v":1,"id":"x","time":"t","annotator":"ana","request":"r1","type":"note"}\n');
  const [b] = await log.append(note('b'));
  const { events, warnings } = await log.read();
  assert.deepEqual(events, [a, b]);
  assert.deepEqual(
    warnings.map((w) => [w.file, w.line]),
    [
      [log.file, 2],
      [log.file, 3],
    ],
  );
  assert.match(warnings[0].reason, /not JSON/);
  assert.match(warnings[1].reason, /invalid note event: text/);
});

test('unknown event types are kept and round-trip byte for byte', async (t) => {
  const shard = setup(t);
  const from = AnnotationLog.open(shard, 'ana');
  // Unusual spacing and an escaped non-ASCII character: JSON.stringify would write neither.
  const line =
    '{"v":1, "id":"u1","time":"2024-01-01T00:00:00Z","annotator":"ana","request":"r1","type":"highlight","span":[1,2],"label":"caf\\u00e9"}';
  mkdirSync(path.dirname(from.file), { recursive: true });
  writeFileSync(from.file, line + '\n');
  const { events, warnings } = await from.read();
  assert.deepEqual(warnings, []);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'highlight');
  assert.deepEqual((events[0] as Record<string, unknown>).span, [1, 2]);
  const to = AnnotationLog.open(shard, 'bea');
  await to.appendRaw(events);
  assert.equal(readFileSync(to.file, 'utf8'), line + '\n');
});

test('append never rewrites: same inode, earlier bytes unchanged', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  await log.append(note('one'));
  const before = readFileSync(log.file);
  const inode = statSync(log.file).ino;
  await log.append(note('two'), note('three'));
  const after = readFileSync(log.file);
  assert.equal(statSync(log.file).ino, inode);
  assert.ok(after.length > before.length);
  assert.deepEqual(after.subarray(0, before.length), before);
});

test('concurrent appends from two instances on one file lose nothing', async (t) => {
  const shard = setup(t);
  const one = AnnotationLog.open(shard, 'ana');
  const two = AnnotationLog.open(shard, 'ana');
  const batches = Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).append(note(`n${i}`), note(`m${i}`)));
  const written = (await Promise.all(batches)).flat();
  const { events, warnings } = await one.read();
  assert.deepEqual(warnings, []);
  assert.equal(events.length, 120);
  assert.deepEqual(new Set(events.map((e) => e.id)), new Set(written.map((e) => e.id)));
});

test('readFrom gives only what was appended since the cursor, complete lines only', async (t) => {
  const shard = setup(t);
  const log = AnnotationLog.open(shard, 'ana');
  await log.append(note('one'));
  const first = await log.read();
  const other = AnnotationLog.open(shard, 'ana');
  const [two] = await other.append(note('two'));
  appendFileSync(log.file, '{"v":1,"id":"half');
  const next = await log.readFrom(first.cursor);
  assert.deepEqual(next.events, [two]);
  assert.deepEqual(next.warnings, []);
  assert.equal(next.restarted, false);
  assert.equal(next.cursor.line, 3);
  const idle = await log.readFrom(next.cursor);
  assert.deepEqual([idle.events, idle.cursor], [[], next.cursor], 'the half-written line waits');
});

test('readFrom restarts when the file shrank (replaced underneath)', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  await log.append(note('one'), note('two'));
  const { cursor } = await log.read();
  writeFileSync(log.file, '');
  const [three] = await log.append(note('three'));
  const next = await log.readFrom(cursor);
  assert.equal(next.restarted, true);
  assert.deepEqual(next.events, [three]);
});

test('readFrom restarts when the file was replaced by another one (as git does), even if longer', async (t) => {
  const log = AnnotationLog.open(setup(t), 'ana');
  await log.append(note('one'));
  const { cursor, events } = await log.read();
  const replacement = `${log.file}.new`;
  writeFileSync(replacement, readFileSync(log.file, 'utf8') + readFileSync(log.file, 'utf8').replace(events[0].id, 'other-id'));
  renameSync(replacement, log.file);
  const next = await log.readFrom(cursor);
  assert.equal(next.restarted, true);
  assert.deepEqual(
    next.events.map((e) => e.id),
    [events[0].id, 'other-id'],
  );
});

test('readAll merges every annotator by time and reports each file', async (t) => {
  const shard = setup(t);
  const ana = AnnotationLog.open(shard, 'ana');
  const bea = AnnotationLog.open(shard, 'bea');
  const event = (id: string, time: string, annotator: string) =>
    JSON.stringify({ v: 1, id, time, annotator, request: 'r1', type: 'note', text: id }) + '\n';
  mkdirSync(path.dirname(ana.file), { recursive: true });
  writeFileSync(ana.file, event('a1', '2024-01-01T00:00:01Z', 'ana') + event('a2', '2024-01-01T00:00:03Z', 'ana'));
  writeFileSync(bea.file, event('b1', '2024-01-01T00:00:02Z', 'bea') + 'oops\n');
  writeFileSync(path.join(path.dirname(ana.file), 'README.txt'), 'not a log');
  const all = await AnnotationLog.readAll(shard);
  assert.deepEqual(
    all.events.map((e) => e.id),
    ['a1', 'b1', 'a2'],
  );
  assert.deepEqual(all.files, [ana.file, bea.file]);
  assert.deepEqual(
    all.warnings.map((w) => [w.file, w.line]),
    [[bea.file, 2]],
  );
});
