// Extraction assist on the real bundle: a second extractor's possible misses
// as dashed chips inside their comment's row, possibly wrong items marked,
// accept (+) as an ordinary correction that moves S_r, dismiss (-) recorded
// and kept after a reload, and Suggest Items' keys, progress and cancel.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { emptyRequestState, type RequestState } from '../../src/core/annotations/state';
import type { ExtractionSuggestionRun, LiveSuggestRun } from '../../src/protocol';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const source = (event: string): ExtractionSuggestionRun['source'] => ({
  kind: 'inline',
  event,
  annotator: 'tester',
  profile: 'paper',
  model: 'gpt-3.5-turbo-0125',
  time: '2026-12-05T10:00:00.000Z',
});

/** c2 (10 upvotes, shown first): the model adds a miss; c1: it lacks "beta writer"; c3: markup as an item. */
function suggestedState(extra: Partial<RequestState> = {}): RequestState {
  return {
    ...emptyRequestState(),
    extractionRuns: [
      { comment: 'c2', items: ['gamma trio - harbour lights', 'delta choir - salt air'], source: source('e1') },
      { comment: 'c1', items: ['alpha band - moon song'], source: source('e2') },
      { comment: 'c3', items: ['<img src=x onerror=alert(1)> - x'], source: source('e3') },
    ],
    ...extra,
  };
}

describe('extraction assist', () => {
  let h: Harness;
  let request = '';
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    request = `req-${Math.random()}`;
    await h.send({ type: 'modelAccess', allowed: true });
    await h.showAfresh(showMessage(makeRecord({ id: request }), { state: suggestedState() }));
  });

  // Rows by upvotes: c2 (10), c1 (3), c3 (1).
  const row = (comment: string) => h.page.locator('ia-comment article').nth(['c2', 'c1', 'c3'].indexOf(comment));
  const misses = (comment: string) => row(comment).locator('li.chip.miss');
  const drafts = async () => ofType(await h.posted(), 'annotate').map((m) => m.draft);

  it('a possible miss shows as a dashed chip with the item as text, inside its own comment row, after the items', async () => {
    const miss = misses('c2');
    assert.equal(await miss.count(), 1);
    assert.equal(await miss.locator('.chip-text').textContent(), 'delta choir - salt air');
    assert.equal(
      await miss.getAttribute('aria-label'),
      'Possible miss: delta choir - salt air, found by gpt-3.5-turbo-0125 (paper). Press + to add it, - to dismiss it',
    );
    assert.equal(await misses('c1').count(), 0, 'the other comment has no miss');
    const rowBox = (await row('c2').boundingBox())!;
    const missBox = (await miss.boundingBox())!;
    const itemBox = (await row('c2').locator('li.chip[data-item]').first().boundingBox())!;
    assert.ok(missBox.y >= rowBox.y && missBox.y + missBox.height <= rowBox.y + rowBox.height, 'inside the row');
    assert.ok(missBox.x > itemBox.x || missBox.y > itemBox.y, 'after the item chip');
    const style = await miss.evaluate((el) => getComputedStyle(el).borderStyle);
    assert.equal(style, 'dashed');
  });

  it('an item the model did not find is marked possibly wrong; agreed items carry no mark', async () => {
    const beta = row('c1').locator('li.chip[data-item="beta writer"]');
    assert.match((await beta.getAttribute('class')) ?? '', /possibly-wrong/);
    assert.match(
      (await beta.getAttribute('aria-label')) ?? '',
      /^Item: beta writer, possibly wrong: not found by gpt-3\.5-turbo-0125/,
    );
    const alpha = row('c1').locator('li.chip[data-item="alpha band - moon song"]');
    assert.doesNotMatch((await alpha.getAttribute('class')) ?? '', /possibly-wrong/);
    assert.equal(await row('c2').locator('li.possibly-wrong').count(), 0, 'full agreement is quiet');
  });

  it('markup in a suggested item is text, never HTML', async () => {
    const miss = misses('c3');
    assert.equal(await miss.locator('.chip-text').textContent(), '<img src=x onerror=alert(1)> - x');
    assert.equal(await miss.locator('img').count(), 0);
    assert.deepEqual(h.dialogs, []);
  });

  it('] moves onto the miss chip (focus visible), + adds it as a correction and S_r counts it', async () => {
    await h.page.keyboard.press(']');
    const miss = misses('c2');
    assert.match((await miss.getAttribute('class')) ?? '', /selected/);
    assert.notEqual(await miss.evaluate((el) => getComputedStyle(el).outlineStyle), 'none');
    await h.page.keyboard.press('+');
    assert.deepEqual(await drafts(), [
      {
        type: 'extraction',
        request,
        comment: 'c2',
        verdict: 'corrected',
        items: ['gamma trio - harbour lights', 'delta choir - salt air'],
      },
    ]);
    assert.equal(await misses('c2').count(), 0, 'accepted: now an item, no longer a miss');
    assert.equal(await row('c2').locator('li.chip[data-item="delta choir - salt air"]').count(), 1);
    const relevance = h.page.locator('ia-relevance ol.items li');
    await relevance.first().waitFor();
    assert.ok(
      (await relevance.allTextContents()).some((text) => text.includes('delta choir - salt air') && text.includes('10')),
      "S_r gives the new item its comment's upvotes",
    );
  });

  it('- dismisses the miss as an event; it stays hidden when the host replays it', async () => {
    await h.page.keyboard.press(']');
    await h.page.keyboard.press('-');
    assert.deepEqual(await drafts(), [
      { type: 'extraction-dismiss', request, comment: 'c2', kind: 'miss', item: 'delta choir - salt air' },
    ]);
    assert.equal(await misses('c2').count(), 0);
    const replayed = suggestedState({ extractionDismissed: { c2: ['miss:delta choir - salt air'] } });
    await h.send(showMessage(makeRecord({ id: `${request}-reloaded` }), { state: replayed }));
    assert.equal(await misses('c2').count(), 0, 'reviewed stays reviewed');
    assert.equal(await misses('c3').count(), 1);
  });

  it('- on a possibly wrong item keeps it (dismissed), + removes it', async () => {
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press(']');
    await h.page.keyboard.press('-');
    assert.deepEqual(await drafts(), [
      { type: 'extraction-dismiss', request, comment: 'c1', kind: 'wrong', item: 'beta writer' },
    ]);
    assert.equal(await row('c1').locator('li.possibly-wrong').count(), 0);
    await h.send(showMessage(makeRecord({ id: `${request}-2` }), { state: suggestedState() }));
    await h.blurFocus();
    await h.clearPosted();
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press(']');
    await h.page.keyboard.press('+');
    assert.deepEqual(await drafts(), [
      { type: 'extraction', request: `${request}-2`, comment: 'c1', verdict: 'corrected', items: ['alpha band - moon song'] },
    ]);
  });

  it('s asks for the current comment, S for every comment; nothing is asked in an untrusted workspace', async () => {
    await h.page.keyboard.press('s');
    await h.page.keyboard.press('S');
    assert.deepEqual(ofType(await h.posted(), 'suggestItems'), [
      { type: 'suggestItems', requestId: request, scope: 'comment', comments: ['c2'] },
      { type: 'suggestItems', requestId: request, scope: 'request', comments: ['c2', 'c1', 'c3'] },
    ]);
    await h.clearPosted();
    await h.send({ type: 'modelAccess', allowed: false, reason: 'Untrusted workspace: nothing runs.' });
    await h.page.keyboard.press('s');
    assert.deepEqual(ofType(await h.posted(), 'suggestItems'), []);
    assert.match((await h.page.locator('.banner[role=alert]').textContent()) ?? '', /Untrusted workspace: nothing runs/);
    assert.equal(await misses('c2').count(), 1, 'recorded suggestions still show');
  });

  it('the palette command asks through the webview, for its current comment', async () => {
    await h.page.keyboard.press('ArrowDown');
    await h.send({ type: 'suggest', scope: 'comment' });
    assert.deepEqual(ofType(await h.posted(), 'suggestItems'), [
      { type: 'suggestItems', requestId: request, scope: 'comment', comments: ['c1'] },
    ]);
  });

  it('a run shows its answer streaming on the comment and "k / n comments"; Esc cancels it; a fault is an error', async () => {
    const run: LiveSuggestRun = {
      id: 'run-1',
      requestId: request,
      scope: 'request',
      profile: 'paper',
      model: 'gpt-3.5-turbo-0125',
      total: 3,
      done: 1,
      phase: 'running',
      asking: [{ comment: 'c1', text: '1. Alpha Band - Moo' }],
    };
    await h.send({ type: 'suggestRun', run });
    assert.equal(
      await h.page.locator('ia-comment-list .suggest-status').textContent(),
      'Suggesting items with gpt-3.5-turbo-0125: 1 / 3 comments (Esc cancels)',
    );
    assert.equal(await row('c1').locator('[data-suggesting]').textContent(), 'Suggesting items… 1. Alpha Band - Moo');
    assert.equal(await row('c2').locator('[data-suggesting]').count(), 0);
    await h.page.keyboard.press('Escape');
    assert.deepEqual(ofType(await h.posted(), 'cancelSuggestItems'), [{ type: 'cancelSuggestItems', id: 'run-1' }]);
    await h.send({
      type: 'suggestRun',
      run: { ...run, phase: 'failed', asking: [], error: { kind: 'http', message: 'HTTP 500 from 127.0.0.1' } },
    });
    assert.equal(
      await h.page.locator('.banner[role=alert] > span').textContent(),
      'Suggest Items with paper failed (http): HTTP 500 from 127.0.0.1',
    );
    assert.equal(
      await h.page.locator('ia-comment-list .suggest-status').textContent(),
      'Suggest Items failed: 1 / 3 comments recorded',
    );
    assert.equal(await row('c1').locator('[data-suggesting]').count(), 0);
  });

  it('batch suggestions show like inline ones', async () => {
    await h.send({
      type: 'batchSuggestions',
      requestId: request,
      runs: [
        {
          comment: 'c1',
          items: ['epsilon - x'],
          source: { kind: 'batch', run: 'qwen', file: 'out/qwen/music/comments_processed.jsonl' },
        },
      ],
    });
    assert.match((await misses('c1').getAttribute('aria-label')) ?? '', /^Possible miss: epsilon - x, found by batch run qwen/);
  });
});
