// The report's backup for missed file events: its fingerprint must change with
// every change the report reads, and only then.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { scopeStamp } from '../../../src/host/report/scope-stamp';

test('the fingerprint changes when a log grows, a new annotator appears or the queue changes, and not otherwise', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'scope-stamp-'));
  const shard = path.join(root, 'a.shard.jsonl');
  const queue = path.join(root, 'q.queue.json');
  writeFileSync(shard, '{}\n');
  writeFileSync(queue, '{}');
  const first = await scopeStamp([shard], queue);
  assert.equal(await scopeStamp([shard], queue), first, 'nothing changed');
  mkdirSync(`${shard}.annotations`);
  writeFileSync(path.join(`${shard}.annotations`, 'ana.jsonl'), '{}\n');
  const withAna = await scopeStamp([shard], queue);
  assert.notEqual(withAna, first, 'a new annotator');
  appendFileSync(path.join(`${shard}.annotations`, 'ana.jsonl'), '{}\n');
  const grown = await scopeStamp([shard], queue);
  assert.notEqual(grown, withAna, 'an appended event');
  writeFileSync(queue, '{"x":1}');
  assert.notEqual(await scopeStamp([shard], queue), grown, 'the queue');
});
