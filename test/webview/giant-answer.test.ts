// A 1.9 MB model answer in the model panel, in real Chromium: stored, streamed
// and kept. Its raw text is not in the DOM until the raw view is opened, and
// then only its first 20,000 characters, the whole one click ("Show all") away;
// the titles list stays at 20. Timings are in the benchmark, not here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RequestState } from '../../src/core/annotations/state';
import type { LiveModelRun } from '../../src/protocol';
import { GIANT_ANSWER, giantInlineRun } from '../fixtures/giant-answer';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const SHOWN = 20_000;
const PANEL_TEXT_MAX = 30_000;

/** Text in the model panel, shadow roots included (what the browser lays out, open or not). */
const PANEL_TEXT = `(() => {
  const length = (node) => {
    let total = node.nodeType === 3 ? node.data.length : 0;
    if (node.shadowRoot) total += length(node.shadowRoot);
    for (const child of node.childNodes) total += length(child);
    return total;
  };
  return length(document.querySelector('ia-app').shadowRoot.querySelector('ia-model-panel'));
})()`;

describe('a 1.9 MB answer in the model panel', () => {
  let h: Harness;
  before(async () => {
    assert.ok(GIANT_ANSWER.length > 1_900_000, `${GIANT_ANSWER.length} characters`);
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());

  it('a stored run: 20 titles, no raw text in the DOM until opened, then 20,000 characters and "Show all" for the rest', async () => {
    const record = makeRecord({
      id: 'req-giant',
      runs: [{ model: 'verbose', input: 'image', task: 'rec_title', answer: GIANT_ANSWER }],
    });
    await h.send(showMessage(record));
    const card = h.page.locator('ia-model-title-run');
    await card.waitFor();
    assert.equal(await card.locator('li').count(), 20);
    assert.equal(await card.locator('li .title').last().textContent(), 'band 19 - song number 19');
    assert.equal(await card.locator('pre.raw').count(), 0, 'the raw answer is not in the DOM while closed');
    const closed = (await h.pageValue(PANEL_TEXT)) as number;
    assert.ok(closed < PANEL_TEXT_MAX, `the panel holds ${closed} characters of text`);

    await h.blurFocus();
    await h.page.keyboard.press('R');
    const raw = card.locator('pre.raw');
    assert.equal(await raw.textContent(), GIANT_ANSWER.slice(0, SHOWN));
    assert.match((await card.locator('.clamped').textContent()) ?? '', /Showing the first 20,000 of 1,9\d\d,\d\d\d characters/);
    const opened = (await h.pageValue(PANEL_TEXT)) as number;
    assert.ok(opened < SHOWN + PANEL_TEXT_MAX, `the open panel holds ${opened} characters of text`);

    await card.getByRole('button', { name: 'Show all' }).click();
    assert.equal(await raw.textContent(), GIANT_ANSWER, 'the whole answer is one click away');
    await h.blurFocus();
    await h.page.keyboard.press('R');
    assert.equal(await card.locator('pre.raw').count(), 0, 'closed again, the raw answer leaves the DOM');
  });

  it('a streamed run cut at the limit shows 20,000 characters; kept, its card is as small as a stored one', async () => {
    await h.send(showMessage(makeRecord({ id: 'req-live', runs: [] })));
    const cut: LiveModelRun = {
      id: 'live-big',
      requestId: 'req-live',
      task: 'rec_title',
      prompt: 'standard',
      input: 'image',
      profile: 'local',
      model: 'verbose',
      phase: 'truncated',
      text: GIANT_ANSWER,
      error: { kind: 'truncated', message: 'cut at the token limit' },
    };
    await h.send({ type: 'modelRun', run: cut });
    const live = h.page.locator('ia-model-live-run');
    assert.equal(await live.locator('pre.stream').textContent(), GIANT_ANSWER.slice(0, SHOWN));
    assert.ok(((await h.pageValue(PANEL_TEXT)) as number) < SHOWN + PANEL_TEXT_MAX);

    await h.clearPosted();
    await live.getByRole('button', { name: 'Keep the cut answer' }).click();
    assert.deepEqual(ofType(await h.posted(), 'keepModelRun'), [{ type: 'keepModelRun', id: 'live-big' }]);
    // What the host does on Keep: the run joins the request's state, then its live card goes.
    const state: RequestState = { comments: {}, modelVerdicts: {}, notes: [], runs: [giantInlineRun('big', 'tester')] };
    await h.send({ type: 'state', requestId: 'req-live', state });
    await h.send({ type: 'modelRun', run: { ...cut, phase: 'stored' } });
    assert.equal(await live.count(), 0);
    const kept = h.page.locator('ia-model-title-run');
    assert.equal(await kept.locator('li').count(), 20);
    assert.equal(await kept.locator('pre.raw').count(), 0);
    const after = (await h.pageValue(PANEL_TEXT)) as number;
    assert.ok(after < PANEL_TEXT_MAX, `the panel holds ${after} characters of text after Keep`);
  });

  it("a 100,000-character model name: the card's heading shows it clamped, the whole name its tooltip, a line or two tall", async () => {
    const model = 'gpt-' + 'x'.repeat(100_000);
    await h.send(
      showMessage(makeRecord({ id: 'req-name', runs: [{ model, input: 'image', task: 'rec_title', answer: '1. A - B' }] })),
    );
    const name = h.page.locator('ia-model-title-run h3 .model');
    assert.equal(((await name.textContent()) ?? '').length, 160, 'the name is clamped to 160 characters');
    assert.equal(await name.getAttribute('title'), model);
    const heading = await h.page.locator('ia-model-title-run h3').boundingBox();
    const panel = await h.page.locator('ia-model-panel').boundingBox();
    assert.ok(heading && panel);
    assert.ok(heading.height < 120, `the heading is ${heading.height} px tall`);
    assert.ok(heading.x + heading.width <= panel.x + panel.width + 1, `the heading ends at ${heading.x + heading.width} px`);
  });
});
