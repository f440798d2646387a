// The adjudication panel reads one request's events of every other log; the
// cache must hold exactly what a full read holds, and see appends on disk.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EVENT_SCHEMA_VERSION } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { LogsByRequest } from '../../../src/host/editor/other-logs';

const line = (annotator: string, id: string, request: string, verdict = 'valid'): string =>
  JSON.stringify({
    v: EVENT_SCHEMA_VERSION,
    id,
    time: '2024-06-01T00:00:00.000Z',
    annotator,
    request,
    type: 'validity',
    verdict,
  }) + '\n';

function shardWithLogs(): { shard: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'other-logs-'));
  const shard = path.join(root, 'a.shard.jsonl');
  writeFileSync(shard, '');
  const dir = `${shard}.annotations`;
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'ana.jsonl'), line('ana', 'a1', 'r1') + '{broken\n' + line('ana', 'a2', 'r2', 'invalid'));
  writeFileSync(path.join(dir, 'ben.jsonl'), line('ben', 'b1', 'r1', 'invalid'));
  writeFileSync(path.join(dir, 'me.jsonl'), line('me', 'm1', 'r1'));
  return { shard, dir };
}

test("one request's events of every other log, in log order; a broken line keeps its neighbours; the own log is left out", async () => {
  const { shard, dir } = shardWithLogs();
  const logs = new LogsByRequest(shard);
  const ids = (await logs.eventsOf('r1', path.join(dir, 'me.jsonl'))).map((events) => events.map((event) => event.id));
  assert.deepEqual(ids, [['a1'], ['b1']]);
  assert.deepEqual(
    (await logs.eventsOf('r2', path.join(dir, 'me.jsonl'))).map((events) => events.map((e) => e.id)),
    [['a2'], []],
  );
  // The same events a full read gives, request by request.
  const all = await AnnotationLog.readAll(shard);
  assert.deepEqual(
    all.perFile[0].filter((event) => event.request === 'r1'),
    (await logs.eventsOf('r1', path.join(dir, 'me.jsonl')))[0],
  );
});

test('an event appended on disk, or a new annotator, shows on the next call', async () => {
  const { shard, dir } = shardWithLogs();
  const logs = new LogsByRequest(shard);
  const own = path.join(dir, 'me.jsonl');
  assert.equal((await logs.eventsOf('r1', own)).flat().length, 2);
  appendFileSync(path.join(dir, 'ben.jsonl'), line('ben', 'b2', 'r1', 'valid'));
  writeFileSync(path.join(dir, 'cleo.jsonl'), line('cleo', 'c1', 'r1'));
  const ids = (await logs.eventsOf('r1', own)).map((events) => events.map((event) => event.id));
  assert.deepEqual(ids, [['a1'], ['b1', 'b2'], ['c1']]);
});
