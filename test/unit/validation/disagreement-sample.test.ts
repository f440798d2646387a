// imagery sample --extraction-disagreements: the queue holds exactly the
// comments where the run's items differ from the current (corrected)
// extraction; a sample of them is reproducible by its seed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { makeDataset, makeRecord } from '../models/fixture';

const comment = (id: string, items: string[]) => ({
  id,
  raw: `comment ${id}`,
  upvotes: 1,
  created_utc: null,
  extraction: { raw: items.join('\n') || 'None', items },
});

async function setUp(t: { after: (fn: () => void) => void }) {
  const second = makeRecord({
    id: 'r2',
    comment_ids: ['c3', 'c4', 'c5'],
    comments: [comment('c3', []), comment('c4', ['alpha - one']), comment('c5', ['echo - five'])],
  });
  const { shardFile } = makeDataset(t, [makeRecord(), second]);
  // c2's stored "zed band" is corrected: the run's "Zed Band" now disagrees.
  await AnnotationLog.open(shardFile, 'ana').append({
    type: 'extraction',
    request: 'r1',
    comment: 'c2',
    verdict: 'corrected',
    items: ['Zed Band - First Song'],
  });
  const runDir = path.join(makeTempDir(t, 'imagery-disagree-'), 'second', 'music');
  mkdirSync(runDir, { recursive: true });
  const answers: [string, string, string][] = [
    ['c1', 'r1', '1. Blue Hour - Night Owls'], // agrees (case and numbering aside)
    ['c2', 'r1', 'Zed Band'], // differs from the correction
    ['c3', 'r2', 'Moon Choir'], // a possible miss
    ['c5', 'r2', 'None'], // a possible wrong item
  ]; // c4: not answered by the run
  const lines = answers.map(([id, request, processed]) =>
    JSON.stringify({
      comment_id: id,
      submission_id: request,
      subreddit: 's',
      raw: 'x',
      created_utc: null,
      upvotes: 1,
      processed,
    }),
  );
  writeFileSync(path.join(runDir, 'comments_processed.jsonl'), `${lines.join('\n')}\n`);
  return { shardFile, runDir };
}

const itemsOf = (file: string): string[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { items: { comment: string }[] }).items.map((item) => item.comment);

describe('imagery sample --extraction-disagreements', () => {
  test('all disagreements without --comments: exactly the comments whose items differ from the current ones', async (t) => {
    const { shardFile, runDir } = await setUp(t);
    const result = await runCli('sample', shardFile, '--extraction-disagreements', runDir, '--name', 'disagree', '--json');
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual([summary.size, summary.population, summary.unit], [3, 3, 'comments']);
    assert.deepEqual(itemsOf(summary.file), ['c2', 'c3', 'c5']);
    const queue = JSON.parse(readFileSync(summary.file, 'utf8'));
    assert.deepEqual(queue.items[0], { shard: 'test.shard.jsonl', request: 'r1', comment: 'c2' });
  });

  test('--comments n --seed s: n of them, the same for the same seed; --comments without --seed is refused', async (t) => {
    const { shardFile, runDir } = await setUp(t);
    const draw = async (name: string, seed: string): Promise<string[]> => {
      const result = await runCli(
        'sample',
        shardFile,
        '--extraction-disagreements',
        runDir,
        '--name',
        name,
        '--comments',
        '2',
        '--seed',
        seed,
        '--json',
      );
      assert.equal(result.code, 0, result.stderr);
      return itemsOf(JSON.parse(result.stdout).file);
    };
    const first = await draw('a', '7');
    assert.equal(first.length, 2);
    for (const id of first) assert.ok(['c2', 'c3', 'c5'].includes(id), id);
    assert.deepEqual(await draw('b', '7'), first);
    const seeds = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5']) seeds.add((await draw(`s${seed}`, seed)).join());
    assert.ok(seeds.size > 1, 'other seeds draw other samples');
    const refused = await runCli('sample', shardFile, '--extraction-disagreements', runDir, '--name', 'x', '--comments', '2');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--comments needs --seed/);
  });
});
