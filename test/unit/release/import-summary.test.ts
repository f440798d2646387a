// The import's counts, record by record and for what is left over (requests
// with choices and with comments, refused images, orphan comments, run
// answers of requests not imported, per run); the release's schema defaults
// and its layout on disk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countLeftOver, countRecord, emptySummary } from '../../../src/core/release/import-summary';
import { ReleaseRunLine, ReleaseSubmission } from '../../../src/core/release/import-schema';
import { domainFiles, findRunFiles, isReleaseDir, releaseDomains } from '../../../src/core/release/layout';
import { makeTempDir } from '../annotations/temp';
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

test('ReleaseSubmission: absent or null optional fields take their defaults', () => {
  const parsed = ReleaseSubmission.parse({ submission_id: 's1', title: 't', subreddit: 'x', selftext: null, author: null });
  assert.deepEqual(
    [
      parsed.selftext,
      parsed.author,
      parsed.created_utc,
      parsed.over_18,
      parsed.permalink,
      parsed.comment_ids,
      parsed.images,
      parsed.image_urls,
    ],
    ['', null, null, false, '', [], [], []],
  );
  assert.deepEqual(ReleaseRunLine.parse({ submission_id: 'r1', rec_title: '1. A - B', extra: 1 }), {
    submission_id: 'r1',
    rec_title: '1. A - B',
    extra: 1,
  });
  assert.equal(ReleaseRunLine.safeParse({ submission_id: '' }).success, false);
});

test('the release layout: domains with a processed folder, processed comments preferred, run files found by walking intermediate/', async (t) => {
  const dir = makeTempDir(t, 'imagery-layout-');
  const processed = path.join(dir, 'data', 'processed');
  assert.equal(isReleaseDir(dir), false);
  mkdirSync(path.join(dir, 'data'));
  assert.equal(isReleaseDir(dir), false, 'data/ alone is not a release');
  mkdirSync(path.join(processed, 'music', 'comments'), { recursive: true });
  assert.equal(isReleaseDir(dir), true);
  assert.deepEqual(releaseDomains(dir), ['music']);
  writeFileSync(path.join(processed, 'music', 'comments', 'comments.jsonl'), '');
  const raw = domainFiles(dir, 'music');
  assert.deepEqual([path.basename(raw.comments!), raw.commentsHaveExtraction], ['comments.jsonl', false]);
  writeFileSync(path.join(processed, 'music', 'comments', 'comments_processed.jsonl'), '');
  const both = domainFiles(dir, 'music');
  assert.deepEqual([path.basename(both.comments!), both.commentsHaveExtraction], ['comments_processed.jsonl', true]);
  // Models listed out of order, a file where a folder would be, and a run of the other domain.
  // Sorted as JavaScript sorts (UTF-16 units: an astral letter before U+FF41), not as the file system lists them.
  for (const model of ['zeta', 'alpha', '\uff41', '\u{1d4b6}'])
    for (const input of ['image', 'desc']) {
      mkdirSync(path.join(dir, 'intermediate', model, 'music', input), { recursive: true });
      writeFileSync(path.join(dir, 'intermediate', model, 'music', input, 'rec_title.jsonl'), '');
    }
  writeFileSync(path.join(dir, 'intermediate', 'notes.txt'), '');
  mkdirSync(path.join(dir, 'intermediate', 'alpha', 'books', 'image'), { recursive: true });
  writeFileSync(path.join(dir, 'intermediate', 'alpha', 'books', 'image', 'rec_title.jsonl'), '');
  assert.deepEqual(
    findRunFiles(dir, 'music').map((run) => `${run.model}/${run.input}/${run.task}`),
    [
      'alpha/desc/rec_title',
      'alpha/image/rec_title',
      'zeta/desc/rec_title',
      'zeta/image/rec_title',
      '\u{1d4b6}/desc/rec_title',
      '\u{1d4b6}/image/rec_title',
      '\uff41/desc/rec_title',
      '\uff41/image/rec_title',
    ],
  );
});
