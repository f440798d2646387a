// The report's extractors block on the hand-made fixture: a second
// extractor's extraction runs scored against the final decisions, beside the
// stored extraction on the same comments. Each figure is worked out below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { reportBlocks } from '../../../src/core/report/report-blocks';
import { plotFiguresHtml } from '../../../src/core/report/report-html';
import { extractorMarks, extractorMarkTitle } from '../../../src/core/report/plots';
import { extractionRunEvent } from '../../fixtures/model-run';
import { makeTempDir } from '../annotations/temp';
import { ITEMS, writeFixture } from './fixture';

const I = ITEMS;
const TEXT = new Map([
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
  ['&apos;', "'"],
]);
let counter = 0;
function runEvent(request: string, comment: string, answer: string, endedAt: string, model = 'x1'): AnnotationEvent {
  return extractionRunEvent(`run-${++counter}`, 'cy', { request, comment, answer, endedAt, model, latencyMs: 1 });
}

test('extractors: item precision, recall, F1 and human-added items found, beside the stored extraction', async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-report-'));
  const undone = runEvent('r4', 'c1', I.echo, '2026-02-01T00:00:05.000Z');
  await AnnotationLog.open(shard, 'cy').appendRaw([
    runEvent('r1', 'c1', `${I.alpha}\n${I.hotel}`, '2026-02-01T00:00:01.000Z'),
    runEvent('r1', 'c2', I.charlie, '2026-02-01T00:00:02.000Z'),
    runEvent('r1', 'c2', 'None', '2026-02-01T00:00:03.000Z'), // the latest answer counts
    runEvent('r3', 'c1', `1. ${I.golf}`, '2026-02-01T00:00:04.000Z'),
    undone,
    { v: 1, id: 'undo', time: 't', annotator: 'cy', request: 'r4', type: 'retract', target: undone.id } as AnnotationEvent,
  ]);
  const report = buildReport(await loadReportData([shard]));
  // Final truth (report.test.ts): r1c1 {alpha}, r1c2 {charlie}, r3c1 {golf}; r4c1 has no run left.
  // Model: {alpha, hotel}, {}, {golf}: 3 given, 2 right. Stored: {alpha, bravo}, {charlie}, {}: 3 given, 2 right.
  // Humans added golf (r3c1) to the stored extraction; the model found it.
  assert.equal(report.extractors.length, 1);
  const [row] = report.extractors;
  assert.deepEqual([row.extractor, row.comments], ['x1 (p)', 3]);
  assert.deepEqual([row.scores.precision.count, row.scores.precision.total], [2, 3]);
  assert.deepEqual([row.scores.recall.count, row.scores.recall.total], [2, 3]);
  assert.ok(Math.abs(row.scores.f1! - 2 / 3) < 1e-9);
  assert.ok(row.scores.precision.low! < 2 / 3 && row.scores.precision.high! > 2 / 3, 'Wilson interval around the estimate');
  assert.deepEqual([row.stored.precision.count, row.stored.precision.total], [2, 3]);
  assert.deepEqual([row.stored.recall.count, row.stored.recall.total], [2, 3]);
  assert.deepEqual([row.missesFound.count, row.missesFound.total], [1, 1]);
  const blocks = reportBlocks(report);
  const at = blocks.findIndex((block) => block.kind === 'h3' && block.text.startsWith('Extractors'));
  assert.ok(at > 0, 'the report has an extractors block');
  const table = blocks[at + 1];
  assert.ok(table.kind === 'table');
  assert.equal(table.rows[0][0], 'x1 (p)');
  assert.equal(table.rows[0][1], '3');
});

test('no extraction runs: no extractors rows and no block', async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-report-'));
  const report = buildReport(await loadReportData([shard]));
  assert.deepEqual(report.extractors, []);
  assert.ok(!reportBlocks(report).some((block) => block.kind === 'h3' && block.text.startsWith('Extractors')));
});

test('the exported page draws the extractors plot: one dot per figure titled with its value, an interval for each proportion', async (t) => {
  const shard = await writeFixture(makeTempDir(t, 'imagery-report-'));
  await AnnotationLog.open(shard, 'cy').appendRaw([
    runEvent('r1', 'c1', `${I.alpha}\n${I.hotel}`, '2026-02-01T00:00:01.000Z'),
    runEvent('r3', 'c1', `1. ${I.golf}`, '2026-02-01T00:00:02.000Z'),
  ]);
  const report = buildReport(await loadReportData([shard]));
  const figure = plotFiguresHtml(report)
    .split('<figure')
    .find((part) => part.includes('data-plot="extractors"'));
  assert.ok(figure, 'an extractors figure');
  const text = (html: string): string => html.replace(/&(amp|lt|gt|quot|#39|apos);/g, (entity) => TEXT.get(entity) ?? entity);
  const titles = [...figure.matchAll(/<circle[^>]*>\s*<title>([^<]*)<\/title>/g)].map((match) => text(match[1]));
  const expected = extractorMarks(report).map(extractorMarkTitle);
  assert.equal(expected.length, 6, 'precision, recall and F1 of the run and of the stored extraction');
  assert.deepEqual(titles.sort(), expected.sort());
});
