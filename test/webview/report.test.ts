// The report view in Chromium under the strict CSP: no console error, no CSP
// violation, every mark of each plot titled with the report's number and drawn
// where its axis puts that number, theme colours, and disagreements that ask
// the host to open their request.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadReportData } from '../../src/core/report/load';
import { buildReport, type Report } from '../../src/core/report/report';
import { PLOT_STYLE_HASH } from '../../src/host/report/report-page';
import { AnnotationLog } from '../../src/core/annotations/log';
import type { AnnotationEvent } from '../../src/core/annotations/events';
import { ITEMS, writeFixture } from '../unit/report/fixture';
import { extractionRunEvent } from '../fixtures/model-run';
import { share } from '../../src/core/report/format-numbers';
import { openReportHarness, REPORT_THEME, type ReportHarness } from './report-harness';
import { checkReportPlots } from './report-plot-checks';

/** Two second extractors' answers on decided comments (as report-extractors.test.ts). */
async function appendExtractionRuns(shard: string): Promise<void> {
  let n = 0;
  const run = (request: string, comment: string, answer: string, model: string): AnnotationEvent => {
    n += 1;
    return extractionRunEvent(`run-${n}`, 'ana', {
      request,
      comment,
      answer,
      model,
      endedAt: `2026-02-01T00:00:0${n}.000Z`,
      latencyMs: 1,
    });
  };
  await AnnotationLog.open(shard, 'ana').appendRaw([
    run('r1', 'c1', `${ITEMS.alpha}\n${ITEMS.hotel}`, 'x1'),
    run('r1', 'c2', ITEMS.charlie, 'x1'),
    run('r3', 'c1', `1. ${ITEMS.golf}`, 'x1'),
    run('r1', 'c1', ITEMS.alpha, 'y2'),
    run('r3', 'c1', 'None', 'y2'),
  ]);
}

const ROOT = `document.querySelector('ia-report').shadowRoot`;
const count = (plot: string, selector: string) =>
  `${ROOT}.querySelectorAll('figure[data-plot="${plot}"] svg ${selector}').length`;

describe('report view', () => {
  let harness: ReportHarness;
  let report: Report;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-report-view-'));
    const shard = await writeFixture(dir);
    await appendExtractionRuns(shard);
    report = buildReport(await loadReportData([shard]));
    assert.equal(report.extractors.length, 2, 'two extractors on decided comments');
    harness = await openReportHarness();
    await harness.send({ type: 'report', report, title: 'music-001', updated: '10:00:00' });
  });
  after(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders every plot under the strict CSP with no console error and no violation', async () => {
    assert.deepEqual(await harness.value(`[...${ROOT}.querySelectorAll('figure[data-plot]')].map((f) => f.dataset.plot)`), [
      'progress',
      'invalid',
      'extraction',
      'extractors',
      'models',
      'agreement',
    ]);
    assert.equal(await harness.value(`${ROOT}.querySelectorAll('figure[data-plot] svg').length`), 6);
    assert.deepEqual(await harness.violations(), []);
    assert.deepEqual(harness.consoleErrors, []);
    assert.deepEqual(harness.pageErrors, []);
  });

  it('each plot has the expected number of marks', async () => {
    // Progress: one line per annotator (ana, ben).
    assert.equal(await harness.value(count('progress', 'g[aria-label="line"] path')), 2);
    // Invalid by reason: one bar per reason (6).
    assert.equal(await harness.value(count('invalid', 'g[aria-label="bar"] rect')), 6);
    // Extraction: wrong and missed, each a dot, an interval rule and a paper tick.
    assert.equal(await harness.value(count('extraction', 'g[aria-label="dot"] circle')), 2);
    assert.equal(await harness.value(count('extraction', 'g[aria-label="rule"] line')), 2);
    assert.equal(await harness.value(count('extraction', 'g[aria-label="tick"] line')), 2);
    // Extractors: two, each beside the stored extraction: precision and recall (dot and interval) and F1 (dot).
    assert.equal(await harness.value(count('extractors', 'g[aria-label="dot"] circle')), 12);
    assert.equal(await harness.value(count('extractors', 'g[aria-label="rule"] line')), 8);
    // Models: one run, Hit@1/10/20 and accuracy, original and corrected: 8 bars.
    assert.equal(await harness.value(count('models', 'g[aria-label="bar"] rect')), 8);
    // Agreement: one pair, kappa and item F1.
    assert.equal(await harness.value(count('agreement', 'g[aria-label="bar"] rect')), 2);
  });

  it("every mark says the report's number and lies where its axis puts it, inside its plot", async () => {
    await checkReportPlots(harness.page, report, true);
  });

  it("colours come from the theme's variables", async () => {
    const fill = await harness.value(
      `getComputedStyle(${ROOT}.querySelector('figure[data-plot="extraction"] g[aria-label="dot"] circle')).fill`,
    );
    assert.equal(fill, REPORT_THEME['--vscode-charts-blue']);
  });

  it("the CSP's one style hash is the style Plot emits", async () => {
    const text = await harness.value(`${ROOT}.querySelector('figure[data-plot="invalid"] svg style').textContent`);
    assert.equal(`sha256-${createHash('sha256').update(text).digest('base64')}`, PLOT_STYLE_HASH);
  });

  it('shows the figures as text and lists the disagreements; a click asks the host to open the request', async () => {
    const text: string = await harness.value(`${ROOT}.textContent`);
    // The wrong share, 2 of 4 extracted items, with its Wilson interval (15.0–85.0%).
    assert.equal(share(report.extraction.wrong), '50.0% (95% CI 15.0–85.0%; 2/4)');
    assert.ok(text.includes('50.0% (95% CI 15.0–85.0%; 2/4)'), 'the wrong share and its interval are shown');
    assert.match(text, /Disagreements \(4\)/);
    await harness.value(`${ROOT}.querySelector('button[data-request="r2"]').click()`);
    const opened = (await harness.posted()).filter((m) => m.type === 'openRequest');
    assert.deepEqual(opened, [
      { type: 'openRequest', shard: report.agreement.disagreements.find((d) => d.request === 'r2')!.shard, request: 'r2' },
    ]);
  });

  it('Export HTML asks the host for the page, sending no markup of its own', async () => {
    await harness.value(
      `[...${ROOT}.querySelectorAll('header button')].find((b) => b.textContent.trim().startsWith('Export HTML')).click()`,
    );
    const exported = (await harness.posted()).filter((m) => m.type === 'exportReport');
    assert.deepEqual(exported, [{ type: 'exportReport', format: 'html' }]);
    const { ReportToHost } = await import('../../src/protocol');
    assert.ok(ReportToHost.safeParse(exported[0]).success, 'the host accepts what the view sends');
  });
});
