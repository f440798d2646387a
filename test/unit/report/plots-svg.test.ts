// The report's plots as the exported page draws them (Observable Plot on
// linkedom's document), on the fixture with three annotators: each plot's
// title, description, legend and SVG, compared with the reviewed file in
// expected/ (the webview layer checks the marks' positions in a browser);
// IMAGERY_WRITE_EXPECTED=1 writes it anew (then read the diff). And what
// each plot draws when there is nothing to show.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { loadReportData } from '../../../src/core/report/load';
import {
  agreementPlot,
  extractorMarks,
  extractorsPlot,
  invalidPlot,
  reportPlots,
  runLabel,
  type PlotDocument,
} from '../../../src/core/report/plots';
import { buildReport, type Report } from '../../../src/core/report/report';
import { proportion } from '../../../src/core/stats/wilson';
import { writeShard } from '../../../src/core/shard/writer';
import { makeTempDir } from '../annotations/temp';
import { fixtureRecords, writeFixture } from './fixture';
import { writeThreeAnnotators } from './fixture-three';

const EXPECTED = path.join(import.meta.dirname, 'expected', 'plots-three-annotators.txt');
const plotDocument = () =>
  (parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: PlotDocument }).document;

test('every plot of the three-annotator fixture, drawn 640 wide, as reviewed', async (t) => {
  const shard = await writeThreeAnnotators(makeTempDir(t, 'imagery-plots-'));
  const report = buildReport(await loadReportData([shard]));
  const text = reportPlots(report, 640, plotDocument())
    .map((plot) =>
      [
        `## ${plot.id}: ${plot.title}`,
        plot.description,
        JSON.stringify(plot.legend ?? null),
        (plot.svg as unknown as { outerHTML: string } | null)?.outerHTML ?? 'no plot',
      ].join('\n'),
    )
    .join('\n\n');
  if (process.env.IMAGERY_WRITE_EXPECTED === '1') writeFileSync(EXPECTED, text + '\n');
  assert.equal(text + '\n', readFileSync(EXPECTED, 'utf8'), 'differs from test/unit/report/expected/plots-three-annotators.txt');
});

test('with nothing decided, only the invalid-posts plot draws (its reasons at 0); the others say why they are empty', async (t) => {
  const shard = path.join(makeTempDir(t, 'imagery-plots-'), 'music-001.shard.jsonl');
  await writeShard(
    shard,
    fixtureRecords().map((record) => ({ ...record, runs: [] })),
  );
  const plots = reportPlots(buildReport(await loadReportData([shard])), 640, plotDocument());
  assert.deepEqual(
    plots.map((plot) => [plot.id, plot.svg === null, plot.description]),
    [
      ['progress', true, 'No decisions yet.'],
      [
        'invalid',
        false,
        'Not a rec request: 0; Image is item(s): 0; Image is text: 0; Not music rec: 0; Explicit content: 0; Other: 0',
      ],
      ['extraction', true, 'wrong –, missed – (paper: 0% wrong, 9% missed)'],
      ['extractors', true, 'No extraction runs on decided comments yet.'],
      ['models', true, '0 run(s), 0 bars'],
      ['agreement', true, 'Needs two annotators.'],
    ],
  );
});

test("a run's label: domain, model (inline or not) and input", () => {
  const row = { domain: 'music', model: 'gpt-4o', input: 'image', source: 'stored' } as Parameters<typeof runLabel>[0];
  assert.equal(runLabel(row), 'music · gpt-4o · image');
  assert.equal(runLabel({ ...row, source: 'inline' }), 'music · gpt-4o (inline) · image');
});

test('the Extractors plot: a measure with no value has no mark, F1 has no interval; one band per extractor', () => {
  const row = (extractor: string, given: number) => ({
    extractor,
    comments: 2,
    scores: { precision: proportion(given === 0 ? 0 : 1, given), recall: proportion(1, 2), f1: given === 0 ? null : 0.5 },
    stored: { precision: proportion(2, 2), recall: proportion(2, 2), f1: 1 },
    missesFound: proportion(0, 0),
  });
  const report = { extractors: [row('x1 (p)', 2), row('quiet (p)', 0)] } as unknown as Report;
  assert.deepEqual(
    extractorMarks(report).map((mark) => [mark.row, mark.measure, mark.low === null]),
    [
      ['x1 (p)', 'precision', false],
      ['x1 (p)', 'recall', false],
      ['x1 (p)', 'F1', true],
      ["stored, on x1 (p)'s comments", 'precision', false],
      ["stored, on x1 (p)'s comments", 'recall', false],
      ["stored, on x1 (p)'s comments", 'F1', true],
      // "quiet" gave no item: no precision, so no F1 either.
      ['quiet (p)', 'recall', false],
      ["stored, on quiet (p)'s comments", 'precision', false],
      ["stored, on quiet (p)'s comments", 'recall', false],
      ["stored, on quiet (p)'s comments", 'F1', true],
    ],
  );
  const plot = extractorsPlot(report, 640, plotDocument());
  assert.equal(plot.description, 'x1 (p): F1 50.0% on 2 comments (stored 100.0%); quiet (p): F1 – on 2 comments (stored 100.0%)');
  const svg = plot.svg as unknown as { getAttribute(name: string): string; querySelectorAll(selector: string): unknown[] };
  assert.equal(svg.getAttribute('height'), String(50 + 80 * 2));
  // Intervals: one rule per mark with low and high (precision and recall), none for F1; a dot per mark.
  assert.equal(svg.querySelectorAll('[aria-label="rule"] line').length, 7);
  assert.equal(svg.querySelectorAll('[aria-label="dot"] circle').length, 10);
});

test('a long pair of names is folded in the Agreement plot, the whole pair its title', async (t) => {
  const long = 'Annotator with a very long name indeed';
  const shard = await writeFixture(makeTempDir(t, 'imagery-plots-'), { ana: long, ben: 'ben' });
  const report = buildReport(await loadReportData([shard]));
  const svg = (agreementPlot(report, 640, plotDocument()).svg as unknown as { outerHTML: string }).outerHTML;
  assert.ok(svg.includes(`<title>${long} / ben</title>`), 'the whole pair as the tick label title');
  assert.match(svg, />Annotator with a ver…<title>/);
});

test('Invalid posts: bars from 0 in proportion to the counts, whole-number ticks, and with no invalid post no bar at all', () => {
  const drawn = (counts: number[]) => {
    const byReason = counts.map((count, i) => ({ reason: `reason ${i}`, invalid: { count } }));
    const svg = invalidPlot({ curation: { byReason } } as unknown as Report, 640, plotDocument()).svg as unknown as {
      querySelectorAll(selector: string): { getAttribute(name: string): string; textContent: string }[];
    };
    return {
      widths: [...svg.querySelectorAll('[aria-label="bar"] rect')].map((rect) => Number(rect.getAttribute('width'))),
      ticks: [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((text) => text.textContent),
    };
  };
  // Every count 0 drew six full-width bars (an axis from 0 to 0) labelled "0.000000".
  assert.deepEqual(drawn([0, 0, 0, 0, 0, 0]), { widths: [0, 0, 0, 0, 0, 0], ticks: ['0', '1'] });
  const some = drawn([3, 17, 0, 2]);
  assert.deepEqual(
    some.widths.map((width) => Math.round((width / some.widths[1]) * 17)),
    [3, 17, 0, 2],
  );
  assert.deepEqual(some.ticks, ['0', '3', '6', '9', '12', '15']);
  // Large counts are written as the other axes write them, with thousands separators.
  assert.deepEqual(drawn([1600, 5]).ticks, ['0', '200', '400', '600', '800', '1,000', '1,200', '1,400', '1,600']);
});
