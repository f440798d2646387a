// The report's plots checked against the report's own numbers: every
// mark's title says the value, and the mark is drawn where the axis's tick
// labels put that value, inside its plot. Shared by the report view test and
// the exported page tests (the CLI's page and the view's export draw alike).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { percent } from '../../src/core/report/format-numbers';
import { extractorMarks, extractorMarkTitle, runLabel } from '../../src/core/report/plots';
import type { Report } from '../../src/core/report/report';
import { assertInside, assertNear, plotGeometry, position, type Mark } from './plot-geometry';

const byTitle = (marks: Mark[], kind: string, title: string): Mark => {
  const found = marks.filter((mark) => mark.kind === kind && mark.title === title);
  assert.equal(
    found.length,
    1,
    `one ${kind} titled ${JSON.stringify(title)}; titles: ${JSON.stringify(marks.map((m) => m.title))}`,
  );
  return found[0];
};

export async function checkExtractionPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  const g = await plotGeometry(page, 'extraction', inView);
  assert.deepEqual([g.xTicks[0].value, g.xTicks.at(-1)!.value], [0, 100], 'the share axis runs from 0 to 100 (percent)');
  for (const figure of ['wrong', 'missed'] as const) {
    const p = report.extraction[figure];
    const dot = byTitle(g.marks, 'dot', `${figure}: ${percent(p.value)} (95% CI ${percent(p.low)}–${percent(p.high)})`);
    assertNear((dot.left + dot.right) / 2, position(g.xTicks, 100 * p.value!), `${figure} dot`);
    const rules = g.marks.filter((m) => m.kind === 'rule' && Math.abs((m.top + m.bottom) / 2 - (dot.top + dot.bottom) / 2) < 1);
    assert.equal(rules.length, 1, `one interval on the ${figure} row`);
    assertNear(rules[0].left, position(g.xTicks, 100 * p.low!), `${figure} interval, low end`, 2);
    assertNear(rules[0].right, position(g.xTicks, 100 * p.high!), `${figure} interval, high end`, 2);
    const paper = figure === 'wrong' ? report.extraction.paper.wrongShare : report.extraction.paper.missedShare;
    const tick = byTitle(g.marks, 'tick', `${figure}, paper: ${percent(paper)}`);
    assertNear((tick.left + tick.right) / 2, position(g.xTicks, 100 * paper), `${figure} paper tick`);
  }
  for (const mark of g.marks) assertInside(mark, g.svg, `extraction ${mark.kind} "${mark.title}"`);
}

export async function checkModelsPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  const g = await plotGeometry(page, 'models', inView);
  const bars = g.marks.filter((mark) => mark.kind === 'bar');
  const keys = [
    ['hit1', 'Hit@1'],
    ['hit10', 'Hit@10'],
    ['hit20', 'Hit@20'],
    ['accuracy', 'accuracy'],
  ] as const;
  const expected = report.models.flatMap((row) =>
    keys.flatMap(([key, label]) =>
      (['original', 'corrected'] as const).flatMap((truth) => {
        const value = row[truth][key].value;
        return value === null ? [] : [{ title: `${runLabel(row)}\n${label}, ${truth}: ${percent(value)}`, value }];
      }),
    ),
  );
  assert.deepEqual(bars.map((bar) => bar.title).sort(), expected.map((e) => e.title).sort());
  const zero = position(g.yTicks, 0);
  assert.deepEqual([g.yTicks[0].value, g.yTicks.at(-1)!.value], [0, 100], 'the score axis runs from 0 to 100 (percent)');
  for (const { title, value } of expected) {
    const bar = byTitle(bars, 'bar', title);
    assertNear(bar.top, position(g.yTicks, 100 * value), `top of "${title}"`);
    assertNear(bar.bottom, zero, `foot of "${title}"`);
    assertInside(bar, g.svg, `bar "${title}"`);
  }
}

export async function checkInvalidPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  const g = await plotGeometry(page, 'invalid', inView);
  const zero = position(g.xTicks, 0);
  for (const row of report.curation.byReason) {
    const bar = byTitle(g.marks, 'bar', `${row.reason}: ${row.invalid.count}`);
    assertNear(bar.left, zero, `start of ${row.reason}`);
    assertNear(bar.right, position(g.xTicks, row.invalid.count), `end of ${row.reason}`);
    assertInside(bar, g.svg, `bar ${row.reason}`);
  }
}

export async function checkAgreementPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  const g = await plotGeometry(page, 'agreement', inView);
  const zero = position(g.xTicks, 0);
  for (const pair of report.agreement.pairs) {
    for (const [measure, value] of [
      ["Cohen's kappa (validity)", pair.cohenKappa],
      ['item F1 (extraction)', pair.itemF1],
    ] as const) {
      if (value === null) continue;
      const bar = byTitle(g.marks, 'bar', `${pair.a} / ${pair.b}\n${measure}: ${value.toFixed(3)}`);
      assertNear(bar.left, Math.min(zero, position(g.xTicks, value)), `left of ${measure}`);
      assertNear(bar.right, Math.max(zero, position(g.xTicks, value)), `right of ${measure}`);
      assertInside(bar, g.svg, `bar ${measure}`);
    }
  }
}

export async function checkProgressPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  const g = await plotGeometry(page, 'progress', inView);
  for (const series of report.progress) {
    const line = byTitle(g.marks, 'line', series.annotator);
    const most = Math.max(...series.points.map((point) => point.count));
    assertNear(line.top, position(g.yTicks, most), `highest point of ${series.annotator}'s line`, 2);
    assertInside(line, g.svg, `line of ${series.annotator}`);
  }
}

/** Each extractor's and the stored extraction's precision, recall (dot and interval) and F1 (dot) where the share axis puts them. */
export async function checkExtractorsPlot(page: Page, report: Report, inView: boolean): Promise<void> {
  if (report.extractors.length === 0) return;
  const g = await plotGeometry(page, 'extractors', inView);
  assert.deepEqual([g.xTicks[0].value, g.xTicks.at(-1)!.value], [0, 100], 'the share axis runs from 0 to 100 (percent)');
  const expected = extractorMarks(report);
  assert.equal(g.marks.filter((mark) => mark.kind === 'dot').length, expected.length);
  assert.equal(g.marks.filter((mark) => mark.kind === 'rule').length, expected.filter((row) => row.low !== null).length);
  for (const row of expected) {
    const title = extractorMarkTitle(row);
    const dot = byTitle(g.marks, 'dot', title);
    assertNear((dot.left + dot.right) / 2, position(g.xTicks, 100 * row.value), `dot "${title}"`);
    if (row.low === null || row.high === null) continue;
    const middle = (dot.top + dot.bottom) / 2;
    const rules = g.marks.filter((m) => m.kind === 'rule' && Math.abs((m.top + m.bottom) / 2 - middle) < 1);
    assert.equal(rules.length, 1, `one interval on the row of "${title}"`);
    assertNear(rules[0].left, position(g.xTicks, 100 * row.low), `"${title}" interval, low end`, 2);
    assertNear(rules[0].right, position(g.xTicks, 100 * row.high), `"${title}" interval, high end`, 2);
  }
  for (const mark of g.marks) assertInside(mark, g.svg, `extractors ${mark.kind} "${mark.title}"`);
}

/** Every plot. */
export async function checkReportPlots(page: Page, report: Report, inView: boolean): Promise<void> {
  await checkProgressPlot(page, report, inView);
  await checkInvalidPlot(page, report, inView);
  await checkExtractionPlot(page, report, inView);
  await checkExtractorsPlot(page, report, inView);
  await checkModelsPlot(page, report, inView);
  await checkAgreementPlot(page, report, inView);
}
