// Splitting imported records into numbered shards: the shard size rule, the
// refusal to replace a domain's shards unasked, the write progress, and a
// failed staging that leaves no temp file behind.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ReleaseImportError } from '../../../src/core/release/import';
import type { ImportStep } from '../../../src/core/release/import-progress';
import { stageImportShards, writeImportShards } from '../../../src/core/release/import-shards';
import { makeTempDir } from '../annotations/temp';
import { sampleRecord } from '../shard/sample-records';

const RECORDS = ['r1', 'r2', 'r3'].map((id) => sampleRecord(id));

test('a shard size that is not a positive integer is refused before anything is written', async (t) => {
  const out = path.join(makeTempDir(t, 'imagery-shards-'), 'out');
  // No records: a wrong size cannot loop, only the check can refuse it.
  for (const shardSize of [0, -1, 1.5]) {
    await assert.rejects(
      stageImportShards([], out, 'music', { shardSize }),
      new RangeError(`shard size must be a positive integer, got ${shardSize}`),
    );
  }
  assert.equal(existsSync(out), false);
});

test("a domain's shards already in the folder are not replaced unless asked, and other domains' shards do not count", async (t) => {
  const out = makeTempDir(t, 'imagery-shards-');
  writeFileSync(path.join(out, 'music-002.shard.jsonl'), 'kept\n');
  writeFileSync(path.join(out, 'music-001.shard.jsonl'), 'kept\n');
  await assert.rejects(writeImportShards(RECORDS, out, 'music'), (error: unknown) => {
    assert.ok(error instanceof ReleaseImportError);
    assert.equal(error.file, path.join(out, 'music-001.shard.jsonl'));
    assert.equal(error.message, 'music shards already exist here (use --force to replace them)');
    return true;
  });
  assert.deepEqual(readdirSync(out), ['music-001.shard.jsonl', 'music-002.shard.jsonl']);
  assert.deepEqual(await writeImportShards(RECORDS, out, 'books'), [path.join(out, 'books-001.shard.jsonl')]);
  assert.deepEqual(await writeImportShards(RECORDS, out, 'music', { shardSize: 3, overwrite: true }), [
    path.join(out, 'music-001.shard.jsonl'),
  ]);
  assert.deepEqual(readdirSync(out), ['books-001.shard.jsonl', 'music-001.shard.jsonl']);
});

test('each staged shard is reported with its request count and its number out of the total', async (t) => {
  const out = makeTempDir(t, 'imagery-shards-');
  const reports: [string, ImportStep | undefined][] = [];
  const progress = (message: string, step?: ImportStep) => reports.push([message, step]);
  const written = await writeImportShards(RECORDS, out, 'music', { shardSize: 2, progress });
  assert.deepEqual(written, [path.join(out, 'music-001.shard.jsonl'), path.join(out, 'music-002.shard.jsonl')]);
  assert.deepEqual(reports, [
    ['wrote music-001.shard.jsonl (2 requests)', { domain: 'music', phase: 'write', done: 1, total: 2 }],
    ['wrote music-002.shard.jsonl (1 requests)', { domain: 'music', phase: 'write', done: 2, total: 2 }],
  ]);
});

test('an abort while staging throws and takes back the shards already staged', async (t) => {
  const out = makeTempDir(t, 'imagery-shards-');
  const controller = new AbortController();
  // Abort once the first shard is staged, before the second.
  const progress = () => controller.abort(new Error('cancelled by the user'));
  await assert.rejects(
    stageImportShards(RECORDS, out, 'music', { shardSize: 1, progress, signal: controller.signal }),
    new Error('cancelled by the user'),
  );
  assert.deepEqual(readdirSync(out), []);
});
