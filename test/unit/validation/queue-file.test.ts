// Queue files on disk: written once unless forced, found by name or path,
// written beside the shards, and read from shards with bad lines reported.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { commonFolder, readQueue, readShards, resolveQueueFile, writeQueue } from '../../../src/core/validation/queue-file';
import { drawSample } from '../../../src/core/validation/sample';
import { descriptorsLeftBy, NO_DESCRIPTOR_COUNT } from '../../helpers/descriptors';
import { makeTempDir } from '../annotations/temp';
import { sampleRecord } from '../shard/sample-records';

const sampleOf = (seed: number) =>
  drawSample([{ file: '/q/a.shard.jsonl', records: [sampleRecord('r1'), sampleRecord('r2'), sampleRecord('r3')] }], {
    name: 'check',
    unit: 'requests',
    size: 1,
    seed,
    queueDir: '/q',
  });

test('writeQueue: written, then unchanged; a different queue is kept unless forced', async (t) => {
  const dir = makeTempDir(t, 'imagery-queue-');
  const file = path.join(dir, 'check.queue.json');
  const first = sampleOf(1);
  const other = { ...first, seed: 2 };
  assert.equal(await writeQueue(file, first), 'written');
  assert.deepEqual(await readQueue(file), first);
  assert.equal(await writeQueue(file, first), 'unchanged');
  await assert.rejects(writeQueue(file, other), /a different queue of that name exists/);
  assert.deepEqual(await readQueue(file), first, 'the first queue is kept');
  assert.equal(await writeQueue(file, other, true), 'written');
  assert.deepEqual(await readQueue(file), other);
});

test('writeQueue: a read error other than a missing file is reported, not written over', async (t) => {
  const dir = makeTempDir(t, 'imagery-queue-');
  const folder = path.join(dir, 'check.queue.json');
  mkdirSync(folder);
  // The read's own error (a write over the folder would fail too, but later and for another reason).
  await assert.rejects(writeQueue(folder, sampleOf(1), true), { code: 'EISDIR', syscall: 'read' });
});

test('resolveQueueFile: a *.queue.json or a path is a file; a bare name is looked up in the folder', () => {
  assert.equal(resolveQueueFile('x.queue.json', '/q'), path.resolve('x.queue.json'));
  assert.equal(resolveQueueFile('sub/x', '/q'), path.resolve('sub/x'));
  assert.equal(resolveQueueFile('x', '/q'), path.join('/q', 'x.queue.json'));
});

test('commonFolder: the deepest folder holding every shard', () => {
  assert.throws(() => commonFolder([]), /^Error: no shards$/);
  assert.equal(commonFolder(['/a/b/x.shard.jsonl', '/a/b/y.shard.jsonl']), path.resolve('/a/b'));
  assert.equal(commonFolder(['/a/b/x.shard.jsonl', '/a/c/y.shard.jsonl']), path.resolve('/a'));
  assert.equal(commonFolder(['/a/b/c/x.shard.jsonl', '/a/b/y.shard.jsonl']), path.resolve('/a/b'));
  assert.equal(commonFolder(['/a/x.shard.jsonl', '/b/y.shard.jsonl']), path.sep);
});

test('readShards: the readable records of each shard, and each unreadable line as file:line: reason', async (t) => {
  const dir = makeTempDir(t, 'imagery-queue-');
  const good = path.join(dir, 'a.shard.jsonl');
  const torn = path.join(dir, 'b.shard.jsonl');
  writeFileSync(good, `${JSON.stringify(sampleRecord('r1'))}\n`);
  writeFileSync(torn, `${JSON.stringify(sampleRecord('r2'))}\n{"torn\n`);
  const { shards, warnings } = await readShards([good, torn]);
  assert.deepEqual(
    shards.map((shard) => [shard.file, shard.records.map((record) => record.id)]),
    [
      [good, ['r1']],
      [torn, ['r2']],
    ],
  );
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0].startsWith(`${torn}:2: `), warnings[0]);
  assert.ok(readFileSync(torn, 'utf8').endsWith('{"torn\n'), 'the shard is only read');
});

test('readShards gives back every file descriptor it opens', { skip: NO_DESCRIPTOR_COUNT }, async (t) => {
  const shard = path.join(makeTempDir(t, 'imagery-queue-'), 'a.shard.jsonl');
  writeFileSync(shard, `${JSON.stringify(sampleRecord('r1'))}\n`);
  const left = await descriptorsLeftBy(() => readShards([shard, shard]));
  assert.ok(left.open < 3, `${left.open} descriptors left open`);
  assert.equal(left.closedByGc, 0, 'descriptors closed only by the garbage collector');
});
