// The exported report page in Chromium: `imagery report --format html` draws
// the same five plots as the report view, each mark at the report's number;
// names that look like markup or like the old check's patterns ("javascript:",
// " on…=") are text in the plots, legends and tables, and create no element.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadReportData } from '../../src/core/report/load';
import { buildReport, type Report } from '../../src/core/report/report';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/system-packages.mjs';
import { runCli } from '../unit/cli/run-cli';
import { writeFixture } from '../unit/report/fixture';
import { checkReportPlots } from './report-plot-checks';

/** Ordinary names the old SVG check refused, and two that are markup. */
export const NAMES = {
  ana: 'Sam (JavaScript: The Good Parts fan) <img src=x onerror=alert(1)>',
  ben: 'Mia online=yes <meta http-equiv=refresh content=0;url=javascript:alert(2)>',
};

async function cliPage(dir: string, names?: typeof NAMES): Promise<{ html: string; report: Report }> {
  const shard = await writeFixture(dir, names);
  const result = await runCli('report', dir, '--format', 'html', '--quiet');
  assert.equal(result.code, 0, result.stderr);
  return { html: result.stdout, report: buildReport(await loadReportData([shard])) };
}

describe('exported report page', () => {
  let browser: Browser;
  let page: Page;
  const dirs: string[] = [];
  const tempDir = () => {
    dirs.push(mkdtempSync(path.join(os.tmpdir(), 'imagery-report-export-')));
    return dirs.at(-1)!;
  };
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("imagery report --format html has the view's plots, every mark at the report's number", async () => {
    const { html, report } = await cliPage(tempDir());
    await page.setContent(html);
    assert.deepEqual(await page.evaluate('[...document.querySelectorAll("figure[data-plot]")].map((f) => f.dataset.plot)'), [
      'progress',
      'invalid',
      'extraction',
      'extractors',
      'models',
      'agreement',
    ]);
    await checkReportPlots(page, report, false);
    // The plots come after the heading and its introduction, before the tables.
    assert.deepEqual(
      await page.evaluate(
        '[...document.body.children].slice(0, 3).map((e) => e.tagName + (e.className ? "." + e.className : ""))',
      ),
      ['H1', 'P', 'SECTION.plots'],
    );
  });

  it('names with "javascript:", " on…=" and markup are text everywhere, and make no element', async () => {
    const { html, report } = await cliPage(tempDir(), NAMES);
    await page.setContent(html);
    assert.equal(
      await page.evaluate('document.querySelectorAll("img, script, iframe, object, embed, foreignObject, a").length'),
      0,
    );
    assert.deepEqual(
      await page.evaluate(
        '[...document.querySelectorAll("meta")].map((m) => m.getAttribute("http-equiv") ?? m.getAttribute("charset") ?? m.name)',
      ),
      ['utf-8', 'Content-Security-Policy', 'viewport'],
    );
    // The progress legend and each line's title carry the names whole.
    assert.deepEqual(
      await page.evaluate('[...document.querySelectorAll("figure[data-plot=progress] .legend > span")].map((s) => s.title)'),
      [NAMES.ben, NAMES.ana], // sorted: "Mia…" before "Sam…"
    );
    await checkReportPlots(page, report, false);
    // One label per measure's facet, each carrying the pair's whole names.
    const agreementLabels: string[] = await page.evaluate(
      '[...document.querySelectorAll("figure[data-plot=agreement] g[aria-label=\\"y-axis tick label\\"] text")].map((t) => t.querySelector("title")?.textContent ?? t.textContent)',
    );
    assert.deepEqual(agreementLabels, [`${NAMES.ben} / ${NAMES.ana}`, `${NAMES.ben} / ${NAMES.ana}`]);
  });
});
