// Where annotation logs go when a re-import regroups the requests into other
// shards: planned first (refusing to detach anything), then committed. Logs
// are written here by hand beside shard names; the shards themselves need not
// exist for the plan.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ReleaseImportError } from '../../../src/core/release/import';
import { planLogMoves } from '../../../src/core/release/import-logs';
import { makeTempDir } from '../annotations/temp';

/** One event line about `request`. */
const event = (request: string, n: number): string =>
  JSON.stringify({ v: 1, id: `e${n}`, time: '2026-01-01T10:00:00.000Z', annotator: 'ana', request, type: 'note', text: `n${n}` });

const shard = (dir: string, n: number): string => path.join(dir, `music-00${n}.shard.jsonl`);
const logOf = (dir: string, n: number, annotator: string): string =>
  path.join(`${shard(dir, n)}.annotations`, `${annotator}.jsonl`);

/** Writes `text` exactly as given to `annotator`'s log beside shard `n`. */
function writeLog(dir: string, n: number, annotator: string, text: string): string {
  const log = logOf(dir, n, annotator);
  mkdirSync(path.dirname(log), { recursive: true });
  writeFileSync(log, text);
  return log;
}

/** request id -> the number of the new shard that holds it. */
const placing = (dir: string, shards: Record<string, number>): Map<string, string> =>
  new Map(Object.entries(shards).map(([request, n]) => [request, shard(dir, n)]));

/** The plan without its commit, paths relative to `dir`. */
function planned(dir: string, plan: Awaited<ReturnType<typeof planLogMoves>>) {
  const relative = (file: string) => path.relative(dir, file);
  return {
    events: plan.events,
    requests: plan.requests,
    moves: plan.moves.map((move) => [relative(move.from), relative(move.to), move.events]),
  };
}

test('a target folder that does not exist yet holds no logs: nothing to move', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  const plan = await planLogMoves(path.join(dir, 'absent'), 'music', placing(dir, { m001: 1 }));
  assert.deepEqual(planned(dir, plan), { events: 0, requests: [], moves: [] });
  await plan.commit();
  assert.deepEqual(readdirSync(dir), []);
});

test('a target that is a file, not a folder, is an error', async (t) => {
  const file = path.join(makeTempDir(t, 'imagery-import-logs-'), 'shards');
  writeFileSync(file, '');
  await assert.rejects(planLogMoves(file, 'music', new Map()), { code: 'ENOTDIR' });
});

test("an annotator's logs from several old shards merge into the new shard's log in shard order", async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  // Written out of order: the folders are read in name order, whatever order the file system lists them in.
  for (const n of [3, 1, 5, 2, 4]) writeLog(dir, n, 'ana', `${event(`m00${n}`, n)}\n`);
  const plan = await planLogMoves(dir, 'music', placing(dir, { m001: 1, m002: 1, m003: 1, m004: 1, m005: 1 }));
  assert.deepEqual(planned(dir, plan), {
    events: 4,
    requests: ['m002', 'm003', 'm004', 'm005'],
    moves: [2, 3, 4, 5].map((n) => [path.relative(dir, logOf(dir, n, 'ana')), path.relative(dir, logOf(dir, 1, 'ana')), 1]),
  });
  await plan.commit();
  assert.equal(readFileSync(logOf(dir, 1, 'ana'), 'utf8'), [1, 2, 3, 4, 5].map((n) => `${event(`m00${n}`, n)}\n`).join(''));
  assert.deepEqual(readdirSync(dir), ['music-001.shard.jsonl.annotations']);
});

test("each annotator's log moves on its own, annotators in name order; a file that is not a log stays", async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  // U+FF5A (fullwidth z) and U+1D4CF (script z): in UTF-16 order the second comes first, in the byte order
  // that Node's readdir lists names in it comes last; the logs are taken in UTF-16 order on every platform.
  const annotators = ['dee', '\uFF5A', 'ana', 'eve', '\u{1D4CF}', 'ben', 'cid'];
  for (const [n, annotator] of annotators.entries()) writeLog(dir, 1, annotator, `${event('m002', n)}\n`);
  const notes = path.join(`${shard(dir, 1)}.annotations`, 'notes.txt');
  writeFileSync(notes, 'not an event\n');
  const plan = await planLogMoves(dir, 'music', placing(dir, { m002: 2 }));
  const sorted = ['ana', 'ben', 'cid', 'dee', 'eve', '\u{1D4CF}', '\uFF5A'];
  assert.deepEqual(planned(dir, plan), {
    events: 7,
    requests: ['m002'],
    moves: sorted.map((name) => [path.relative(dir, logOf(dir, 1, name)), path.relative(dir, logOf(dir, 2, name)), 1]),
  });
  await plan.commit();
  for (const [n, annotator] of annotators.entries())
    assert.equal(readFileSync(logOf(dir, 2, annotator), 'utf8'), `${event('m002', n)}\n`, annotator);
  assert.deepEqual(readdirSync(path.dirname(notes)), ['notes.txt']);
  assert.equal(readFileSync(notes, 'utf8'), 'not an event\n');
});

test('blank and space-only lines are dropped, and a last line without a newline still moves', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  writeLog(dir, 1, 'ana', `${event('m001', 1)}\n\n  \n${event('m002', 2)}`);
  const plan = await planLogMoves(dir, 'music', placing(dir, { m001: 1, m002: 2 }));
  assert.equal(plan.events, 1);
  await plan.commit();
  assert.equal(readFileSync(logOf(dir, 1, 'ana'), 'utf8'), `${event('m001', 1)}\n`);
  assert.equal(readFileSync(logOf(dir, 2, 'ana'), 'utf8'), `${event('m002', 2)}\n`);
});

test('a line that is not an event stays in its log beside a shard that remains; an unchanged log is not rewritten', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  writeLog(dir, 1, 'ana', `{"torn\nnull\n${event('m001', 1)}\n${event('m002', 2)}\n`);
  const ben = writeLog(dir, 1, 'ben', `${event('m001', 3)}\n`);
  const inode = statSync(ben).ino;
  const plan = await planLogMoves(dir, 'music', placing(dir, { m001: 1, m002: 2 }));
  await plan.commit();
  assert.equal(readFileSync(logOf(dir, 1, 'ana'), 'utf8'), `{"torn\nnull\n${event('m001', 1)}\n`);
  assert.equal(readFileSync(logOf(dir, 2, 'ana'), 'utf8'), `${event('m002', 2)}\n`);
  // Same inode: the log was not replaced by a rewritten copy.
  assert.equal(statSync(ben).ino, inode);
  assert.equal(readFileSync(ben, 'utf8'), `${event('m001', 3)}\n`);
});

test('when nothing moves, every log is left byte for byte, blank lines and a torn last line included', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  const ana = writeLog(dir, 1, 'ana', `${event('m001', 1)}\n\n${event('m001', 2)}\n{"v":1,"req`);
  const ben = writeLog(dir, 1, 'ben', '\n');
  const plan = await planLogMoves(dir, 'music', placing(dir, { m001: 1 }));
  assert.deepEqual(planned(dir, plan), { events: 0, requests: [], moves: [] });
  await plan.commit();
  assert.equal(readFileSync(ana, 'utf8'), `${event('m001', 1)}\n\n${event('m001', 2)}\n{"v":1,"req`);
  assert.equal(readFileSync(ben, 'utf8'), '\n');
});

test('an event appended after planning moves with the rest when the plan is committed', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  const log = writeLog(dir, 1, 'ana', `${event('m002', 1)}\n`);
  const plan = await planLogMoves(dir, 'music', placing(dir, { m001: 1, m002: 2 }));
  appendFileSync(log, `${event('m001', 2)}\n${event('m002', 3)}\n`);
  await plan.commit();
  assert.equal(readFileSync(log, 'utf8'), `${event('m001', 2)}\n`);
  assert.equal(readFileSync(logOf(dir, 2, 'ana'), 'utf8'), `${event('m002', 1)}\n${event('m002', 3)}\n`);
});

test('detaching is refused naming every log in order, at most 20 requests each, the rest counted', async (t) => {
  const dir = makeTempDir(t, 'imagery-import-logs-');
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const lines = (requests: string[]) => requests.map((request, n) => `${event(request, n)}\n`).join('');
  writeLog(dir, 2, 'ana', `{"torn\n${event('m003', 1)}\n`);
  const ben = writeLog(dir, 1, 'ben', lines(ids('s', 20)));
  const ana = writeLog(dir, 1, 'ana', lines(ids('r', 21)));
  await assert.rejects(planLogMoves(dir, 'music', new Map()), (error: ReleaseImportError) => {
    assert.equal(error.file, ana);
    assert.equal(
      error.message,
      'this import would detach annotations: these logs hold events of requests the new import leaves out, so nothing was written. ' +
        'Import them too (e.g. as before, with or without the unsampled requests), or move these logs away first:\n' +
        `  ${ana}: ${ids('r', 20).join(', ')} and 1 more\n` +
        `  ${ben}: ${ids('s', 20).join(', ')}\n` +
        `  ${logOf(dir, 2, 'ana')}: an unreadable line, m003`,
    );
    return true;
  });
});
