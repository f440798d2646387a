// Right-to-left overrides in data, in real Chromium: an unclosed U+202E in an
// annotator's or a queue's name reverses nothing of our own text after it (the
// queue bar, the report's "Annotators: …" sentence and its disagreement
// answers, the exported HTML page). Checked on the glyphs' positions: the
// first letter of one of our words must lie left of its last letter.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadReportData } from '../../src/core/report/load';
import { buildReport, type Report } from '../../src/core/report/report';
import { reportBlocks } from '../../src/core/report/report-blocks';
import { standaloneHtml } from '../../src/core/report/report-format';
import type { HostToWebview } from '../../src/protocol';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { writeFixture } from '../unit/report/fixture';
import { openHarness, type Harness } from './harness';
import { openReportHarness, type ReportHarness } from './report-harness';

const RLO = '\u202e';

/**
 * Page-side source: whether `word`, found in a text node under `root`, is drawn left to right
 * (null when not found). Written as text: the Node tsconfig has no DOM types.
 */
const readsLeftToRight = (root: string, word: string) => `(() => {
  const root = ${root};
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(${JSON.stringify(word)});
    if (at < 0) continue;
    const left = (i) => { const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().left; };
    return left(at) < left(at + ${word.length - 1});
  }
  return null;
})()`;

/** The fixture's report with every annotator name ending in an unclosed right-to-left override. */
function hostileReport(report: Report): Report {
  const name = (annotator: string) => `${annotator}${RLO}`;
  return {
    ...report,
    annotators: report.annotators.map(name),
    agreement: {
      ...report.agreement,
      disagreements: report.agreement.disagreements.map((d) => ({
        ...d,
        values: d.values.map((v) => ({ ...v, annotator: name(v.annotator) })),
      })),
    },
  };
}

describe('right-to-left overrides in data', () => {
  let dir: string;
  let report: Report;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-bidi-'));
    report = hostileReport(buildReport(await loadReportData([await writeFixture(dir)])));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('the report view', () => {
    let harness: ReportHarness;
    const ROOT = `document.querySelector('ia-report').shadowRoot`;
    before(async () => {
      harness = await openReportHarness();
      await harness.send({ type: 'report', report, title: 'music-001', updated: '10:00:00' });
    });
    after(() => harness?.close());

    it('the sentence after "Annotators: …" reads left to right', async () => {
      const sentence: string = await harness.value(
        `[...${ROOT}.querySelectorAll('p')].find((p) => p.textContent.includes('Annotators:')).textContent`,
      );
      assert.ok(sentence.includes(`ana${RLO}`), sentence); // the name is shown as it is
      assert.equal(await harness.value(readsLeftToRight(ROOT, 'Every share comes')), true);
    });

    it('a disagreement reads left to right after an annotator named with an override', async () => {
      const item = `[...${ROOT}.querySelectorAll('ul.disagreements li')].find((li) => /\u202e: invalid/.test(li.textContent))`;
      assert.ok(await harness.value(item), 'a validity disagreement with an annotator named with an override');
      assert.equal(await harness.value(readsLeftToRight(item, 'invalid')), true);
    });
  });

  describe('the exported HTML page', () => {
    let harness: ReportHarness;
    before(async () => {
      harness = await openReportHarness();
      await harness.page.setContent(standaloneHtml(reportBlocks(report)));
    });
    after(() => harness?.close());

    it('the "Annotators: …" sentence and the disagreement answers read left to right', async () => {
      assert.equal(await harness.value(readsLeftToRight('document.body', 'Every share comes')), true);
      const cell = `[...document.querySelectorAll('td')].find((td) => /\u202e: invalid/.test(td.textContent))`;
      assert.ok(await harness.value(cell), 'an answers cell names the annotator as is');
      assert.equal(await harness.value(readsLeftToRight(cell, 'invalid')), true);
    });
  });

  describe('the queue bar', () => {
    let h: Harness;
    before(async () => {
      h = await openHarness();
      await h.send(initMessage());
    });
    after(() => h?.close());

    it('"item 2 of 4 · 3 done by you" reads left to right after a queue name with an override', async () => {
      const show = {
        ...showMessage(makeRecord(), { position: 2, total: 5 }),
        queue: { name: `sample${RLO}`, index: 1, total: 4, done: 3 },
      } as HostToWebview;
      await h.send(show);
      await h.page.locator('.queue-bar').waitFor();
      const bar = `document.querySelector('ia-app').shadowRoot.querySelector('.queue-bar')`;
      assert.equal(await h.pageValue(readsLeftToRight(bar, 'done by you')), true);
    });
  });
});
