// Reading an extraction run's comments_processed.jsonl: answers and items by
// the paper's rules, a bad line named with its neighbours kept, the runs of a
// domain found; and `imagery import --extraction` taking such a file as the
// extraction.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { listExtractionOutputs, readExtractionOutput } from '../../../src/core/models/extract/batch-output';
import { ShardReader } from '../../../src/core/shard/reader';
import { makeRelease } from '../../fixtures/release-maker';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';

const line = (id: string, request: string, processed: string): string =>
  JSON.stringify({ comment_id: id, submission_id: request, subreddit: 's', raw: 'x', created_utc: 1.0, upvotes: 1, processed });

describe('an extraction run file', () => {
  test('per comment its answer and items; a malformed line is named by file and line, the lines around it kept', async (t) => {
    const dir = makeTempDir(t, 'imagery-extraction-out-');
    const file = path.join(dir, 'comments_processed.jsonl');
    writeFileSync(
      file,
      [
        line('c1', 'r1', '1. Blue Hour - Night Owls\n2. "Zed Band"'),
        '{"comment_id": "c2", "subm',
        line('c3', 'r2', 'None.'),
        '',
      ].join('\n'),
    );
    const output = await readExtractionOutput(file);
    assert.deepEqual(
      [...output.byComment],
      [
        [
          'c1',
          { request: 'r1', answer: '1. Blue Hour - Night Owls\n2. "Zed Band"', items: ['blue hour - night owls', 'zed band'] },
        ],
        ['c3', { request: 'r2', answer: 'None.', items: [] }],
      ],
    );
    assert.equal(output.problems.length, 1);
    assert.equal(output.problems[0].file, file);
    assert.equal(output.problems[0].line, 2);
    assert.match(output.problems[0].reason, /malformed JSON/);
  });

  test('the runs of a domain: every DIR/<name>/<domain>/comments_processed.jsonl, by name', (t) => {
    const dir = makeTempDir(t, 'imagery-extraction-runs-');
    for (const [name, domain] of [
      ['zeta', 'music'],
      ['alpha', 'music'],
      ['beta', 'books'],
    ]) {
      mkdirSync(path.join(dir, name, domain), { recursive: true });
      writeFileSync(path.join(dir, name, domain, 'comments_processed.jsonl'), '');
    }
    mkdirSync(path.join(dir, 'empty', 'music'), { recursive: true });
    assert.deepEqual(listExtractionOutputs(dir, 'music'), [
      { name: 'alpha', file: path.join(dir, 'alpha', 'music', 'comments_processed.jsonl') },
      { name: 'zeta', file: path.join(dir, 'zeta', 'music', 'comments_processed.jsonl') },
    ]);
    assert.deepEqual(listExtractionOutputs(path.join(dir, 'nowhere'), 'music'), []);
  });
});

describe('imagery import --extraction', () => {
  const release = makeRelease();
  after(() => release.cleanup());

  test("the run's answers become the comments' extraction; a comment it did not answer is marked missing", async (t) => {
    const runs = makeTempDir(t, 'imagery-extraction-import-');
    const file = path.join(runs, 'comments_processed.jsonl');
    writeFileSync(
      file,
      [line('c101', 'm001', 'Velvet Static - Night Bus\nMoon Choir'), line('c201', 'm002', 'None'), ''].join('\n'),
    );
    const out = path.join(runs, 'shards');
    const result = await runCli('import', release.dir, '--out', out, '--domain', 'music', '--extraction', file, '--quiet');
    assert.equal(result.code, 0, result.stderr);
    const reader = await ShardReader.open(path.join(out, 'music-001.shard.jsonl'));
    const extraction = new Map<string, unknown>();
    for await (const entry of reader.entries())
      if (entry.kind === 'record') for (const comment of entry.record.comments) extraction.set(comment.id, comment.extraction);
    await reader.close();
    assert.deepEqual(extraction.get('c101'), {
      raw: 'Velvet Static - Night Bus\nMoon Choir',
      items: ['velvet static - night bus', 'moon choir'],
    });
    assert.deepEqual(extraction.get('c201'), { raw: 'None', items: [] });
    assert.deepEqual(extraction.get('c102'), { raw: null, items: [] });

    const noDomain = await runCli('import', release.dir, '--out', path.join(runs, 'x'), '--extraction', file);
    assert.equal(noDomain.code, 2);
    assert.match(noDomain.stderr, /--extraction takes one domain/);
  });
});
