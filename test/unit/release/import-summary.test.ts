// The import's counts, record by record and for what is left over (requests
// with choices and with comments, refused images, orphan comments, run
// answers of requests not imported, per run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLeftOver, countRecord, emptySummary } from '../../../src/core/release/import-summary';
import type { RunsByRequest } from '../../../src/core/release/import-runs';
import type { ShardComment } from '../../../src/core/shard/schema';
import { sampleRecord } from '../shard/sample-records';

const images = (found: number, missing: number, refused: number) =>
  ({ images: [], found, missing, refused, problems: refused ? [{ file: 'f', line: 1, reason: 'refused' }] : [] }) as never;

test('countRecord: choices, comments, items, missing extractions and images add up over records', () => {
  const summary = emptySummary('music', 'submissions_ns.jsonl', []);
  countRecord(
    summary,
    sampleRecord('r1', { choice: { choices: ['a', 'b', 'c', 'd', 'e'], true_index: 0 } as never }),
    images(2, 1, 1),
  );
  // No comments: nothing to compare its S_r with, so no mismatch.
  countRecord(summary, sampleRecord('r2', { comments: [], comment_ids: [], relevance: [['a - b', 2]] }), images(0, 0, 2));
  assert.deepEqual(
    [summary.requests, summary.requestsWithChoice, summary.requestsWithComments, summary.comments, summary.extractedItems],
    [2, 1, 1, 1, 1],
  );
  assert.deepEqual(summary.images, { found: 2, missing: 1, refused: 3 });
  assert.equal(summary.imageWarnings.length, 2);
  assert.deepEqual(summary.relevanceMismatch, { count: 0, requests: [] });
  const empty = emptySummary('books', 's', []);
  assert.deepEqual([empty.relevanceMismatch, empty.runs, empty.imageWarnings], [{ count: 0, requests: [] }, [], []]);
});

test('countLeftOver: comments and run answers of requests not imported, per run', () => {
  const summary = emptySummary('music', 'submissions_ns.jsonl', []);
  const comment = { id: 'c' } as ShardComment;
  const stored = (model: string, input: string, task: 'rec_title' | 'rec_choice') => ({ model, input, task, answer: 'x' });
  const runs = {
    // Runs that share all but one of model, input and task come first: each must be told apart.
    runs: [
      { model: 'n', input: 'image', task: 'rec_title', file: 'd', answers: 1 },
      { model: 'm', input: 'desc', task: 'rec_title', file: 'c', answers: 1 },
      { model: 'm', input: 'image', task: 'rec_choice', file: 'b', answers: 1 },
      { model: 'm', input: 'image', task: 'rec_title', file: 'a', answers: 3 },
    ],
    byRequest: new Map([
      ['kept', [stored('m', 'image', 'rec_title')]],
      ['gone1', [stored('m', 'image', 'rec_title'), stored('m', 'image', 'rec_choice')]],
      ['gone2', [stored('m', 'image', 'rec_title'), stored('z', 'image', 'rec_title')]],
    ]),
    problems: [],
  } as unknown as RunsByRequest;
  countLeftOver(
    summary,
    new Set(['kept']),
    new Map([
      ['kept', [comment]],
      ['gone1', [comment, comment]],
      ['gone2', [comment]],
    ]),
    runs,
  );
  assert.equal(summary.orphanComments, 3);
  assert.deepEqual(
    summary.runs.map((run) => [run.model, run.input, run.task, run.unmatched]),
    [
      ['n', 'image', 'rec_title', 0],
      ['m', 'desc', 'rec_title', 0],
      ['m', 'image', 'rec_choice', 1],
      ['m', 'image', 'rec_title', 2],
    ],
  );
});
