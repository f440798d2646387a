// What the export reads before it writes: unreadable shard lines (all named,
// ten listed), a request in two shards, who may adjudicate, the progress it
// reports, a seed that is no integer, and posts the release already lists as
// invalid.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { REVIEWERS_FILE } from '../../../src/core/annotations/reviewers';
import { exportCorrected, type ExportProgress } from '../../../src/core/release/export';
import { collectRequests } from '../../../src/core/release/export-collect';
import { descriptorsLeftBy, NO_DESCRIPTOR_COUNT } from '../../helpers/descriptors';
import { makeTempDir } from '../annotations/temp';
import { writeFixture } from '../report/fixture';
import { importToShards, releaseFile, SYNTHETIC_RELEASE, tempDir } from './export-helpers';

/** The fixture shard (r1 to r4 on lines 1–4) with `bad` unreadable lines after them. */
async function shardWithBadLines(t: Parameters<typeof makeTempDir>[0], bad: number): Promise<string> {
  const shard = await writeFixture(makeTempDir(t, 'imagery-collect-'));
  appendFileSync(shard, 'not json\n'.repeat(bad));
  return shard;
}

async function refusal(shard: string): Promise<string[]> {
  const error = await collectRequests([shard]).then(
    () => assert.fail('the export should refuse unreadable lines'),
    (caught: unknown) => caught as Error,
  );
  return error.message.split('\n');
}

test('eleven unreadable shard lines: all counted, the first ten listed by file and line, and "1 more"', async (t) => {
  const shard = await shardWithBadLines(t, 11);
  const lines = await refusal(shard);
  assert.equal(lines[0], 'cannot export: 11 shard line(s) unreadable');
  assert.deepEqual(
    lines.slice(1, -1).map((line) => line.slice(0, line.indexOf(': malformed JSON'))),
    [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((line) => `${shard}:${line}`),
  );
  assert.equal(lines.at(-1), '(and 1 more)');
});

test('exactly ten unreadable lines are listed as the first ten of eleven are, with no "more" line', async (t) => {
  const ten = await refusal(await shardWithBadLines(t, 10));
  const eleven = await refusal(await shardWithBadLines(t, 11));
  assert.equal(ten[0], 'cannot export: 10 shard line(s) unreadable');
  const where = (lines: string[]) => lines.map((line) => line.slice(line.indexOf('.jsonl:')));
  assert.deepEqual(where(ten.slice(1)), where(eleven.slice(1, -1)));
});

test('a request in two shards is taken from the first; each later copy is named and skipped', async (t) => {
  const first = await writeFixture(makeTempDir(t, 'imagery-collect-'));
  const second = path.join(path.dirname(first), 'music-002.shard.jsonl');
  copyFileSync(first, second);
  // No progress callback: the export reads without one.
  const collected = await collectRequests([first, second]);
  assert.deepEqual(
    collected.requests.map((request) => request.record.id),
    ['r1', 'r2', 'r3', 'r4'],
  );
  assert.deepEqual(
    collected.warnings,
    ['r1', 'r2', 'r3', 'r4'].map(
      (id, i) => `${second}:${i + 1}: request ${id} already exported from an earlier line or shard; this copy is skipped`,
    ),
  );
  assert.deepEqual(collected.logWarnings, []);
});

test('with a reviewers file, an adjudication by someone it does not name decides nothing', async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-collect-'));
  await AnnotationLog.open(shard, 'rita').append({
    type: 'adjudication',
    request: 'r2',
    verdict: 'invalid',
    reason: 'Image is text',
  });
  const counted = await collectRequests([shard]);
  assert.equal(counted.resolution.validity.adjudicated, 1, 'without the file, anyone adjudicates');
  writeFileSync(path.join(path.dirname(shard), REVIEWERS_FILE), JSON.stringify({ reviewers: ['ben'] }));
  const refused = await collectRequests([shard]);
  assert.equal(refused.resolution.validity.adjudicated, 0);
  assert.equal(refused.requests.find((request) => request.record.id === 'r2')?.invalidReason, null);
});

test('reading the shards gives back every file descriptor it opens', { skip: NO_DESCRIPTOR_COUNT }, async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-collect-'));
  const left = await descriptorsLeftBy(() => collectRequests([shard]));
  assert.ok(left.open < 3, `${left.open} descriptors left open`);
  assert.equal(left.closedByGc, 0, 'descriptors closed only by the garbage collector');
});

test('an export seed that is not a safe integer is refused before anything is read', async (t) => {
  const dir = makeTempDir(t, 'imagery-collect-');
  for (const seed of [1.5, Number.NaN, 2 ** 53]) {
    await assert.rejects(exportCorrected([path.join(dir, 'absent.shard.jsonl')], path.join(dir, 'out'), { seed }), {
      message: `export seed must be an integer, got ${seed}`,
    });
  }
  assert.deepEqual(readdirSync(dir), []);
});

test('export progress: each shard read, then each file written, counted from 1', async (t) => {
  const dir = makeTempDir(t, 'imagery-collect-');
  const first = await writeFixture(path.join(dir));
  const second = path.join(dir, 'music-002.shard.jsonl');
  writeFileSync(second, '');
  const steps: ExportProgress[] = [];
  const out = path.join(dir, 'out');
  const summary = await exportCorrected([first, second], out, { seed: 1, onProgress: (step) => steps.push(step) });
  assert.deepEqual(steps, [
    { phase: 'read', done: 1, total: 2, file: first },
    { phase: 'read', done: 2, total: 2, file: second },
    ...summary.files.map((file, i) => ({ phase: 'write', done: i + 1, total: summary.files.length, file })),
  ]);
  assert.equal(summary.files.length, 5);
});

test('without a release, nothing is kept from one: no invalid post listed, no warning', async (t) => {
  const dir = makeTempDir(t, 'imagery-collect-');
  const shard = await writeFixture(dir);
  const out = path.join(dir, 'out');
  const summary = await exportCorrected([shard], out, { seed: 1 });
  assert.equal(summary.irrelevantKept, 0);
  const irrelevant = readFileSync(releaseFile(out, 'irrelevant_submissions.csv'), 'utf8').split('\r');
  assert.equal(irrelevant[0], 'subreddit,submission_id,reason');
  assert.deepEqual(
    irrelevant.slice(1).map((row) => row.split(',')[1]),
    summary.domains[0].invalidated,
  );
  assert.deepEqual(summary.warnings, []);
});

test('a post the release already lists as invalid is not listed again when an annotator marks it invalid', async (t) => {
  const dir = tempDir(t);
  const release = path.join(dir, 'release');
  cpSync(SYNTHETIC_RELEASE, release, { recursive: true });
  const irrelevant = releaseFile(release, 'irrelevant_submissions.csv');
  appendFileSync(irrelevant, '\rmusicsuggestions,m004,Image is text');
  const listed = readFileSync(irrelevant, 'utf8');
  const shards = await importToShards(release, path.join(dir, 'shards'), ['music']);
  await AnnotationLog.open(shards[1], 'ana').append({
    type: 'validity',
    request: 'm004',
    verdict: 'invalid',
    reason: 'Not music rec',
  });
  const out = path.join(dir, 'out');
  const summary = await exportCorrected(shards, out, { seed: 1, releaseDir: release });
  assert.equal(summary.irrelevantAdded, 0);
  assert.equal(readFileSync(releaseFile(out, 'irrelevant_submissions.csv'), 'utf8'), listed);
});
