// Two quick actions on the real bundle: the host answers the first while the
// second is still on its way, and neither action's effect may leave the screen
// for a moment. A MutationObserver in the page sees every DOM change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emptyRequestState, type RequestState } from '../../src/core/annotations/state';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';

// Page-side source (the Node tsconfig has no DOM types). After every batch of DOM
// changes, anywhere under <ia-app> and its nested shadow roots, it checks both
// effects; once an effect was seen, seeing it gone is recorded as a loss.
const WATCH = `(() => {
  const app = document.querySelector('ia-app');
  const flicker = (window.__flicker = { seen: [], lost: [] });
  const c2Badge = () => {
    const list = app.shadowRoot.querySelector('ia-comment-list');
    const row = [...(list?.shadowRoot?.querySelectorAll('ia-comment') ?? [])].find((el) => el.row?.comment.id === 'c2');
    return row?.shadowRoot?.querySelector('ia-badge')?.textContent;
  };
  const validity = () => app.shadowRoot.querySelector('ia-validity')?.shadowRoot?.querySelector('.status')?.textContent;
  const effects = { confirmed: () => c2Badge() === 'confirmed', valid: () => validity() === 'valid' };
  const watched = new WeakSet();
  const observer = new MutationObserver(() => {
    watch(app.shadowRoot);
    for (const [name, visible] of Object.entries(effects)) {
      if (visible()) { if (!flicker.seen.includes(name)) flicker.seen.push(name); }
      else if (flicker.seen.includes(name)) flicker.lost.push(name);
    }
  });
  function watch(root) {
    if (!watched.has(root)) {
      watched.add(root);
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);
  }
  watch(app.shadowRoot);
})()`;

describe('two quick actions', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());

  async function start(request: string) {
    await h.showAfresh(showMessage(makeRecord({ id: request })));
    await h.pageValue(WATCH);
  }

  /** The seqs of the actions sent, after checking they are the two drafts the keys stand for, in order. */
  async function sentActions(request: string, count: 1 | 2): Promise<number[]> {
    const sent = (await h.posted()).filter((m) => m.type === 'annotate');
    const drafts = [
      { type: 'extraction', request, comment: 'c2', verdict: 'confirmed' }, // Enter: the top-voted comment
      { type: 'validity', request, verdict: 'valid' }, // v
    ];
    assert.deepEqual(
      sent.map((m) => m.draft),
      drafts.slice(0, count),
    );
    const seqs = sent.map((m) => m.seq as number);
    assert.ok(count === 1 || seqs[1] > seqs[0], `seqs ${seqs.join(', ')}`);
    return seqs;
  }
  const confirmed: RequestState = { ...emptyRequestState(), comments: { c2: { status: 'confirmed' } } };
  const both: RequestState = { ...confirmed, validity: { status: 'valid' } };

  async function assertNeitherVanished() {
    const flicker = (await h.pageValue('window.__flicker')) as { seen: string[]; lost: string[] };
    assert.deepEqual([...flicker.seen].sort(), ['confirmed', 'valid'], 'both actions showed on screen');
    assert.deepEqual(flicker.lost, [], 'no action left the screen at any moment');
    assert.equal(await h.page.locator('ia-comment').first().locator('ia-badge').textContent(), 'confirmed');
    assert.equal(await h.page.locator('ia-validity .status').textContent(), 'valid');
  }

  it("the host's state for the first action, arriving after the second key press, does not hide the second", async () => {
    const request = 'req-quick-1';
    await start(request);
    await h.page.keyboard.press('Enter');
    await h.page.keyboard.press('v');
    const [first, second] = await sentActions(request, 2);
    // The host records the first (its state knows nothing of the second yet), then the second.
    await h.send({ type: 'state', requestId: request, state: confirmed });
    await h.send({ type: 'reply', seq: first, ok: true });
    await h.send({ type: 'state', requestId: request, state: both });
    await h.send({ type: 'reply', seq: second, ok: true });
    await assertNeitherVanished();
  });

  it("the host's reply for the first action, arriving between the two key presses, keeps both", async () => {
    const request = 'req-quick-2';
    await start(request);
    await h.page.keyboard.press('Enter');
    const [first] = await sentActions(request, 1);
    await h.send({ type: 'state', requestId: request, state: confirmed });
    await h.send({ type: 'reply', seq: first, ok: true });
    await h.page.keyboard.press('v');
    const [, second] = await sentActions(request, 2);
    // A late echo of the first action's state (another watcher) before the second is recorded.
    await h.send({ type: 'state', requestId: request, state: confirmed });
    await h.send({ type: 'state', requestId: request, state: both });
    await h.send({ type: 'reply', seq: second, ok: true });
    await assertNeitherVanished();
  });
});
