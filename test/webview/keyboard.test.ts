// Keyboard flows on the real bundle: navigation, confirm + advance, validity
// keys, go-to, and no hotkey while the focus is in a text field.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import type { HostToWebview } from '../../src/protocol';
import { ofType, openHarness, type Harness } from './harness';

describe('keyboard', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    await h.showAfresh(showMessage(makeRecord({ id: `req-${Math.random()}` })));
  });

  it('sends ready on boot', async () => {
    const fresh = await openHarness();
    try {
      assert.deepEqual(ofType(await fresh.posted(), 'ready'), [{ type: 'ready' }]);
    } finally {
      await fresh.close();
    }
  });

  it('j / k / arrows / n navigate with a seq', async () => {
    for (const key of ['j', 'ArrowRight', 'k', 'ArrowLeft', 'n']) await h.page.keyboard.press(key);
    const posted = await h.posted();
    assert.deepEqual(
      ofType(posted, 'navigate').map((m) => m.target.kind),
      ['next', 'next', 'previous', 'previous', 'nextUnreviewed'],
    );
    // Each request has its own seq, in the order sent, so each reply settles the right one.
    const seqs = posted.map((m) => m.seq);
    assert.ok(
      seqs.every((seq, index) => Number.isInteger(seq) && (index === 0 || seq > seqs[index - 1])),
      `seqs unique and increasing: ${seqs.join(', ')}`,
    );
  });

  it('Enter confirms the top-voted comment and moves to the next', async () => {
    await h.page.keyboard.press('Enter');
    const [draft] = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.equal(draft.comment, 'c2', 'c2 has the most upvotes, so it comes first');
    assert.equal(draft.verdict, 'confirmed');
    assert.equal(draft.type, 'extraction');
    const current = h.page.locator('ia-comment article[aria-current="true"]');
    assert.match((await current.textContent()) ?? '', /Comment 1:/);
    assert.equal(await h.page.locator('ia-comment').first().locator('ia-badge').textContent(), 'confirmed');
  });

  it('c confirms too; arrows move between comments without confirming', async () => {
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('ArrowUp');
    await h.page.keyboard.press('c');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.comment, d.verdict]),
      [['c1', 'confirmed']],
    );
  });

  it('v and number keys set validity with the host reasons', async () => {
    await h.page.keyboard.press('v');
    await h.page.keyboard.press('3');
    await h.page.keyboard.press('6');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.type, d.verdict, d.reason]),
      [
        ['validity', 'valid', undefined],
        ['validity', 'invalid', 'Image is text'],
        ['validity', 'invalid', 'Other'],
      ],
    );
    assert.match((await h.page.locator('ia-validity .status').textContent()) ?? '', /invalid: Other/);
  });

  it('g opens the go-to box: a number goes to a position, text to an id', async () => {
    await h.page.keyboard.press('g');
    await h.page.keyboard.type('12');
    await h.page.keyboard.press('Enter');
    await h.page.keyboard.press('g');
    await h.page.keyboard.type('abc9');
    await h.page.keyboard.press('Enter');
    const targets = ofType(await h.posted(), 'navigate').map((m) => m.target);
    assert.deepEqual(targets, [
      { kind: 'position', position: 11 },
      { kind: 'id', id: 'abc9' },
    ]);
  });

  it('no hotkey fires while typing a note; Enter saves the note', async () => {
    await h.page.keyboard.press('i');
    await h.page.keyboard.type('jkn v1 ?');
    assert.deepEqual(await h.posted(), [], 'typing in the note posted nothing');
    assert.equal(await h.page.locator('ia-help').count(), 0);
    await h.page.keyboard.press('Enter');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(drafts, [{ type: 'note', request: drafts[0].request, text: 'jkn v1 ?' }]);
  });

  it('no hotkey fires while typing in the go-to box', async () => {
    await h.page.keyboard.press('g');
    await h.page.keyboard.type('jkxv');
    assert.deepEqual(await h.posted(), []);
  });

  it('Ctrl+Z is left to VS Code', async () => {
    await h.page.keyboard.press('Control+z');
    await h.page.keyboard.press('Control+j');
    assert.deepEqual(await h.posted(), []);
  });

  it('a failed host reply shows an error banner', async () => {
    await h.page.keyboard.press('j');
    const [navigate] = (await h.posted()).filter((m) => m.type === 'navigate');
    await h.send({ type: 'reply', seq: navigate.seq, ok: false, error: 'No next request' });
    assert.equal(await h.page.locator('[role=alert] span').first().textContent(), 'No next request');
    await h.page.getByRole('button', { name: 'Dismiss error' }).click();
    assert.equal(await h.page.locator('.banner').count(), 0);
  });

  it('says Saving… until the host acknowledges an action, then Saved, or Not saved on failure (immediate mode only)', async () => {
    const fresh = await openHarness();
    try {
      await fresh.send(initMessage());
      await fresh.send(showMessage(makeRecord({ id: 'req-save' })));
      await fresh.page.locator('ia-comment').first().waitFor();
      await fresh.blurFocus();
      const status = fresh.page.locator('.save-status');
      assert.equal(await status.getAttribute('data-status'), 'saved');
      await fresh.page.keyboard.press('v');
      await fresh.page.locator('.save-status[data-status="saving"]').waitFor();
      assert.equal(await status.textContent(), 'Saving…');
      const [annotate] = (await fresh.posted()).filter((m) => m.type === 'annotate');
      await fresh.send({ type: 'reply', seq: annotate.seq, ok: true });
      await fresh.page.locator('.save-status[data-status="saved"]').waitFor();
      assert.equal(await status.textContent(), 'Saved');
      await fresh.page.keyboard.press('3');
      const [, refused] = (await fresh.posted()).filter((m) => m.type === 'annotate');
      await fresh.send({ type: 'reply', seq: refused.seq, ok: false, error: 'EROFS: read-only file system' });
      await fresh.page.locator('.save-status[data-status="failed"]').waitFor();
      assert.equal(await status.textContent(), 'Not saved');
      assert.match((await fresh.page.locator('[role=alert]').textContent()) ?? '', /EROFS/);
      await fresh.send({ ...initMessage(), saveMode: 'manual' } as HostToWebview);
      assert.equal(await status.count(), 0, 'manual mode leaves it to the dirty marker');
    } finally {
      await fresh.close();
    }
  });

  it('o asks the host to open the permalink', async () => {
    await h.page.keyboard.press('o');
    assert.deepEqual(ofType(await h.posted(), 'openExternal'), [
      { type: 'openExternal', url: 'https://www.reddit.com/r/PictureTheSound/comments/req1/foggy/' },
    ]);
  });

  it('reports uncaught errors to the host', async () => {
    await h.pageValue("setTimeout(() => { throw new Error('synthetic failure'); }, 0)");
    await h.page.waitForFunction(() =>
      (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'webviewError'),
    );
    const [report] = ofType(await h.posted(), 'webviewError');
    assert.match(report.message, /synthetic failure/);
  });
});
