// Batch extraction runs as the editor's suggestions: found in an `extractions`
// folder beside the shard's folder or inside it, only the shown request's
// comments, a bad line told once with its neighbours kept, and a file read
// again only when it changes.
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { gatherBatchSuggestions } from '../../../src/core/models/extract/batch-suggestions';
import type { UnreadableLine } from '../../../src/core/release/import-jsonl';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { makeTempDir } from '../annotations/temp';

const line = (id: string, request: string, processed: string): string =>
  JSON.stringify({ comment_id: id, submission_id: request, subreddit: 's', raw: 'x', created_utc: 1.0, upvotes: 1, processed });

// Only what the gathering reads of a record: its domain and its comments' ids.
const record = { id: 'r1', domain: 'music', comments: [{ id: 'c1' }, { id: 'c2' }] } as unknown as ShardRecord;

function writeRun(root: string, name: string, lines: string[]): string {
  const folder = path.join(root, name, 'music');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'comments_processed.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('batch extraction runs as suggestions', () => {
  test("the runs beside and inside the shard's folder, for the shown request's comments only", async (t) => {
    const dataset = makeTempDir(t, 'imagery-batch-suggestions-');
    const shard = path.join(dataset, 'shards', 'music-001.shard.jsonl');
    const beside = writeRun(path.join(dataset, 'extractions'), 'qwen', [
      line('c1', 'r1', 'Blue Hour - Night Owls'),
      line('c9', 'r2', 'Other - Request'),
    ]);
    const inside = writeRun(path.join(dataset, 'shards', 'extractions'), 'llama', [line('c2', 'r1', 'None')]);
    const problems: UnreadableLine[] = [];
    const runs = await gatherBatchSuggestions(shard, record, (problem) => problems.push(problem));
    assert.deepEqual(runs, [
      { comment: 'c1', items: ['blue hour - night owls'], source: { kind: 'batch', run: 'qwen', file: beside } },
      { comment: 'c2', items: [], source: { kind: 'batch', run: 'llama', file: inside } },
    ]);
    assert.deepEqual(problems, []);
  });

  test('a malformed line is told once, naming file and line; the lines around it still count', async (t) => {
    const dataset = makeTempDir(t, 'imagery-batch-suggestions-bad-');
    const shard = path.join(dataset, 'shards', 'music-001.shard.jsonl');
    const file = writeRun(path.join(dataset, 'extractions'), 'qwen', [
      line('c1', 'r1', 'A - B'),
      '{"comment_id": "c',
      line('c2', 'r1', 'C - D'),
    ]);
    const problems: UnreadableLine[] = [];
    const tell = (problem: UnreadableLine) => problems.push(problem);
    const first = await gatherBatchSuggestions(shard, record, tell);
    assert.deepEqual(
      first.map((run) => [run.comment, run.items]),
      [
        ['c1', ['a - b']],
        ['c2', ['c - d']],
      ],
    );
    assert.deepEqual(
      problems.map((problem) => [problem.file, problem.line]),
      [[file, 2]],
    );
    // Shown again (the next request, or back): the unchanged file is not read nor told again.
    await gatherBatchSuggestions(shard, record, tell);
    assert.equal(problems.length, 1);
  });

  test('a file that changed is read again', async (t) => {
    const dataset = makeTempDir(t, 'imagery-batch-suggestions-change-');
    const shard = path.join(dataset, 'shards', 'music-001.shard.jsonl');
    const file = writeRun(path.join(dataset, 'extractions'), 'qwen', [line('c1', 'r1', 'A - B')]);
    const before = await gatherBatchSuggestions(shard, record, () => undefined);
    assert.deepEqual(
      before.map((run) => run.comment),
      ['c1'],
    );
    writeFileSync(file, [line('c1', 'r1', 'A - B'), line('c2', 'r1', 'E - F')].join('\n') + '\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await gatherBatchSuggestions(shard, record, () => undefined);
    assert.deepEqual(
      after.map((run) => [run.comment, run.items]),
      [
        ['c1', ['a - b']],
        ['c2', ['e - f']],
      ],
    );
  });
});
