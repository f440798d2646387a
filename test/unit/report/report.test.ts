// Report figures on a hand-made fixture; each expected value is worked out in the comments.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { EventDraft } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { reportBlocks } from '../../../src/core/report/report-blocks';
import { parseQueue, serializeQueue } from '../../../src/core/validation/queue';
import { makeTempDir } from '../annotations/temp';
import { writeShard } from '../../../src/core/shard/writer';
import { sampleRecord } from '../shard/sample-records';
import { events, ITEMS, T0, writeFixture } from './fixture';
import { modelRunDraft } from '../../fixtures/model-run';

const near = (actual: number | null, expected: number, message?: string) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${message ?? ''} expected ${expected}, got ${actual}`);
};

async function fixtureReport(t: Parameters<typeof makeTempDir>[0]) {
  const dir = makeTempDir(t, 'imagery-report-');
  const shard = await writeFixture(dir);
  return { dir, shard, report: buildReport(await loadReportData([shard])) };
}

test('extraction quality: wrong, missed, exact match, micro P/R/F1 from the final decisions', async (t) => {
  const { report } = await fixtureReport(t);
  const x = report.extraction;
  // Final per comment (Ben is later): r1c1 [alpha] of {alpha, bravo}; r1c2 confirmed {charlie};
  // r3c1 [golf] of {} (Ana only); r4c1 [] of {echo}. Extracted 4, true 3, correct 2.
  assert.deepEqual([x.comments, x.confirmed, x.corrected, x.extractedItems, x.trueItems], [4, 1, 3, 4, 3]);
  assert.deepEqual([x.wrong.count, x.wrong.total], [2, 4]); // bravo, echo removed
  assert.deepEqual([x.missed.count, x.missed.total], [1, 3]); // golf added
  assert.deepEqual([x.exactMatch.count, x.exactMatch.total], [1, 4]); // only r1c2
  near(x.precision.value, 2 / 4);
  near(x.recall.value, 2 / 3);
  near(x.f1, 4 / 7);
  assert.ok(x.wrong.low! < 0.5 && x.wrong.high! > 0.5, 'the interval holds the estimate');
  assert.deepEqual(x.paper, { comments: 100, wrongShare: 0, missedShare: 0.09 });
});

test('curation: invalid share overall, by reason, per domain and per subreddit', async (t) => {
  const { report } = await fixtureReport(t);
  const c = report.curation;
  // Final validity: r1 valid, r2 valid (Ben), r3 invalid "Not a rec request" (Ben), r4 valid.
  assert.deepEqual([c.invalid.count, c.invalid.total], [1, 4]);
  const reason = c.byReason.find((row) => row.reason === 'Not a rec request')!;
  assert.deepEqual([reason.invalid.count, reason.invalid.total], [1, 4]);
  assert.equal(c.byReason.find((row) => row.reason === 'Image is text')!.invalid.count, 0);
  assert.deepEqual(
    c.byDomain.map((row) => [row.domain, row.invalid.count, row.invalid.total]),
    [['music', 1, 4]],
  );
  assert.deepEqual(
    c.bySubreddit.map((row) => [row.subreddit, row.invalid.count, row.invalid.total]),
    [
      ['PictureTheSound', 0, 2],
      ['ifyoulikeblank', 0, 1],
      ['musicsuggestions', 1, 1],
    ],
  );
});

test('models: original against corrected truth, invalid requests and redrawn candidates left out', async (t) => {
  const { report } = await fixtureReport(t);
  assert.equal(report.models.length, 1);
  const row = report.models[0];
  // Titles: r1 answers bravo then alpha; r3 answers hotel. Original: both hit at 1.
  assert.deepEqual([row.original.hit1.count, row.original.hit1.total], [2, 2]);
  // Corrected: r3 is invalid (left out); r1 lost bravo, so alpha at rank 2 only hits @10.
  assert.deepEqual([row.corrected.hit1.count, row.corrected.hit1.total], [0, 1]);
  assert.deepEqual([row.corrected.hit10.count, row.corrected.hit10.total], [1, 1]);
  near(row.difference.hit1, -1);
  near(row.difference.hit10, 0);
  // Choice: r2 ("C", true 2) and r4 ("B", true 1) are right. r4 lost its only item: candidates must be redrawn.
  assert.deepEqual([row.original.accuracy.count, row.original.accuracy.total], [2, 2]);
  assert.deepEqual([row.corrected.accuracy.count, row.corrected.accuracy.total], [1, 1]);
  assert.equal(row.choiceNotScorable, 1);
  assert.equal(row.invalidLeftOut, 1);
});

test("agreement: Cohen's kappa and Krippendorff's alpha on validity, item F1 on extraction, the disagreements", async (t) => {
  const { report } = await fixtureReport(t);
  const a = report.agreement;
  assert.deepEqual(a.annotators, ['ana', 'ben']);
  // Validity pairs (ana, ben): r1 (v,v) r2 (i,v) r3 (v,i) r4 (v,v): p_o = .5, p_e = .75² + .25² = .625.
  near(a.cohenKappa, (0.5 - 0.625) / (1 - 0.625));
  // Alpha: n = 8 values (6 v, 2 i); D_o = 4/8; D_e = 24/56: alpha = 1 - (4/8)/(24/56) = -1/6.
  near(a.krippendorffAlpha, -1 / 6);
  assert.equal(a.validityUnits, 4);
  const [pair] = a.pairs;
  assert.deepEqual([pair.validityUnits, pair.validityAgreed, pair.extractionUnits, pair.extractionAgreed], [4, 2, 3, 1]);
  // Both reviewed r1c1 ({alpha,bravo} / {alpha}), r1c2 ({charlie,foxtrot} / {charlie}), r4c1 ({} / {}): 2·2 / 6.
  near(pair.itemF1, 4 / 6);
  assert.deepEqual(
    a.disagreements.map((d) => [d.kind, d.request, d.comment ?? '']),
    [
      ['extraction', 'r1', 'c1'],
      ['extraction', 'r1', 'c2'],
      ['validity', 'r2', ''],
      ['validity', 'r3', ''],
    ].sort(),
  );
  const r2 = a.disagreements.find((d) => d.request === 'r2')!;
  assert.deepEqual(r2.values, [
    { annotator: 'ana', validity: 'invalid: Image is text' },
    { annotator: 'ben', validity: 'valid' },
  ]);
  const r1c1 = a.disagreements.find((d) => d.comment === 'c1' && d.request === 'r1')!;
  assert.deepEqual(r1c1.values, [
    { annotator: 'ana', items: [ITEMS.alpha, ITEMS.bravo] },
    { annotator: 'ben', items: [ITEMS.alpha] },
  ]);
});

test("progress: each annotator's running count of decisions in time order", async (t) => {
  const { report } = await fixtureReport(t);
  assert.deepEqual(
    report.progress.map((series) => [series.annotator, series.decisions, series.requests, series.points.length]),
    [
      ['ana', 8, 4, 8],
      ['ben', 7, 4, 7],
    ],
  );
  assert.deepEqual(
    report.progress[0].points.map((point) => point.count),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
});

test('a review queue limits every figure to its sample', async (t) => {
  const { dir, shard } = await fixtureReport(t);
  const file = path.join(dir, 'q.queue.json');
  writeFileSync(
    file,
    serializeQueue({
      format: 'imagery-review-queue',
      version: 1,
      name: 'q',
      unit: 'comments',
      seed: 1,
      population: 5,
      shards: ['music-001.shard.jsonl'],
      items: [
        { shard: 'music-001.shard.jsonl', request: 'r1', comment: 'c1' },
        { shard: 'music-001.shard.jsonl', request: 'gone', comment: 'c9' },
      ],
    }),
  );
  const report = buildReport(await loadReportData([shard], { file, queue: parseQueue(readFileSync(file, 'utf8'), file) }));
  assert.deepEqual(report.scope.queue, { name: 'q', unit: 'comments', items: 2, found: 1 });
  assert.equal(report.scope.requests, 1);
  assert.deepEqual([report.extraction.comments, report.extraction.wrong.count, report.extraction.missed.count], [1, 1, 0]);
  assert.deepEqual(
    report.agreement.disagreements.map((d) => [d.kind, d.comment ?? '']),
    [['extraction', 'c1']],
  );
});

test('models: inline runs get their own rows; the matcher audit counts verdicts against the corrected truth', async (t) => {
  const { shard } = await fixtureReport(t);
  const run = modelRunDraft({ request: 'r2', task: 'rec_choice', answer: 'C' });
  const log = AnnotationLog.open(shard, 'rita');
  await log.append(run as unknown as EventDraft);
  // r1's stored title answer: bravo first. Bravo left the truth (Ben removed it), so a "relevant" verdict on it is a false miss.
  await log.append({
    type: 'model-verdict',
    request: 'r1',
    run: 'm1/image/rec_title',
    target: { kind: 'title', index: 0 },
    verdict: 'relevant',
  });
  const report = buildReport(await loadReportData([shard]));
  const inline = report.models.find((row) => row.source === 'inline')!;
  assert.deepEqual([inline.model, inline.original.accuracy.count, inline.original.accuracy.total], ['tiny', 1, 1]);
  assert.deepEqual([inline.corrected.accuracy.count, inline.corrected.accuracy.total], [1, 1]);
  assert.equal(report.models.filter((row) => row.source === 'stored').length, 1);
  assert.deepEqual(
    [report.audit.overall.titlesJudged, report.audit.overall.falseMisses, report.audit.overall.falseHits],
    [1, 1, 0],
  );
});

test('models: a question whose positive changed is not scorable, even when no negative became relevant', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-');
  const shard = path.join(dir, 'music-001.shard.jsonl');
  const comment = (id: string, upvotes: number, items: string[]) => ({
    id,
    raw: items.join('\n'),
    upvotes,
    created_utc: null,
    extraction: { raw: items.join('\n'), items },
  });
  // Golf (5 upvotes) is the released positive at A; the annotator removes it, so hotel (2) becomes the positive.
  await writeShard(shard, [
    sampleRecord('r1', {
      comment_ids: ['c1', 'c2'],
      comments: [comment('c1', 5, [ITEMS.golf]), comment('c2', 2, [ITEMS.hotel])],
      relevance: [
        [ITEMS.golf, 5],
        [ITEMS.hotel, 2],
      ],
      choice: { choices: [ITEMS.golf, 'n1 - one', 'n2 - two', 'n3 - three', 'n4 - four'], true_index: 0 },
      runs: [{ model: 'm1', input: 'image', task: 'rec_choice', answer: 'A. golf' }],
    }),
  ]);
  await AnnotationLog.open(shard, 'ana').appendRaw(
    events('ana', [{ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'corrected', items: [] }], T0),
  );
  const [row] = buildReport(await loadReportData([shard])).models;
  assert.deepEqual([row.original.accuracy.count, row.original.accuracy.total], [1, 1]);
  assert.deepEqual([row.corrected.accuracy.count, row.corrected.accuracy.total], [0, 0]);
  assert.equal(row.choiceNotScorable, 1);
});

test('extraction quality: comments confirmed only in bulk are left out and counted per annotator', async (t) => {
  const { shard } = await fixtureReport(t);
  // Cy confirms the rest of r2 (c1: no one else gave it a verdict) and of r4 (c1: Ana and Ben corrected it).
  await AnnotationLog.open(shard, 'cy').appendRaw(
    events(
      'cy',
      [
        { type: 'validity', request: 'r2', verdict: 'valid' },
        { type: 'bulk-confirm', request: 'r2', comments: ['c1'] },
        { type: 'bulk-confirm', request: 'r4', comments: ['c1'] },
      ],
      T0 + 7_200_000,
    ),
  );
  const report = buildReport(await loadReportData([shard]));
  const x = report.extraction;
  // r2c1 is decided only by Cy's bulk confirmation: not checked, so left out. r4c1 was read by Ana and Ben.
  assert.deepEqual([x.comments, x.confirmed, x.corrected], [4, 1, 3]);
  assert.deepEqual(x.bulk, { leftOut: 1, byAnnotator: [{ annotator: 'cy', comments: 2 }] });
  const text = reportBlocks(report)
    .filter((block) => block.kind === 'p')
    .map((block) => (block as { text: string }).text)
    .join('\n');
  assert.match(text, /Confirmed in bulk, not read one by one: \u2068cy\u2069 2; 1 such comments are left out/);
});
