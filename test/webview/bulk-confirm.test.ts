// "Confirm the rest" (C): the webview asks the host, which asks the user with
// the count; keys wait meanwhile; the progress then says how many in bulk.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { emptyRequestState } from '../../src/core/annotations/state';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

describe('confirm the rest of the comments', () => {
  let h: Harness;
  let id = '';
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    id = `req-${Math.random()}`;
    await h.send({ type: 'modal', on: false });
    await h.showAfresh(showMessage(makeRecord({ id })));
  });

  it('C asks the host, no key acts until it has asked, and the progress then counts the bulk confirmations', async () => {
    await h.page.keyboard.press('Shift+C');
    await h.page.keyboard.press('Enter');
    const posted = await h.posted();
    assert.deepEqual(
      posted.map((m) => [m.type, m.requestId]),
      [['confirmRest', id]],
      'only the question went out: the Enter pressed before the host asked confirmed nothing',
    );
    // The host asks (its modal), the user confirms, it records one event and sends the new state and progress.
    await h.send({ type: 'modal', on: true });
    await h.send({ type: 'modal', on: false });
    const state = emptyRequestState();
    for (const comment of ['c1', 'c2', 'c3']) state.comments[comment] = { status: 'confirmed', bulk: true };
    await h.send({ type: 'state', requestId: id, state });
    await h.send({ type: 'progress', progress: { reviewed: 1, total: 5, invalid: 0, corrected: 0, bulkConfirmed: 3 } });
    await h.send({ type: 'reply', seq: posted[0].seq, ok: true });
    const progress = (await h.page.locator('ia-toolbar label.progress').textContent()) ?? '';
    assert.match(progress.replace(/\s+/g, ' '), /1 \/ 5 reviewed .*0 invalid · 0 corrected · 3 confirmed in bulk/);
    assert.deepEqual(await h.page.locator('ia-comment ia-badge').allTextContents(), ['confirmed', 'confirmed', 'confirmed']);
    await h.page.keyboard.press('v');
    assert.deepEqual(
      ofType(await h.posted(), 'annotate').map((m) => m.draft.type),
      ['validity'],
      'the keys act again',
    );
  });

  it('the host refusing (nothing left to confirm) shows why and gives the keys back', async () => {
    await h.page.keyboard.press('Shift+C');
    const [question] = await h.posted();
    await h.send({ type: 'reply', seq: question.seq, ok: false, error: 'Every comment of this request already has a verdict' });
    assert.match((await h.page.locator('[role=alert]').first().textContent()) ?? '', /already has a verdict/);
    await h.clearPosted();
    await h.page.keyboard.press('v');
    assert.deepEqual(
      ofType(await h.posted(), 'annotate').map((m) => m.draft.type),
      ['validity'],
    );
  });

  it('the progress says nothing of bulk confirmations when there are none', async () => {
    await h.send({ type: 'progress', progress: { reviewed: 0, total: 5, invalid: 0, corrected: 0 } });
    assert.doesNotMatch((await h.page.locator('ia-toolbar label.progress').textContent()) ?? '', /bulk/);
  });
});
