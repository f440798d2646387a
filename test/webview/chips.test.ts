// Chip editing on the real bundle: add, remove, edit inline, creator-only,
// each sending the right 'corrected' extraction draft.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

describe('item chips', () => {
  let h: Harness;
  let request = '';
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    request = `req-${Math.random()}`;
    await h.send(showMessage(makeRecord({ id: request })));
    await h.page.locator('ia-comment').first().waitFor();
    await h.blurFocus();
    // Work on the second comment (c1: two items).
    await h.page.keyboard.press('ArrowDown');
    await h.clearPosted();
  });

  const drafts = async () => ofType(await h.posted(), 'annotate').map((m) => m.draft);
  const currentChips = () => h.page.locator('ia-comment article[aria-current="true"] li.chip');

  it('chips have screen-reader names', async () => {
    assert.equal(await currentChips().first().getAttribute('aria-label'), 'Item: alpha band - moon song, press Delete to remove');
  });

  it('x removes the selected item', async () => {
    await h.page.keyboard.press(']');
    await h.page.keyboard.press('x');
    assert.deepEqual(await drafts(), [
      { type: 'extraction', request, comment: 'c1', verdict: 'corrected', items: ['alpha band - moon song'] },
    ]);
    assert.equal(await currentChips().count(), 1);
    assert.equal(await h.page.locator('ia-comment article[aria-current="true"] ia-badge').textContent(), 'corrected');
  });

  it('Delete on a focused chip removes that chip', async () => {
    await currentChips().nth(1).focus();
    await h.page.keyboard.press('Delete');
    assert.deepEqual(
      (await drafts()).map((d) => d.items),
      [['alpha band - moon song']],
    );
  });

  it('a chip focused when another request is shown loses the focus', async () => {
    await currentChips().nth(1).focus();
    const focusedChip = () =>
      h.pageValue(`(() => {
        let focused = document.activeElement;
        while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
        return focused?.matches('li.chip') ? focused.dataset.item : null;
      })()`);
    assert.equal(await focusedChip(), 'beta writer');
    // The same comment ids and items: the rows drawn for this request are reused for the next one.
    await h.send(showMessage(makeRecord({ id: `${request}-next`, title: 'The next request' })));
    assert.equal(await focusedChip(), null, 'no chip of the next request has the focus');
  });

  it('a adds an item typed inline (lowercased like the extractor)', async () => {
    await h.page.keyboard.press('a');
    await h.page.keyboard.type('Delta Choir - Salt Air');
    await h.page.keyboard.press('Enter');
    assert.deepEqual(
      (await drafts()).map((d) => d.items),
      [['alpha band - moon song', 'beta writer', 'delta choir - salt air']],
    );
  });

  it('hotkeys do not fire while typing in a chip editor; Esc cancels', async () => {
    await h.page.keyboard.press('a');
    await h.page.keyboard.type('jk xv 1');
    await h.page.keyboard.press('Escape');
    assert.deepEqual(await h.posted(), []);
    assert.equal(await h.page.locator('ia-comment ia-text-field').count(), 0);
  });

  it('e edits the selected item in place', async () => {
    await h.page.keyboard.press('e');
    await h.page.keyboard.press('Control+a');
    await h.page.keyboard.type('alpha band - moon songs');
    await h.page.keyboard.press('Enter');
    assert.deepEqual(
      (await drafts()).map((d) => d.items),
      [['alpha band - moon songs', 'beta writer']],
    );
  });

  it('t makes an item creator-only and a second t restores the title', async () => {
    await h.page.keyboard.press('t');
    await h.page.keyboard.press('t');
    assert.deepEqual(
      (await drafts()).map((d) => d.items),
      [
        ['alpha band', 'beta writer'],
        ['alpha band - moon song', 'beta writer'],
      ],
    );
  });

  it('the chip buttons remove and drop titles by mouse', async () => {
    await h.page.getByRole('button', { name: 'Make alpha band - moon song creator-only' }).click();
    await h.page.getByRole('button', { name: 'Remove beta writer' }).click();
    assert.deepEqual(
      (await drafts()).map((d) => d.items),
      [['alpha band', 'beta writer'], ['alpha band']],
    );
  });

  it('a corrected comment keeps its correction when Enter moves on', async () => {
    await h.page.keyboard.press('x');
    await h.page.keyboard.press('Enter');
    assert.deepEqual(
      (await drafts()).map((d) => d.verdict),
      ['corrected'],
    );
    assert.match((await h.page.locator('ia-comment article[aria-current="true"]').textContent()) ?? '', /No idea/);
  });

  it('mentions of the items are highlighted in the comment text', async () => {
    const marks = await h.page.locator('ia-comment article[aria-current="true"] mark').allTextContents();
    assert.deepEqual(marks, ['Alpha Band', 'Moon Song', 'Beta Writer']);
  });

  it('a host state message replaces the local state', async () => {
    await h.send({
      type: 'state',
      requestId: request,
      state: { comments: { c1: { status: 'corrected', items: ['omega - x'] } }, modelVerdicts: {}, notes: [] },
    });
    assert.deepEqual(
      await currentChips()
        .allTextContents()
        .then((t) => t.map((s) => s.replace(/[✂↺×]/g, '').trim())),
      ['omega - x'],
    );
  });
});
