// Giant strings from data in real Chromium: a 100,000-character model name and
// 170-character annotator names in the report view, a 200,000-character item
// in the adjudication panel. Each is shown clamped with an ellipsis, its whole
// value in the tooltip; the page keeps its width, cells their height, and the
// Take buttons stay inside the panel.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadReportData } from '../../src/core/report/load';
import { buildReport, type Report } from '../../src/core/report/report';
import type { Dispute } from '../../src/protocol';
import { initMessage, makeComment, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { writeFixture } from '../unit/report/fixture';
import { openHarness, type Harness } from './harness';
import { openReportHarness, type ReportHarness } from './report-harness';

const MODEL = 'gpt-' + 'x'.repeat(100_000);
const NAME = (letter: string) => `${letter}${'n'.repeat(169)}`;
const ITEM = 'artist - ' + 'y'.repeat(200_000);

/** The report with the giant model name on its run and 170-character annotator names everywhere they appear. */
function giantReport(report: Report): Report {
  const rename = (name: string) => (name === 'ana' ? NAME('a') : name === 'ben' ? NAME('b') : name);
  const json = JSON.parse(JSON.stringify(report)) as Report;
  json.models = json.models.map((row) => ({ ...row, model: MODEL }));
  json.annotators = json.annotators.map(rename);
  json.progress = json.progress.map((series) => ({ ...series, annotator: rename(series.annotator) }));
  json.agreement.pairs = json.agreement.pairs.map((pair) => ({ ...pair, a: rename(pair.a), b: rename(pair.b) }));
  json.agreement.disagreements = json.agreement.disagreements.map((d) => ({
    ...d,
    values: d.values.map((v) => ({ ...v, annotator: rename(v.annotator) })),
  }));
  return json;
}

const ROOT = `document.querySelector('ia-report').shadowRoot`;

describe('giant strings in the report view', () => {
  let harness: ReportHarness;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-giant-'));
    const report = giantReport(buildReport(await loadReportData([await writeFixture(dir)])));
    harness = await openReportHarness();
    await harness.send({ type: 'report', report, title: 'music-001', updated: '10:00:00' });
  });
  after(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the page stays as wide as the window', async () => {
    const width = await harness.value('document.documentElement.scrollWidth');
    assert.ok(width <= 1280, `the page is ${width} px wide`);
    const widest = await harness.value(
      `Math.max(...[...${ROOT}.querySelectorAll('table, p, li, figure, svg')].map((e) => e.getBoundingClientRect().right))`,
    );
    assert.ok(widest <= 1280, `an element reaches ${widest} px`);
  });

  it('a table cell shows the model name clamped, the whole name in its tooltip, at a sensible height', async () => {
    const cell = await harness.value(`(() => {
      const td = [...${ROOT}.querySelectorAll('td')].find((td) => td.textContent.startsWith('gpt-xxx'));
      const r = td.getBoundingClientRect();
      return { text: td.textContent, title: td.title, height: r.height, width: r.width };
    })()`);
    assert.equal(cell.text.length, 160);
    assert.ok(cell.text.endsWith('…'));
    assert.equal(cell.title, MODEL);
    assert.ok(cell.height < 200, `the cell is ${cell.height} px tall`);
    // The other columns keep a readable width beside it.
    const narrowest = await harness.value(
      `Math.min(...[...${ROOT}.querySelectorAll('td, th')].map((e) => e.getBoundingClientRect().width))`,
    );
    assert.ok(narrowest >= 30, `a column is ${narrowest} px wide`);
  });

  it('legend entries and disagreement lines are clamped with the whole name as tooltip', async () => {
    const legend = await harness.value(
      `[...${ROOT}.querySelectorAll('figure[data-plot="progress"] .legend > span')].map((s) => [s.textContent, s.title])`,
    );
    assert.deepEqual(legend, [
      [`${NAME('a').slice(0, 39)}…`, NAME('a')],
      [`${NAME('b').slice(0, 39)}…`, NAME('b')],
    ]);
    const line = await harness.value(`(() => {
      const span = ${ROOT}.querySelector('ul.disagreements li span[title]');
      return { shown: span.textContent.length, title: span.title.length, height: span.closest('li').getBoundingClientRect().height };
    })()`);
    assert.equal(line.shown, 160);
    assert.ok(line.title > 160);
    assert.ok(line.height < 120, `a disagreement line is ${line.height} px tall`);
  });
});

describe('giant strings in the adjudication panel', () => {
  let h: Harness;
  const record = makeRecord();
  const disputes: Dispute[] = [
    {
      kind: 'extraction',
      comment: 'c1',
      answers: [
        { annotator: NAME('a'), text: ITEM, choice: { verdict: 'corrected', items: [ITEM] } },
        { annotator: NAME('b'), text: 'beta writer', choice: { verdict: 'confirmed' } },
      ],
    },
  ];
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send(showMessage(record));
    await h.send({ type: 'disputes', requestId: record.id, disputes });
    await h.page.locator('ia-adjudication .dispute').first().waitFor();
  });
  after(() => h?.close());

  it('the 200,000-character item is clamped, its cell a few lines tall, the whole item its tooltip', async () => {
    const answer = h.page.locator('ia-adjudication td.answer').first();
    const box = (await answer.boundingBox())!;
    assert.ok(box.height < 300, `the answer cell is ${box.height} px tall`);
    assert.equal(((await answer.textContent()) ?? '').length, 600);
    assert.equal(await answer.getAttribute('title'), ITEM);
  });

  it('170-character names leave every Take button inside the panel', async () => {
    const panel = (await h.page.locator('ia-adjudication section.panel').boundingBox())!;
    const takes = h.page.locator('ia-adjudication ia-button.take');
    assert.equal(await takes.count(), 2);
    for (let i = 0; i < 2; i++) {
      const take = (await takes.nth(i).boundingBox())!;
      assert.ok(take.width > 20, `Take ${i} is ${take.width} px wide`);
      assert.ok(
        take.x >= panel.x && take.x + take.width <= panel.x + panel.width + 0.5,
        `Take ${i} at ${take.x}+${take.width}, panel ${panel.x}+${panel.width}`,
      );
    }
    const name = h.page.locator('ia-adjudication th.annotator').first();
    assert.equal(await name.textContent(), `${NAME('a').slice(0, 39)}…`);
    assert.equal(await name.getAttribute('title'), NAME('a'));
  });
});

describe('a giant comment in the comment list', () => {
  let h: Harness;
  const raw = `Try Alpha Band - Moon Song ${'z'.repeat(200_000)} end`;
  const record = makeRecord({ id: 'req-giant-comment', comments: [makeComment(1, { raw })], comment_ids: ['c1'] });
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send(showMessage(record));
    await h.page.locator('ia-comment').first().waitFor();
  });
  after(() => h?.close());

  it('shows its first 20,000 characters, mentions marked, and the rest one click away', async () => {
    const text = h.page.locator('ia-comment p.text').first();
    const start = (await text.textContent()) ?? '';
    assert.equal(start.length, 20_000, JSON.stringify(start.slice(0, 60)) + JSON.stringify(start.slice(-30)));
    assert.deepEqual(await h.page.locator('ia-comment p.text mark').allTextContents(), ['Alpha Band', 'Moon Song']);
    const box = (await text.boundingBox())!;
    assert.ok(box.x + box.width <= 1280, `the text reaches ${box.x + box.width} px`);
    assert.match(
      (await h.page.locator('ia-comment p.clamped').textContent()) ?? '',
      /Showing the first 20,000 of 200,031 characters/,
    );
    await h.page.locator('ia-comment ia-button.show-all').click();
    assert.equal(((await text.textContent()) ?? '').length, raw.length);
    assert.ok(((await text.textContent()) ?? '').endsWith(' end'));
    assert.equal(await h.page.locator('ia-comment p.clamped').count(), 0);
  });
});
