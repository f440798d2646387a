// While the host asks the user something for this panel (its `modal` message,
// or at once after `p` asks for a run), no action key acts in the editor.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

describe('keys while the host asks', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send({ type: 'modelAccess', allowed: true });
  });
  after(() => h?.close());
  beforeEach(async () => {
    await h.send({ type: 'modal', on: false });
    await h.showAfresh(showMessage(makeRecord({ id: `req-${Math.random()}` })));
  });

  it('takes no action key while the host says it is asking, and takes them again after', async () => {
    await h.send({ type: 'modal', on: true });
    for (const key of ['Enter', 'c', 'j', 'v', '3', 'x', 'r']) await h.page.keyboard.press(key);
    assert.deepEqual(await h.posted(), [], 'nothing was sent while the host asked');
    assert.equal(await h.page.locator('ia-comment').first().locator('ia-badge').textContent(), 'unreviewed');
    await h.send({ type: 'modal', on: false });
    await h.page.keyboard.press('Enter');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.comment, d.verdict]),
      [['c2', 'confirmed']],
    );
  });

  it('p locks the keys at once: an Enter before the host answers confirms nothing', async () => {
    await h.page.keyboard.press('p');
    await h.page.keyboard.press('Enter');
    await h.page.keyboard.press('Enter');
    const posted = await h.posted();
    assert.deepEqual(
      posted.map((m) => m.type),
      ['runModel'],
    );
    // The host asks, then is done: the keys act again.
    await h.send({ type: 'reply', seq: posted[0].seq, ok: true });
    await h.send({ type: 'modal', on: true });
    await h.page.keyboard.press('Enter');
    await h.send({ type: 'modal', on: false });
    await h.page.keyboard.press('v');
    assert.deepEqual(
      ofType(await h.posted(), 'annotate').map((m) => m.draft.type),
      ['validity'],
    );
  });

  it('a p pressed while the host still asks opens the picks once it is done', async () => {
    await h.send({ type: 'modal', on: true });
    await h.page.keyboard.press('p');
    assert.deepEqual(await h.posted(), []);
    await h.send({ type: 'modal', on: false });
    assert.deepEqual(
      (await h.posted()).map((m) => m.type),
      ['runModel'],
    );
    await h.page.keyboard.press('Enter');
    assert.deepEqual(ofType(await h.posted(), 'annotate'), [], 'locked again by the run it asked for');
  });
});
