// agreement() called directly, with three annotators and requests decided by
// only some of them: which requests count as units, which pairs report kappa,
// and which comments are in scope. Each expected figure is worked out beside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dict } from '../../../src/core/dict';
import type { CommentVerdict, RequestState } from '../../../src/core/annotations/state';
import { agreement } from '../../../src/core/report/agreement';
import type { ReportRequest } from '../../../src/core/report/load';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { sampleRecord } from '../shard/sample-records';

type Said = 'valid' | 'Image is text' | 'Other' | undefined;

const state = (validity: Said, comments: Record<string, CommentVerdict> = {}): RequestState => ({
  comments: Object.assign(dict<CommentVerdict>(), comments),
  modelVerdicts: dict(),
  notes: [],
  ...(validity === undefined
    ? {}
    : { validity: validity === 'valid' ? { status: 'valid' } : { status: 'invalid', reason: validity } }),
});

const request = (
  record: ShardRecord,
  byAnnotator: Record<string, RequestState>,
  comments: ReadonlySet<string> | null = null,
): ReportRequest => ({
  shard: 'music-001.shard.jsonl',
  record,
  byAnnotator: new Map(Object.entries(byAnnotator)),
  final: undefined,
  comments,
  extractionRuns: new Map(),
});

const CONFIRMED: CommentVerdict = { status: 'confirmed' };
const corrected = (...items: string[]): CommentVerdict => ({ status: 'corrected', items });

test('agreement: a request decided by one annotator of three is no unit; three annotators give no single kappa', () => {
  const requests = [
    request(sampleRecord('r1'), { ana: state('valid'), ben: state('valid'), cy: state('valid') }),
    request(sampleRecord('r2'), { ana: state('valid'), ben: state(undefined) }),
    request(sampleRecord('r3'), { ana: state('Image is text'), ben: state('Other') }),
    request(sampleRecord('r4'), { ben: state('valid'), cy: state('Image is text') }),
  ];
  const result = agreement(requests, ['ana', 'ben', 'cy']);
  // Units: r1 (3 values), r3 (2), r4 (2); r2 has one value.
  assert.equal(result.validityUnits, 3);
  // Coincidences: r1 3 v-v pairs; r3 2 i-i; r4 one v-i each way. n_v = 4, n_i = 3, n = 7.
  // alpha = 1 - (n - 1) · (o_vi + o_iv) / (2 · n_v · n_i) = 1 - 6 · 2 / 24 = 0.5.
  assert.equal(result.krippendorffAlpha, 0.5);
  assert.equal(result.cohenKappa, null);
  assert.deepEqual(
    result.pairs.map((pair) => [pair.a, pair.b, pair.validityUnits, pair.validityAgreed, pair.cohenKappa]),
    [
      // r1 (v,v), r3 (i,i): p_o = 1, p_e = .5 → 1. The reason does not count, only valid / invalid.
      ['ana', 'ben', 2, 2, 1],
      // r1 only, both valid: p_e = 1, kappa undefined.
      ['ana', 'cy', 1, 1, null],
      // r1 (v,v), r4 (v,i): p_o = .5, p_e = 1 · .5 = .5 → 0.
      ['ben', 'cy', 2, 1, 0],
    ],
  );
  // Disagreements compare what was said, reason included; one voice is none. Nothing is adjudicated by default.
  assert.deepEqual(
    result.disagreements.map((d) => d.adjudicated),
    [false, false],
  );
  assert.deepEqual(
    result.disagreements.map((d) => [d.kind, d.request, d.values]),
    [
      [
        'validity',
        'r3',
        [
          { annotator: 'ana', validity: 'invalid: Image is text' },
          { annotator: 'ben', validity: 'invalid: Other' },
        ],
      ],
      [
        'validity',
        'r4',
        [
          { annotator: 'ben', validity: 'valid' },
          { annotator: 'cy', validity: 'invalid: Image is text' },
        ],
      ],
    ],
  );
});

test('agreement: two annotators who never decided one request together have no kappa, and no pair figure', () => {
  const requests = [
    request(sampleRecord('r1'), { ana: state('valid'), ben: state(undefined) }),
    request(sampleRecord('r2'), { ben: state('Image is text') }),
  ];
  const result = agreement(requests, ['ana', 'ben']);
  assert.equal(result.cohenKappa, null);
  assert.equal(result.krippendorffAlpha, null);
  assert.equal(result.validityUnits, 0);
  assert.deepEqual(result.disagreements, []);
  // No comment decided by both: no F1 (not "full agreement").
  assert.deepEqual(
    result.pairs.map((pair) => [pair.extractionUnits, pair.itemF1]),
    [[0, null]],
  );
});

test('agreement: two annotators with one shared request take that pair its kappa', () => {
  const requests = [
    request(sampleRecord('r1'), { ana: state('valid'), ben: state('valid') }),
    request(sampleRecord('r2'), { ana: state('Other'), ben: state('valid') }),
  ];
  // p_o = .5; ana v .5 / i .5, ben v 1: p_e = .5 → kappa 0.
  assert.equal(agreement(requests, ['ana', 'ben']).cohenKappa, 0);
});

test('agreement: three annotators of whom only one pair shares a request still give no single kappa', () => {
  const requests = [
    request(sampleRecord('r1'), { ana: state('valid'), ben: state('valid') }),
    request(sampleRecord('r2'), { ana: state('Other'), ben: state('valid') }),
    request(sampleRecord('r3'), { cy: state('valid') }),
  ];
  const result = agreement(requests, ['ana', 'ben', 'cy']);
  assert.equal(result.cohenKappa, null);
  assert.deepEqual(
    result.pairs.map((pair) => [pair.a, pair.b, pair.cohenKappa]),
    [
      ['ana', 'ben', 0],
      ['ana', 'cy', null],
      ['ben', 'cy', null],
    ],
  );
});

test('agreement: only comments in scope count, a comment one annotator decided is no unit, and no items on both sides agree', () => {
  const two = sampleRecord('r1', {
    comment_ids: ['c1', 'c2', 'c3'],
    comments: [
      { id: 'c1', raw: 'x', upvotes: 1, created_utc: null, extraction: { raw: 'None', items: [] } },
      { id: 'c2', raw: 'y', upvotes: 1, created_utc: null, extraction: { raw: 'a - b', items: ['a - b'] } },
      { id: 'c3', raw: 'z', upvotes: 1, created_utc: null, extraction: { raw: 'None', items: [] } },
    ],
  });
  const byAnnotator = {
    ana: state('valid', { c1: CONFIRMED, c2: corrected('x - y', 'c - d'), c3: corrected('e - f') }),
    ben: state('valid', { c1: corrected(), c2: CONFIRMED }),
  };
  // Scope c1 and c3: c1 both say no items (agree); c3 only ana decided (no unit); c2 is out of scope.
  const scoped = agreement([request(two, byAnnotator, new Set(['c1', 'c3']))], ['ana', 'ben']);
  const [pair] = scoped.pairs;
  assert.deepEqual([pair.extractionUnits, pair.extractionAgreed, pair.itemF1], [1, 1, 1]);
  assert.deepEqual(scoped.disagreements, []);

  // Every comment in scope: c2 disagrees ({x - y, c - d} / {a - b}); F1 = 2·0 / (0 + 0 + 2 + 1) = 0. Items listed sorted.
  const all = agreement([request(two, byAnnotator)], ['ana', 'ben'], (_, comment) => comment === 'c2');
  assert.deepEqual([all.pairs[0].extractionUnits, all.pairs[0].extractionAgreed, all.pairs[0].itemF1], [2, 1, 0]);
  assert.deepEqual(all.disagreements, [
    {
      kind: 'extraction',
      shard: 'music-001.shard.jsonl',
      request: 'r1',
      comment: 'c2',
      values: [
        { annotator: 'ana', items: ['c - d', 'x - y'] },
        { annotator: 'ben', items: ['a - b'] },
      ],
      adjudicated: true,
    },
  ]);
});
