// Rules of the log that log.test.ts and fast-parse.test.ts leave unpinned:
// incremental reads from odd cursors, appends that must write nothing (or
// exactly the body), descriptors given back, a BOM only at the start, blank
// tails, the event loop's turn between slices, readAll's order and tail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { LOG_START, parseLogBytes, parseLogBytesInSlices } from '../../../src/core/annotations/log-lines';
import { descriptorsLeftBy, NO_DESCRIPTOR_COUNT } from '../../helpers/descriptors';
import { makeTempDir } from './temp';

const note = (text: string) => ({ type: 'note' as const, request: 'r1', text });
const line = (id: string, annotator = 'ana', time = '2024-01-01T00:00:01.000Z') =>
  JSON.stringify({ v: 1, id, time, annotator, request: 'r1', type: 'note', text: id });

function shardIn(t: Parameters<typeof makeTempDir>[0]): string {
  const shard = path.join(makeTempDir(t), 'books-001.shard.jsonl');
  writeFileSync(shard, '');
  return shard;
}

test('a cursor without an inode, or with inode 0 (unknown), reads on from its offset', async (t) => {
  const log = AnnotationLog.open(shardIn(t), 'ana');
  await log.append(note('one'));
  const { cursor } = await log.read();
  const [two] = await log.append(note('two'));
  for (const from of [
    { offset: cursor.offset, line: cursor.line },
    { ...cursor, ino: 0 },
  ]) {
    const next = await log.readFrom(from);
    assert.equal(next.restarted, false, JSON.stringify(from));
    assert.deepEqual(next.events, [two]);
  }
});

test('a cursor at the end reads nothing and does not restart; a deleted log restarts empty', async (t) => {
  const log = AnnotationLog.open(shardIn(t), 'ana');
  await log.append(note('one'));
  const { cursor } = await log.read();
  const idle = await log.readFrom(cursor);
  assert.deepEqual([idle.restarted, idle.events, idle.cursor], [false, [], cursor]);
  rmSync(log.file);
  const gone = await log.readFrom(cursor);
  assert.deepEqual([gone.restarted, gone.events, gone.cursor], [true, [], LOG_START]);
});

test('a log first read while missing, then written, is read on, not restarted', async (t) => {
  const shard = shardIn(t);
  const log = AnnotationLog.open(shard, 'ana');
  const empty = await log.read();
  assert.deepEqual(empty.cursor, LOG_START, 'no inode for a file that is not there');
  // Another window of the same annotator writes first.
  const written = await AnnotationLog.open(shard, 'ana').append(note('one'));
  const next = await log.readFrom(empty.cursor);
  assert.deepEqual([next.restarted, next.events], [false, written]);
});

test("another annotator's log under our name: refused until a replaced file shows it is ours, and not forgotten on an idle read", async (t) => {
  const shard = shardIn(t);
  const log = AnnotationLog.open(shard, 'ana_b');
  mkdirSync(path.dirname(log.file), { recursive: true });
  writeFileSync(log.file, line('x1', 'Ana.B') + '\n');
  const { cursor } = await log.read();
  await log.readFrom(cursor);
  await assert.rejects(log.append(note('mine')), /holds the annotations of "Ana\.B"/);
  // As a git checkout does: a new file (new inode) in its place, holding only our own events.
  const replacement = `${log.file}.new`;
  writeFileSync(replacement, line('y1', 'ana_b') + '\n' + line('y2', 'ana_b') + '\n');
  renameSync(replacement, log.file);
  const next = await log.readFrom(cursor);
  assert.equal(next.restarted, true);
  const [mine] = await log.append(note('mine'));
  assert.deepEqual(
    (await log.read()).events.map((event) => event.id),
    ['y1', 'y2', mine.id],
  );
});

test('appending nothing creates no file; appending to an existing empty file writes exactly the events', async (t) => {
  const log = AnnotationLog.open(shardIn(t), 'ana');
  await log.appendRaw([]);
  assert.equal(existsSync(log.file), false);
  assert.equal(existsSync(path.dirname(log.file)), false);
  mkdirSync(path.dirname(log.file), { recursive: true });
  writeFileSync(log.file, '');
  const [one] = await log.append(note('one'));
  assert.equal(readFileSync(log.file, 'utf8'), JSON.stringify(one) + '\n');
});

test('appends and reads give back every file descriptor they open', { skip: NO_DESCRIPTOR_COUNT }, async (t) => {
  const shard = shardIn(t);
  // The first append creates the folder and the file (the folder is fsync'd); warm up once.
  const log = AnnotationLog.open(shard, 'ana');
  await log.append(note('warm'));
  let logs = 0;
  const phases: [string, () => Promise<unknown>][] = [
    ['appends to a new log', () => AnnotationLog.open(shard, `new${++logs}`).append(note('n'))],
    ['appends', () => log.append(note('a'))],
    ['reads', () => log.read()],
    ['reads from a cursor', () => log.readFrom(LOG_START)],
    ['reads of every log', () => AnnotationLog.readAll(shard)],
  ];
  for (const [what, step] of phases) {
    const left = await descriptorsLeftBy(step);
    assert.ok(left.open < 3, `${what}: ${left.open} descriptors left open`);
    assert.equal(left.closedByGc, 0, `${what}: descriptors closed only by the garbage collector`);
  }
});

test('a BOM counts only at the start of the file: later, it is part of a line', () => {
  const bytes = Buffer.from('\uFEFF' + line('late') + '\n');
  const middle = parseLogBytes(bytes, 'ana.jsonl', { offset: 40, line: 3 }, true);
  assert.deepEqual(middle.events, []);
  assert.deepEqual(
    middle.warnings.map((warning) => [warning.line, warning.reason.slice(0, 8)]),
    [[3, 'not JSON']],
  );
  assert.deepEqual(parseLogBytes(bytes, 'ana.jsonl', LOG_START, true).events.length, 1);
});

test('a blank unterminated tail is consumed, not an event and not a warning', () => {
  const bytes = Buffer.from(line('one') + '\n   ');
  const read = parseLogBytes(bytes, 'ana.jsonl', LOG_START, true);
  assert.deepEqual([read.events.length, read.warnings, read.cursor], [1, [], { offset: bytes.length, line: 3 }]);
});

test('lines ending exactly at a decoded piece (one megabyte) read once each', () => {
  const first = line('first');
  const filler = JSON.stringify({ v: 1, id: 'filler', time: 't', annotator: 'ana', request: 'r1', type: 'note', text: '' });
  const pad = (1 << 20) - (first.length + 1) - (filler.length + 1);
  const big = JSON.stringify({
    v: 1,
    id: 'filler',
    time: 't',
    annotator: 'ana',
    request: 'r1',
    type: 'note',
    text: 'x'.repeat(pad),
  });
  const bytes = Buffer.from(`${first}\n${big}\n`);
  assert.equal(bytes.length, 1 << 20);
  const read = parseLogBytes(bytes, 'ana.jsonl', LOG_START, false);
  assert.deepEqual(
    read.events.map((event) => event.id),
    ['first', 'filler'],
  );
  assert.deepEqual(read.cursor, { offset: 1 << 20, line: 3 });
});

test('a log of many slices gives the event loop a turn between them, and the same events as one pass', async () => {
  const bytes = Buffer.from(Array.from({ length: 200 }, (_, n) => line(`e${n}`) + '\n').join(''));
  // Counts the turns the event loop gets while the read runs: about one per slice.
  let turns = 0;
  let reading = true;
  const count = () => {
    turns++;
    if (reading) setImmediate(count);
  };
  setImmediate(count);
  const sliced = await parseLogBytesInSlices(bytes, 'ana.jsonl', LOG_START, true, 1000);
  reading = false;
  const slices = Math.floor(bytes.length / 1000);
  assert.ok(turns >= slices - 1, `${turns} turns for ${slices} slices`);
  assert.deepEqual(sliced, parseLogBytes(bytes, 'ana.jsonl', LOG_START, true));
});

test('readAll: an empty folder list for a shard never annotated; the last line without newline counts; warnings in line order', async (t) => {
  const shard = shardIn(t);
  assert.deepEqual(await AnnotationLog.readAll(shard), { events: [], perFile: [], warnings: [], files: [] });
  const dir = `${shard}.annotations`;
  mkdirSync(dir);
  // Line 1: a forged event (the vet's warning); line 2: not JSON (the parser's); line 3, unterminated: a real event.
  writeFileSync(path.join(dir, 'ana.jsonl'), `${line('forged', 'bea')}\nnot json\n${line('tail')}`);
  for (const name of ['zed', 'mia', 'bob']) writeFileSync(path.join(dir, `${name}.jsonl`), line(`${name}1`, name) + '\n');
  const all = await AnnotationLog.readAll(shard);
  assert.deepEqual(
    all.files.map((file) => path.basename(file)),
    ['ana.jsonl', 'bob.jsonl', 'mia.jsonl', 'zed.jsonl'],
  );
  assert.deepEqual(
    all.perFile.map((events) => events.map((event) => event.id)),
    [['tail'], ['bob1'], ['mia1'], ['zed1']],
  );
  assert.deepEqual(
    all.warnings.map((warning) => [path.basename(warning.file), warning.line]),
    [
      ['ana.jsonl', 1],
      ['ana.jsonl', 2],
    ],
  );
});

test('readAll: an annotations "folder" that is a file is an error, not an empty list', async (t) => {
  const shard = shardIn(t);
  writeFileSync(`${shard}.annotations`, 'not a folder');
  await assert.rejects(AnnotationLog.readAll(shard), /ENOTDIR/);
});

test('readAll orders the logs by name as JavaScript sorts strings, whatever order the file system lists them in', async (t) => {
  const shard = shardIn(t);
  const dir = `${shard}.annotations`;
  mkdirSync(dir);
  // Node lists a folder in UTF-8 byte order; JavaScript sorts by UTF-16 unit, which puts an astral letter first.
  for (const name of ['\uff41', '\u{1d4b6}', 'b']) writeFileSync(path.join(dir, `${name}.jsonl`), line(`${name}1`, name) + '\n');
  const files = (await AnnotationLog.readAll(shard)).files.map((file) => path.basename(file, '.jsonl'));
  assert.deepEqual(files, ['b', '\u{1d4b6}', '\uff41']);
});

// A Linux sysfs file says 4096 bytes and holds a few: a real file that, read, ends before its size, as a log
// cut short between the size and the read would. Read in a child process: a reader that waited for the
// missing bytes would never return, and the child is stopped instead of the suite.
const SHORTER_THAN_ITS_SIZE = '/sys/devices/system/cpu/online';

test(
  'a file that ends before the size it gave is read to its end, not waited on',
  { skip: !existsSync(SHORTER_THAN_ITS_SIZE) && `no ${SHORTER_THAN_ITS_SIZE} here` },
  () => {
    const reader = path.resolve(__dirname, '../../../src/core/annotations/log-file.ts');
    const script = `require(${JSON.stringify(reader)}).readBytesFrom(${JSON.stringify(SHORTER_THAN_ITS_SIZE)}, 0)
      .then(({ bytes }) => process.stdout.write(bytes))`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--eval', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.signal, null, 'the read returned');
    assert.equal(child.stdout, readFileSync(SHORTER_THAN_ITS_SIZE, 'utf8'));
    assert.ok(child.stdout.length < statSync(SHORTER_THAN_ITS_SIZE).size);
  },
);
