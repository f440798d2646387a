// The Shards view's check of the other annotators' logs: a forged event and a
// future date are found, named by file and line; the annotator's own log is
// not read; a changed log is read again.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LogTrustCache } from '../../../src/host/views/log-trust';
import { makeTempDir } from '../annotations/temp';

const line = (id: string, annotator: string, time: string) =>
  JSON.stringify({ v: 1, id, time, annotator, request: 'r1', type: 'validity', verdict: 'valid' }) + '\n';

test('lists forged and future-dated events of the other logs, by file and line, and again once a log changes', async (t) => {
  const dir = makeTempDir(t, 'imagery-log-trust-');
  const shard = path.join(dir, 'music-001.shard.jsonl');
  const logs = `${shard}.annotations`;
  mkdirSync(logs);
  const own = path.join(logs, 'ana.jsonl');
  writeFileSync(own, line('a1', 'mallory', '2026-01-01T00:00:00.000Z'));
  writeFileSync(path.join(logs, 'ben.jsonl'), line('b1', 'ben', '2026-01-01T00:00:00.000Z'));
  const mallory = path.join(logs, 'mallory.jsonl');
  writeFileSync(mallory, line('m1', 'mallory', '2026-01-01T00:00:00.000Z') + line('m2', 'alice', '2026-01-01T00:00:00.000Z'));

  const cache = new LogTrustCache();
  const found = async () => (await cache.warnings(shard, own)).map((w) => [path.basename(w.file), w.line, w.reason.slice(0, 40)]);
  assert.deepEqual(await found(), [['mallory.jsonl', 2, 'event m2 names annotator "alice", but th']]);
  appendFileSync(mallory, line('m3', 'mallory', '2099-01-01T00:00:00.000Z'));
  assert.deepEqual(await found(), [
    ['mallory.jsonl', 2, 'event m2 names annotator "alice", but th'],
    ['mallory.jsonl', 3, 'event m3 is dated 2099-01-01T00:00:00.00'],
  ]);
});
