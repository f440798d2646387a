// loadReportData on two shards made here: which events are decisions, whose
// states a request carries, the latest extraction run across logs, queue
// scopes, duplicates across shards, reviewers and adjudications by shard.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { REVIEWERS_FILE } from '../../../src/core/annotations/reviewers';
import { loadReportData } from '../../../src/core/report/load';
import { writeShard } from '../../../src/core/shard/writer';
import type { ReviewQueue } from '../../../src/core/validation/queue';
import { extractionRunEvent } from '../../fixtures/model-run';
import { makeTempDir } from '../annotations/temp';
import { sampleRecord } from '../shard/sample-records';

const T = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

/** Events of one annotator's log, numbered, at the given minutes. */
function events(annotator: string, list: [number, Record<string, unknown>][]): AnnotationEvent[] {
  return list.map(
    ([minute, draft], n) => ({ v: 1, id: `${annotator}-${n}`, time: T(minute), annotator, ...draft }) as AnnotationEvent,
  );
}

const comments = [
  { id: 'c1', raw: 'Try A - B', upvotes: 2, created_utc: null, extraction: { raw: 'A - B', items: ['a - b'] } },
  { id: 'c2', raw: 'Try C - D', upvotes: 1, created_utc: null, extraction: { raw: 'C - D', items: ['c - d'] } },
];

/** Two shards: one.jsonl holds r1 and r2, two.jsonl holds r3 and a second copy of r1. */
async function twoShards(dir: string): Promise<{ one: string; two: string }> {
  const one = path.join(dir, 'one.shard.jsonl');
  const two = path.join(dir, 'two.shard.jsonl');
  await writeShard(one, [sampleRecord('r1', { comments, comment_ids: ['c1', 'c2'] }), sampleRecord('r2')]);
  await writeShard(two, [sampleRecord('r3'), sampleRecord('r1', { title: 'a copy' })]);
  return { one, two };
}

test('decisions: verdicts, validity and bulk confirmations, not unreviewed, notes, model verdicts or retracted ones', async (t) => {
  const { one } = await twoShards(makeTempDir(t, 'imagery-load-'));
  await AnnotationLog.open(one, 'ana').appendRaw(
    events('ana', [
      [1, { type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' }],
      [2, { type: 'extraction', request: 'r1', comment: 'c2', verdict: 'unreviewed' }],
      [3, { type: 'validity', request: 'r1', verdict: 'valid' }],
      [4, { type: 'validity', request: 'r2', verdict: 'unreviewed' }],
      [5, { type: 'bulk-confirm', request: 'r2', comments: ['c1'] }],
      [6, { type: 'note', request: 'r1', text: 'hm' }],
      [7, { type: 'model-verdict', request: 'r1', run: 'm/image/rec_title', target: { kind: 'choice' }, verdict: 'agree' }],
      [8, { type: 'extraction', request: 'r2', comment: 'c1', verdict: 'corrected', items: [] }],
      [9, { type: 'retract', request: 'r2', target: 'ana-7' }],
      [10, { type: 'extraction', request: 'r9', comment: 'c1', verdict: 'confirmed' }],
      [11, { v: 2, type: 'future', request: 'r1' }],
    ]),
  );
  const data = await loadReportData([one]);
  assert.deepEqual(data.decisions, [
    { annotator: 'ana', time: T(1), request: 'r1' },
    { annotator: 'ana', time: T(3), request: 'r1' },
    { annotator: 'ana', time: T(5), request: 'r2' },
  ]);
});

test('requests carry only the states of annotators who touched them; annotators sorted; a second copy of a request is skipped', async (t) => {
  const { one, two } = await twoShards(makeTempDir(t, 'imagery-load-'));
  await AnnotationLog.open(one, 'zed').appendRaw(events('zed', [[1, { type: 'validity', request: 'r1', verdict: 'valid' }]]));
  await AnnotationLog.open(two, 'ana').appendRaw(
    events('ana', [
      [2, { type: 'validity', request: 'r3', verdict: 'valid' }],
      // r1 of this shard is the skipped copy: its decision belongs to no request read.
      [3, { type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' }],
    ]),
  );
  const data = await loadReportData([one, two]);
  assert.deepEqual(
    data.requests.map((request) => [request.shard, request.record.id, [...request.byAnnotator.keys()]]),
    [
      [one, 'r1', ['zed']],
      [one, 'r2', []],
      [two, 'r3', ['ana']],
    ],
  );
  assert.deepEqual(data.annotators, ['ana', 'zed']);
  assert.deepEqual(
    data.decisions.map((decision) => [decision.annotator, decision.request]),
    [
      ['zed', 'r1'],
      ['ana', 'r3'],
    ],
  );
  assert.deepEqual(data.warnings, [`${two}: request r1 already read from an earlier line or shard; this copy is skipped`]);
});

test("a log's bad line is a warning naming file and line; the resolution summary covers every shard", async (t) => {
  const { one, two } = await twoShards(makeTempDir(t, 'imagery-load-'));
  await AnnotationLog.open(one, 'ana').appendRaw(events('ana', [[1, { type: 'validity', request: 'r1', verdict: 'valid' }]]));
  await AnnotationLog.open(two, 'ana').appendRaw(events('ana', [[1, { type: 'validity', request: 'r3', verdict: 'valid' }]]));
  const log = AnnotationLog.open(two, 'ana').file;
  writeFileSync(log, 'oops\n', { flag: 'a' });
  const data = await loadReportData([one, two]);
  assert.equal(data.warnings.length, 2);
  assert.ok(data.warnings[0].startsWith(`${log}:2: not JSON: `), data.warnings[0]);
  assert.equal(data.warnings[1], `${two}: request r1 already read from an earlier line or shard; this copy is skipped`);
  assert.equal(data.resolution.validity.single, 2);
});

test('adjudications count for their own shard only, by listed reviewers; unknown requests are not adjudicated', async (t) => {
  const dir = makeTempDir(t, 'imagery-load-');
  const { one, two } = await twoShards(dir);
  writeFileSync(path.join(dir, REVIEWERS_FILE), JSON.stringify({ reviewers: ['rita'] }));
  await AnnotationLog.open(two, 'rita').appendRaw(
    events('rita', [[1, { type: 'adjudication', request: 'r3', verdict: 'valid' }]]),
  );
  // Bob is no reviewer: his adjudication of r1 settles nothing.
  await AnnotationLog.open(one, 'bob').appendRaw(events('bob', [[1, { type: 'adjudication', request: 'r1', verdict: 'valid' }]]));
  await AnnotationLog.open(one, 'rita').appendRaw(
    events('rita', [[2, { type: 'adjudication', request: 'r2', comment: 'c1', verdict: 'confirmed' }]]),
  );
  const data = await loadReportData([one, two]);
  assert.equal(data.isAdjudicated('r3'), true);
  assert.equal(data.isAdjudicated('r2', 'c1'), true);
  assert.equal(data.isAdjudicated('r2'), false);
  assert.equal(data.isAdjudicated('r1'), false);
  assert.equal(data.isAdjudicated('nope'), false);
});

test('extraction runs: per comment the answer that ended last, across logs; ties go to the later log; retracted runs ignored', async (t) => {
  const { one } = await twoShards(makeTempDir(t, 'imagery-load-'));
  const run = (id: string, annotator: string, comment: string, answer: string, endedAt: string) =>
    extractionRunEvent(id, annotator, { request: 'r1', comment, answer, endedAt, model: 'x1', profile: 'p' });
  await AnnotationLog.open(one, 'ana').appendRaw([
    run('a1', 'ana', 'c1', 'ended last', T(30)),
    run('a2', 'ana', 'c2', 'c2 from ana', T(10)),
    run('a3', 'ana', 'c2', 'undone', T(50)),
    { v: 1, id: 'a4', time: T(51), annotator: 'ana', request: 'r1', type: 'retract', target: 'a3' } as AnnotationEvent,
  ]);
  await AnnotationLog.open(one, 'bea').appendRaw([
    run('b1', 'bea', 'c1', 'ended earlier', T(20)),
    run('b2', 'bea', 'c2', 'c2 from bea, same end', T(10)),
  ]);
  const data = await loadReportData([one]);
  const r1 = data.requests.find((request) => request.record.id === 'r1')!;
  assert.deepEqual(
    [...r1.extractionRuns.entries()].map(([extractor, answers]) => [extractor, Object.fromEntries(answers)]),
    [['x1 (p)', { c1: 'ended last', c2: 'c2 from bea, same end' }]],
  );
});

test('a queue limits the requests, their comments and the annotators; found counts comments or requests', async (t) => {
  const dir = makeTempDir(t, 'imagery-load-');
  const { one } = await twoShards(dir);
  await AnnotationLog.open(one, 'ana').appendRaw(
    events('ana', [
      [1, { type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' }],
      [2, { type: 'validity', request: 'r1', verdict: 'valid' }],
    ]),
  );
  await AnnotationLog.open(one, 'bea').appendRaw(events('bea', [[3, { type: 'validity', request: 'r2', verdict: 'valid' }]]));
  const file = path.join(dir, 'q.queue.json');
  const queue = (unit: ReviewQueue['unit'], items: ReviewQueue['items']): ReviewQueue => ({
    format: 'imagery-review-queue',
    version: 1,
    name: 'q',
    unit,
    seed: 1,
    population: 10,
    shards: ['one.shard.jsonl'],
    items,
  });
  const byComment = await loadReportData([one], {
    file,
    queue: queue('comments', [
      { shard: 'one.shard.jsonl', request: 'r1', comment: 'c1' },
      { shard: 'one.shard.jsonl', request: 'r1', comment: 'c2' },
    ]),
  });
  assert.deepEqual(
    byComment.requests.map((request) => [request.record.id, [...(request.comments ?? ['all'])]]),
    [['r1', ['c1', 'c2']]],
  );
  assert.deepEqual(byComment.queue, { name: 'q', unit: 'comments', items: 2, found: 2 });
  assert.deepEqual(byComment.annotators, ['ana']);
  const byRequest = await loadReportData([one], {
    file,
    queue: queue('requests', [{ shard: 'one.shard.jsonl', request: 'r2' }]),
  });
  assert.deepEqual(
    byRequest.requests.map((request) => [request.record.id, request.comments]),
    [['r2', null]],
  );
  assert.deepEqual(byRequest.queue, { name: 'q', unit: 'requests', items: 1, found: 1 });
  assert.deepEqual(byRequest.annotators, ['bea']);
});
