// Contrast under VS Code's four default themes, with their real colours
// (test/webview/themes): axe-core's WCAG AA colour-contrast check on the editor (its
// model panel included) and the report view, and the ratios of the texts that
// were too faint in Light Modern: the "confirmed" and "corrected" badges and
// the "✓ hit" titles (white on #73C991 and #73C991 on white were 2:1).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadReportData } from '../../src/core/report/load';
import { buildReport } from '../../src/core/report/report';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { writeFixture } from '../unit/report/fixture';
import { openHarness } from './harness';
import { openReportHarness } from './report-harness';
import { THEME_NAMES } from './themes';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const AA_TEXT = 4.5;

/**
 * Page-side: the WCAG contrast ratio of an element's text colour over what is behind it (its own background,
 * else its ancestors', across shadow roots, semi-transparent layers composed over the ones below).
 */
const CONTRAST_SOURCE = `window.__contrastOf = (element) => {
  const rgba = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return { r, g, b, a }; };
  const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
  const layers = [];
  for (let node = element; node; node = node.parentElement ?? node.getRootNode().host) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) layers.push(colour);
    if (colour.a >= 1) break;
  }
  const background = layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
  const text = over(rgba(getComputedStyle(element).color), background);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};`;

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

async function contrastViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // Contrast only: the other rules do not depend on the theme (accessibility.test.ts runs them all).
  return page.evaluate(`axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' > ') + ' ' + (n.any[0]?.message ?? '')) })))`);
}

const explain = (found: Violation[]) => found.map((v) => `${v.id}: ${v.help}\n  ${v.targets.join('\n  ')}`).join('\n');

async function ratio(page: Page, selector: string): Promise<number> {
  await page.evaluate(CONTRAST_SOURCE);
  const element = page.locator(selector).first();
  await element.waitFor();
  return element.evaluate((node) => (globalThis as unknown as { __contrastOf(e: unknown): number }).__contrastOf(node));
}

const record = makeRecord({
  id: 'contrast',
  over_18: true,
  choice: { choices: ['x - 1', 'gamma trio - harbour lights', 'y - 2', 'z - 3', 'w - 4'], true_index: 1 },
  runs: [
    { model: 'describer', input: 'image', task: 'description', answer: ['a grey harbour', 'a lighthouse'] },
    { model: 'vision-model', input: 'image', task: 'rec_title', answer: '1. Gamma Trio - Harbour Lights\n2. Nobody - Nothing' },
    { model: 'vision-model', input: 'image', task: 'rec_choice', answer: 'B.' },
  ],
});
const state = {
  comments: {
    c1: { status: 'confirmed' as const },
    c2: { status: 'corrected' as const, items: ['gamma trio - harbour lights'] },
  },
  modelVerdicts: {},
  notes: [],
};

for (const theme of THEME_NAMES) {
  describe(`contrast under ${theme}`, () => {
    it('the editor and its model panel: no axe contrast violation; badges and hit titles at least 4.5:1', async () => {
      const h = await openHarness({ theme });
      try {
        await h.send(initMessage());
        await h.send(
          showMessage(record, {
            state,
            images: [{ src: null, url: 'https://example.invalid/x.png', error: 'refused: path leaves the dataset' }],
          }),
        );
        await h.send({ type: 'progress', progress: { reviewed: 1, total: 4, invalid: 0, corrected: 1 } });
        await h.page.locator('ia-comment').first().waitFor();
        const ratios = {
          confirmed: await ratio(h.page, 'ia-badge[data-status="confirmed"] span'),
          corrected: await ratio(h.page, 'ia-badge[data-status="corrected"] span'),
          hit: await ratio(h.page, 'li.hit .mark'),
          hitTitle: await ratio(h.page, 'li.hit .title'),
        };
        for (const [what, value] of Object.entries(ratios)) assert.ok(value >= AA_TEXT, `${what}: ${value.toFixed(2)}:1`);
        const found = await contrastViolations(h.page);
        assert.deepEqual(found, [], explain(found));
      } finally {
        await h.close();
      }
    });

    it('the report view: no axe contrast violation', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-contrast-'));
      const h = await openReportHarness(theme);
      try {
        const report = buildReport(await loadReportData([await writeFixture(dir)]));
        await h.send({ type: 'report', report, title: 'music-001', updated: '10:00:00' });
        await h.page.locator('figure[data-plot]').first().waitFor();
        const found = await contrastViolations(h.page);
        assert.deepEqual(found, [], explain(found));
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
