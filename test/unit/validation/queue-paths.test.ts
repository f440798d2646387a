// A review queue travels (git, a zip): its shard entries must stay inside the
// queue's folder. An entry that leaves it is refused with the entry named, by
// the parser every reader goes through (the CLI report, the editor's queue).
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseQueue, queueShardPath } from '../../../src/core/validation/queue';
import { REPO_ROOT } from '../../helpers/dataset';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';

const queueText = (shards: string[], itemShard = 'music-001.shard.jsonl'): string =>
  JSON.stringify({
    format: 'imagery-review-queue',
    version: 1,
    name: 'q',
    unit: 'requests',
    seed: 1,
    population: 1,
    shards,
    items: [{ shard: itemShard, request: 'r1' }],
  });

test('queue entries that leave the queue folder are refused, naming the file and the entry', () => {
  const file = path.join('/data', 'shards', 'q.queue.json');
  const refused = (shards: string[], itemShard?: string) => () => parseQueue(queueText(shards, itemShard), file);
  assert.throws(refused(['../../../../etc/passwd']), {
    message: `${file}: shards[0] "../../../../etc/passwd": refused, it leaves the queue's folder`,
  });
  assert.throws(refused(['a.shard.jsonl', '/etc/passwd']), { message: /shards\[1\] "\/etc\/passwd": refused/ });
  assert.throws(refused(['a.shard.jsonl', 'C:\\Windows\\win.ini']), {
    message: /shards\[1\] "C:\\\\Windows\\\\win.ini": refused/,
  });
  assert.throws(refused(['sub\\..\\..\\x.shard.jsonl']), { message: /shards\[0\] .*: refused/ });
  assert.throws(refused(['a.shard.jsonl'], '../other/a.shard.jsonl'), {
    message: `${file}: items[0].shard "../other/a.shard.jsonl": refused, it leaves the queue's folder`,
  });
  // Below the folder is fine; any `..` segment is refused, even one that would stay inside.
  const ok = parseQueue(queueText(['sub/a.shard.jsonl', 'b.shard.jsonl'], 'sub/a.shard.jsonl'), file);
  assert.deepEqual(ok.shards, ['sub/a.shard.jsonl', 'b.shard.jsonl']);
  assert.equal(queueShardPath('/data/shards', 'sub/a.shard.jsonl'), path.join('/data/shards', 'sub', 'a.shard.jsonl'));
  assert.throws(() => queueShardPath('/data/shards', '../x.shard.jsonl'), /refused, it leaves the queue's folder/);
});

test('imagery report --queue with an entry leaving the folder fails with the entry named, and reads nothing else', async (t) => {
  const dir = path.join(makeTempDir(t, 'imagery-queue-'), 'shards');
  cpSync(path.join(REPO_ROOT, 'sample', 'shards'), dir, { recursive: true });
  const queue = path.join(dir, 'evil.queue.json');
  writeFileSync(queue, queueText(['../../../../etc/passwd']));
  const result = await runCli('report', dir, '--queue', queue, '--format', 'json', '--quiet');
  assert.equal(result.code, 1, result.stderr);
  assert.match(
    result.stderr,
    /evil\.queue\.json: shards\[0\] "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd": refused, it leaves the queue's folder/,
  );
  assert.equal(result.stdout, '');
});
