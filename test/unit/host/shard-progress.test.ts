// The Shards view's progress of closed shards: after one appended event, a
// refresh reads that event only (from the log's cursor) and re-reads no shard
// and no other log; other annotators' logs are never read.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { writeShard } from '../../../src/core/shard/writer';
import { ShardProgressCache } from '../../../src/host/views/shard-progress';
import { makeRecord } from '../../fixtures/synthetic-record';

const SHARDS = 4;
const ANNOTATORS = ['ann', 'bo', 'cy'];

describe('ShardProgressCache', () => {
  let dir: string;
  let shards: string[];
  const indexed: string[] = [];
  const logReads: { file: string; from: number }[] = [];
  const cache = new ShardProgressCache({
    indexed: (file) => void indexed.push(file),
    logRead: (file, from) => void logReads.push({ file, from }),
  });
  const refreshAll = () => Promise.all(shards.map((shard) => cache.progress(shard, 'ann')));
  const forget = () => {
    indexed.length = 0;
    logReads.length = 0;
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-shard-progress-'));
    shards = [];
    for (let n = 0; n < SHARDS; n++) {
      const shard = path.join(dir, `s${n}.shard.jsonl`);
      await writeShard(
        shard,
        [0, 1, 2].map((r) => makeRecord({ id: `s${n}r${r}` })),
      );
      for (const annotator of ANNOTATORS) {
        await AnnotationLog.open(shard, annotator).append({
          type: 'validity',
          request: `s${n}r0`,
          verdict: 'invalid',
          reason: 'Other',
        });
      }
      shards.push(shard);
    }
  });
  after(async () => {
    await cache.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first refresh indexes every shard and reads only this annotator’s logs', async () => {
    const progress = await refreshAll();
    assert.deepEqual(
      progress.map((p) => `${p.reviewed}/${p.total}`),
      ['1/3', '1/3', '1/3', '1/3'],
    );
    assert.deepEqual(indexed.sort(), [...shards].sort());
    assert.deepEqual(
      logReads.map((read) => read.from),
      [0, 0, 0, 0],
    );
    assert.ok(
      logReads.every((read) => path.basename(read.file) === 'ann.jsonl'),
      'other annotators’ logs are not read',
    );
  });

  it('a refresh with nothing changed reads nothing', async () => {
    forget();
    await refreshAll();
    assert.deepEqual([indexed, logReads], [[], []]);
  });

  it('one appended event updates the counts, reading that log from its cursor and nothing else', async () => {
    forget();
    const log = AnnotationLog.open(shards[2], 'ann');
    const before = (await stat(log.file)).size;
    await log.append({ type: 'validity', request: 's2r1', verdict: 'invalid', reason: 'Other' });
    // Other annotators' work lands too (a git pull): still not read.
    await AnnotationLog.open(shards[1], 'bo').append({ type: 'validity', request: 's1r2', verdict: 'invalid', reason: 'Other' });
    const progress = await refreshAll();
    assert.deepEqual(
      progress.map((p) => `${p.reviewed}/${p.total}`),
      ['1/3', '1/3', '2/3', '1/3'],
    );
    assert.deepEqual(indexed, [], 'no shard re-read');
    assert.deepEqual(logReads, [{ file: log.file, from: before }]);
  });

  it('a shard that changed is indexed again, alone', async () => {
    forget();
    await appendFile(shards[0], JSON.stringify(makeRecord({ id: 's0r3' })) + '\n');
    const progress = await refreshAll();
    assert.equal(progress[0].total, 4);
    assert.deepEqual(indexed, [shards[0]]);
  });
});
