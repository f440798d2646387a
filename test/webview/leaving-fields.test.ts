// Fields give the keyboard back: Enter in the note saves and returns to the
// editor, Esc leaves any field, a choice in a dropdown returns focus; and an
// error banner belongs to the request it was shown on.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

describe('leaving fields', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    await h.showAfresh(showMessage(makeRecord({ id: `req-${Math.random()}` })));
  });

  /** The tag of the element that has the keyboard, looking through shadow roots. */
  const focused = () =>
    h.pageValue(
      `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e ? e.tagName : null; })()`,
    );

  const navigations = async () => ofType(await h.posted(), 'navigate').map((m) => m.target.kind);

  it('i, a note and Enter save the note and give the keys back: the next j moves', async () => {
    await h.page.keyboard.press('i');
    await h.page.keyboard.type('foggy');
    await h.page.keyboard.press('Enter');
    await h.page.keyboard.press('j');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.type, d.text]),
      [['note', 'foggy']],
    );
    assert.deepEqual(await navigations(), ['next'], 'j moved instead of being typed into the note');
    assert.equal(await h.page.locator('ia-validity ia-text-field').evaluate((e: any) => e.value), '');
    assert.equal(await focused(), 'BODY');
  });

  it('Esc leaves the note field without saving; the next j moves', async () => {
    await h.page.keyboard.press('i');
    await h.page.keyboard.type('half a thought');
    await h.page.keyboard.press('Escape');
    assert.equal(await focused(), 'BODY');
    await h.page.keyboard.press('j');
    assert.deepEqual(ofType(await h.posted(), 'annotate'), []);
    assert.deepEqual(await navigations(), ['next']);
  });

  it('Esc leaves the go-to box; the next j moves', async () => {
    await h.page.keyboard.press('g');
    await h.page.keyboard.type('12');
    await h.page.keyboard.press('Escape');
    await h.page.keyboard.press('j');
    assert.deepEqual(await navigations(), ['next']);
  });

  it('f and a choice set the filter and give the focus back: the next j moves', async () => {
    await h.page.keyboard.press('f');
    assert.equal(await focused(), 'VSCODE-DROPDOWN');
    await h.page.keyboard.press('ArrowDown');
    assert.deepEqual(
      ofType(await h.posted(), 'setFilter').map((m) => m.filter),
      ['unreviewed'],
    );
    assert.notEqual(await focused(), 'VSCODE-DROPDOWN', 'the choice returned the focus');
    await h.page.keyboard.press('j');
    assert.deepEqual(await navigations(), ['next']);
  });

  it('f and Esc leave the dropdown unchanged; the next j moves', async () => {
    await h.page.keyboard.press('f');
    await h.page.keyboard.press('Escape');
    assert.equal(await focused(), 'BODY');
    await h.page.keyboard.press('j');
    assert.deepEqual(ofType(await h.posted(), 'setFilter'), []);
    assert.deepEqual(await navigations(), ['next']);
  });

  it('an error banner goes when another request is shown, and stays while the same one is', async () => {
    const record = makeRecord({ id: 'req-banner' });
    await h.send(showMessage(record));
    await h.send({ type: 'error', message: 'No request with id "zzz999" in synthetic.shard.jsonl' });
    assert.match((await h.page.locator('.banner').textContent()) ?? '', /zzz999/);
    await h.send(showMessage(record));
    assert.equal(await h.page.locator('.banner').count(), 1, 'the same request shown again keeps it');
    await h.send(showMessage(makeRecord({ id: 'req-other' }), { position: 1 }));
    assert.equal(await h.page.locator('.banner').count(), 0);
  });

  it("a model problem's banner goes when the next run starts; any other banner stays", async () => {
    const record = makeRecord({ id: 'req-models' });
    await h.send(showMessage(record));
    const run = {
      id: 'run-after',
      requestId: record.id,
      task: 'rec_title',
      prompt: 'standard',
      input: 'image',
      profile: 'local',
      model: 'tiny',
      phase: 'running',
      text: '',
    } as const;
    await h.send({ type: 'error', message: 'No model profile: add one with "Imagery: Add Model Profile…"', about: 'models' });
    assert.match((await h.page.locator('.banner').textContent()) ?? '', /No model profile/);
    await h.send({ type: 'modelRun', run });
    assert.equal(await h.page.locator('.banner').count(), 0, 'the run started: the banner about none starting is stale');

    await h.send({ type: 'error', message: 'Could not write the annotation log' });
    await h.send({ type: 'modelRun', run: { ...run, id: 'run-later' } });
    assert.match((await h.page.locator('.banner').textContent()) ?? '', /Could not write/, 'not a model problem: it stays');
  });
});
