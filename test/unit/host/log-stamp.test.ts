// The report's backup for missed file events: its fingerprint must change with
// every change the report reads, and only then.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { otherLogsStamp, scopeStamp } from '../../../src/host/log-stamp';

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

test("the others' fingerprint changes with another annotator's log, not with one's own", async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'log-stamp-'));
  const shard = path.join(root, 'a.shard.jsonl');
  const dir = `${shard}.annotations`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(shard, '{}\n');
  const own = path.join(dir, 'me.jsonl');
  writeFileSync(own, '{}\n');
  const before = await otherLogsStamp(shard, own);
  appendFileSync(own, '{}\n');
  assert.equal(await otherLogsStamp(shard, own), before, 'own append');
  writeFileSync(path.join(dir, 'ben.jsonl'), '{}\n');
  assert.notEqual(await otherLogsStamp(shard, own), before, "another annotator's log");
});
