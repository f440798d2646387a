// What `imagery import` prints for one domain, whole: every line and every
// optional part (missing extractions, orphan comments, refused images and
// their warnings, unreadable lines, S_r mismatches past the listed fifty,
// annotations moved by a re-import), and the short form when all is well.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { replaceExtraction } from '../../../src/core/release/import-comments';
import type { ImportResult } from '../../../src/core/release/import-release';
import { formatImportResult } from '../../../src/core/release/import-result-text';
import { emptySummary } from '../../../src/core/release/import-summary';
import type { ShardComment } from '../../../src/core/shard/schema';

const run = (model: string, answers: number, unmatched: number) =>
  ({ model, input: 'image', task: 'rec_title', answers, unmatched }) as unknown as ImportResult['runs'][number];

const QUIET: ImportResult = {
  ...emptySummary('music', 'submissions_ns.jsonl', []),
  requests: 4,
  requestsWithChoice: 2,
  comments: 9,
  requestsWithComments: 3,
  extractedItems: 12,
  relevanceItems: 10,
  images: { found: 5, missing: 1, refused: 0 },
  shards: [],
  annotationsMoved: { events: 0, requests: [], moves: [] },
};

test('all is well: one line each, no optional part', () => {
  assert.equal(
    formatImportResult(QUIET),
    [
      'music: 4 requests (2 with choices) from submissions_ns.jsonl',
      '  comments: 9 on 3 requests',
      '  items: 12 extracted from comments, 10 with relevance (recs.json)',
      "  S_r: every request's stored extraction gives back its released S_r",
      '  runs: 0',
      '  images: 5 found, 1 missing (URL only)',
      '  unreadable lines: 0',
      '  shards: 0 in -',
    ].join('\n'),
  );
});

test('every optional part, and S_r mismatches listed up to fifty', () => {
  const ids = Array.from({ length: 53 }, (_, i) => `r${i}`);
  const out = path.join('data', 'shards');
  const text = formatImportResult({
    ...QUIET,
    extractionMissing: 2,
    orphanComments: 3,
    relevanceMismatch: { count: 53, requests: ids },
    runs: [run('gpt-4o', 10, 1), run('llava', 4, 0)],
    images: { found: 5, missing: 1, refused: 2 },
    imageWarnings: [
      { file: 'submissions_ns.jsonl', line: 7, reason: 'image name leaves the folder' },
      { file: 'submissions_ns.jsonl', line: 9, reason: 'image is a symbolic link' },
    ],
    unreadable: [
      { file: 'recs.json', line: 3, reason: 'malformed JSON' },
      { file: 'comments.jsonl', reason: 'missing' },
    ],
    shards: [path.join(out, 'music-001.shard.jsonl'), path.join(out, 'music-002.shard.jsonl')],
    annotationsMoved: {
      events: 5,
      requests: ['r1', 'r2'],
      moves: [
        {
          from: path.join('old', 'a.shard.jsonl.annotations', 'ana.jsonl'),
          to: path.join('new', 'b.shard.jsonl.annotations', 'ana.jsonl'),
          events: 5,
        },
      ],
    },
  } as ImportResult);
  assert.equal(
    text,
    [
      'music: 4 requests (2 with choices) from submissions_ns.jsonl',
      '  comments: 9 on 3 requests (2 without extraction), 3 of requests not imported',
      '  items: 12 extracted from comments, 10 with relevance (recs.json)',
      '  S_r: 53 of 3 requests with comments: the stored extraction does not give back the released S_r ' +
        '(the export writes the released S_r while a request is not corrected, the S_r recomputed over the corrected extraction once it is): ' +
        `${ids.slice(0, 50).join(', ')} and 3 more`,
      '  runs: 2',
      '    gpt-4o/image/rec_title: 9 answers',
      '    llava/image/rec_title: 4 answers',
      '  images: 5 found, 1 missing (URL only), 2 refused',
      '    submissions_ns.jsonl:7: image name leaves the folder',
      '    submissions_ns.jsonl:9: image is a symbolic link',
      '  unreadable lines: 2',
      '    recs.json:3: malformed JSON',
      '    comments.jsonl: missing',
      `  shards: 2 in ${out}`,
      '  annotations: 5 event(s) of 2 request(s) moved to the logs beside their new shards',
      `    ${path.join('a.shard.jsonl.annotations', 'ana.jsonl')} -> ${path.join('b.shard.jsonl.annotations', 'ana.jsonl')}: 5 event(s)`,
    ].join('\n'),
  );
  const few = formatImportResult({ ...QUIET, relevanceMismatch: { count: 2, requests: ['r1', 'r2'] } });
  assert.ok(few.includes('once it is): r1, r2\n'), 'no "more" when all are listed');
  const fifty = formatImportResult({ ...QUIET, relevanceMismatch: { count: 50, requests: ids.slice(0, 50) } });
  assert.ok(fifty.includes(`once it is): ${ids.slice(0, 50).join(', ')}\n`), 'fifty are all listed');
});

test("an extraction run's answers replace every comment's extraction; unanswered comments become missing", () => {
  const comment = (id: string): ShardComment => ({
    id,
    raw: 'text',
    upvotes: 1,
    created_utc: null,
    extraction: { raw: 'Old - Item', items: ['old - item'] },
  });
  const byRequest = new Map([
    ['r1', [comment('c1'), comment('c2')]],
    ['r2', [comment('c3')]],
  ]);
  const answered = replaceExtraction(
    byRequest,
    new Map([
      ['c1', { answer: '1. Tom Waits - Rain Dogs\n2. Nick Drake' }],
      ['c3', { answer: 'None' }],
    ]),
  );
  assert.equal(answered, 2);
  assert.deepEqual(
    [...byRequest.values()].flat().map((c) => [c.id, c.extraction]),
    [
      ['c1', { raw: '1. Tom Waits - Rain Dogs\n2. Nick Drake', items: ['tom waits - rain dogs', 'nick drake'] }],
      ['c2', { raw: null, items: [] }],
      ['c3', { raw: 'None', items: [] }],
    ],
  );
});
