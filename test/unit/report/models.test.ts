// modelScores() called directly: one row per domain, source, model and input,
// in that order; Hit@1/10/20 kept apart; answers that cannot be scored left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dict } from '../../../src/core/dict';
import type { InlineRun, RequestState } from '../../../src/core/annotations/state';
import type { ReportRequest } from '../../../src/core/report/load';
import { candidatesStillValid, modelScores } from '../../../src/core/report/models';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { sampleRecord } from '../shard/sample-records';

type Run = ShardRecord['runs'][number];

const request = (record: ShardRecord, final?: RequestState): ReportRequest => ({
  shard: `${record.domain}-001.shard.jsonl`,
  record,
  byAnnotator: new Map(),
  final,
  comments: null,
  extractionRuns: new Map(),
});

const inline = (model: string, task: Run['task'], answer: string): InlineRun =>
  ({ key: `inline:${model}`, model, input: 'image', task, answer }) as unknown as InlineRun;

const withRuns = (runs: InlineRun[], validity?: RequestState['validity']): RequestState => ({
  comments: dict(),
  modelVerdicts: dict(),
  notes: [],
  runs,
  ...(validity ? { validity } : {}),
});

/** A numbered list of `count` titles, the true item at `rank` (1-based). */
const titles = (count: number, rank: number) =>
  Array.from({ length: count }, (_, i) => `${i + 1}. ${i + 1 === rank ? 'a - b' : `nothing ${i} - none ${i}`}`).join('\n');

test('modelScores: rows sorted by domain, then source (inline before stored), model and input', () => {
  const stored = (model: string, input: string): Run => ({ model, input, task: 'rec_title', answer: titles(1, 1) });
  const music = sampleRecord('m1', {
    // Neither this order nor its reverse is the sorted one.
    runs: [stored('alpha', 'image'), stored('zeta', 'image'), stored('alpha', 'desc-model')],
  });
  const books = sampleRecord('b1', { domain: 'books', runs: [stored('zeta', 'image')] });
  const rows = modelScores([request(music, withRuns([inline('alpha', 'rec_title', titles(1, 1))])), request(books)]);
  assert.deepEqual(
    rows.map((row) => [row.domain, row.source, row.model, row.input]),
    [
      ['books', 'stored', 'zeta', 'image'],
      ['music', 'inline', 'alpha', 'image'],
      ['music', 'stored', 'alpha', 'desc-model'],
      ['music', 'stored', 'alpha', 'image'],
      ['music', 'stored', 'zeta', 'image'],
    ],
  );
  // The same model in another domain or source is its own row, each with its one request.
  assert.ok(rows.every((row) => row.original.hit1.total === 1 && row.original.hit1.count === 1));
});

test('modelScores: Hit@1, @10 and @20 each count their own ranks', () => {
  const record = (id: string, rank: number): ShardRecord =>
    sampleRecord(id, { runs: [{ model: 'm', input: 'image', task: 'rec_title', answer: titles(25, rank) }] });
  // Ranks 1, 5, 15 and 22: @1 1 of 4, @10 2 of 4, @20 3 of 4.
  const [row] = modelScores([record('r1', 1), record('r2', 5), record('r3', 15), record('r4', 22)].map((r) => request(r)));
  const counts = (side: 'original' | 'corrected') =>
    [row[side].hit1, row[side].hit10, row[side].hit20].map((p) => [p.count, p.total]);
  assert.deepEqual(counts('original'), [
    [1, 4],
    [2, 4],
    [3, 4],
  ]);
  assert.deepEqual(counts('corrected'), counts('original'));
  assert.deepEqual(row.difference, { hit1: 0, hit10: 0, hit20: 0, accuracy: null });
});

test('modelScores: descriptions, answers that are not text and titles with no truth make no row', () => {
  const record = sampleRecord('r1', {
    relevance: [],
    runs: [
      { model: 'describer', input: 'image', task: 'description', answer: 'a picture' },
      { model: 'failed', input: 'image', task: 'rec_title', answer: null } as unknown as Run,
      { model: 'no-truth', input: 'image', task: 'rec_title', answer: titles(1, 1) },
    ],
  });
  // A title answer is never scored as a choice, nor a choice answer on a request without a question.
  const noQuestion = sampleRecord('r2', {
    runs: [
      { model: 'failed', input: 'image', task: 'rec_title', answer: null } as unknown as Run,
      { model: 'chooser', input: 'image', task: 'rec_choice', answer: 'A. a - b' },
    ],
  });
  const question = { choices: ['a - b', 'n1 - x', 'n2 - x', 'n3 - x', 'n4 - x'], true_index: 0 };
  assert.deepEqual(modelScores([request({ ...record, choice: question }), request(noQuestion)]), []);
});

test('modelScores: an invalid request leaves the corrected figures and is counted as left out', () => {
  const choice = { choices: ['a - b', 'n1 - x', 'n2 - x', 'n3 - x', 'n4 - x'], true_index: 0 };
  const record = sampleRecord('r1', { choice, runs: [{ model: 'm', input: 'image', task: 'rec_choice', answer: 'A. a - b' }] });
  const final = withRuns([], { status: 'invalid', reason: 'Image is text' });
  const [row] = modelScores([request(record, final)]);
  assert.deepEqual([row.original.accuracy.count, row.original.accuracy.total], [1, 1]);
  assert.deepEqual([row.corrected.accuracy.count, row.corrected.accuracy.total], [0, 0]);
  assert.deepEqual([row.invalidLeftOut, row.choiceNotScorable], [1, 0]);
  assert.equal(row.difference.accuracy, null);
});

test('candidatesStillValid: no truth left, a changed positive, or a negative now relevant each need a new draw', () => {
  const choice = { choices: ['n1', 'pos', 'n2'], true_index: 1 };
  assert.equal(candidatesStillValid(choice, [['pos', 3]]), true);
  assert.equal(candidatesStillValid(choice, []), false);
  assert.equal(
    candidatesStillValid(choice, [
      ['other', 5],
      ['pos', 3],
    ]),
    false,
  );
  assert.equal(
    candidatesStillValid(choice, [
      ['pos', 3],
      ['n2', 1],
    ]),
    false,
  );
});

test('modelScores: a request whose every item was corrected away scores no title on the corrected side', () => {
  const record = sampleRecord('r1', { runs: [{ model: 'm', input: 'image', task: 'rec_title', answer: titles(1, 1) }] });
  const final = {
    ...withRuns([], { status: 'valid' }),
    comments: dict([['c1', { status: 'corrected', items: [] }]]),
  } as RequestState;
  const [row] = modelScores([request(record, final)]);
  assert.deepEqual([row.original.hit1.count, row.original.hit1.total], [1, 1]);
  assert.deepEqual([row.corrected.hit1.count, row.corrected.hit1.total], [0, 0]);
  assert.deepEqual([row.invalidLeftOut, row.difference.hit1], [0, null]);
});

test('modelScores: a wrong choice counts in the total only, on both sides', () => {
  const question = { choices: ['a - b', 'n1 - x', 'n2 - x', 'n3 - x', 'n4 - x'], true_index: 0 };
  const record = (id: string, answer: string) =>
    sampleRecord(id, { choice: question, runs: [{ model: 'm', input: 'image', task: 'rec_choice', answer }] });
  const [row] = modelScores([request(record('r1', 'A. a - b')), request(record('r2', 'B. n1 - x'))]);
  assert.deepEqual([row.original.accuracy.count, row.original.accuracy.total], [1, 2]);
  assert.deepEqual([row.corrected.accuracy.count, row.corrected.accuracy.total], [1, 2]);
});
