// The adjudication panel and review-queue walking in real Chromium: each
// annotator's answer shows side by side as text (hostile names and items
// create nothing), choosing posts the adjudication draft the host records, the
// keyboard reaches it, and a queue's status and focused comment show.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Dispute, HostToWebview } from '../../src/protocol';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

const DISPUTES: Dispute[] = [
  {
    kind: 'validity',
    answers: [
      { annotator: IMG, text: 'valid', choice: { verdict: 'valid' } },
      { annotator: 'ben', text: 'invalid: Image is text', choice: { verdict: 'invalid', reason: 'Image is text' } },
    ],
  },
  {
    kind: 'extraction',
    comment: 'c1',
    answers: [
      { annotator: 'ana', text: `${SCRIPT}; beta writer`, choice: { verdict: 'corrected', items: [SCRIPT, 'beta writer'] } },
      { annotator: 'ben', text: 'alpha band - moon song; beta writer', choice: { verdict: 'confirmed' } },
    ],
    settled: 'alpha band - moon song; beta writer',
  },
];

/** The element that has the keyboard, looking through shadow roots: its tag and its closest custom element's class. */
const FOCUSED = `(() => {
  let element = document.activeElement;
  const path = [];
  while (element) {
    path.push(element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : ''));
    element = element.shadowRoot?.activeElement ?? null;
  }
  return path.join(' > ');
})()`;

/** Runs in the page (a function, not source text: the CSP forbids eval): whether the focus is inside `tag`. */
function focusIsIn(tag: string): boolean {
  const doc = (globalThis as unknown as { document: { activeElement: FocusNode | null } }).document;
  let element = doc.activeElement;
  while (element) {
    if (element.tagName === tag) return true;
    element = element.shadowRoot?.activeElement ?? null;
  }
  return false;
}
type FocusNode = { tagName: string; shadowRoot: { activeElement: FocusNode | null } | null };

describe('adjudication panel', () => {
  let h: Harness;
  const record = makeRecord();
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send(showMessage(record));
    await h.send({ type: 'disputes', requestId: record.id, disputes: DISPUTES });
    await h.page.locator('ia-adjudication .dispute').first().waitFor();
  });
  after(() => h?.close());
  beforeEach(() => h.clearPosted());

  it('shows each annotator and answer side by side, as text only', async () => {
    const rows = h.page.locator('ia-adjudication tbody tr');
    assert.equal(await rows.count(), 4);
    assert.deepEqual(await h.page.locator('ia-adjudication th.annotator').allTextContents(), [IMG, 'ben', 'ana', 'ben']);
    assert.deepEqual(
      (await h.page.locator('ia-adjudication td.answer').allTextContents()).map((text) => text.trim()),
      ['valid', 'invalid: Image is text', `${SCRIPT}; beta writer`, 'alpha band - moon song; beta writer'],
    );
    assert.equal(await h.page.locator('ia-adjudication img').count(), 0);
    assert.equal(await h.page.locator('ia-adjudication script').count(), 0);
    assert.equal(await h.page.locator('ia-adjudication [onerror]').count(), 0);
    // The CSP stops an injected handler from running but reports it: nothing may have been blocked.
    assert.deepEqual(await h.violations(), []);
    assert.deepEqual(h.cspRefusals, []);
    assert.equal(
      (await h.page.locator('ia-adjudication .settled').textContent())?.trim(),
      'settled: alpha band - moon song; beta writer',
    );
  });

  it("taking an annotator's answer posts that adjudication", async () => {
    await h.page.locator('ia-adjudication ia-button.take').nth(1).click();
    await h.page.locator('ia-adjudication ia-button.take').nth(2).click();
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(drafts, [
      { type: 'adjudication', request: record.id, verdict: 'invalid', reason: 'Image is text' },
      { type: 'adjudication', request: record.id, comment: 'c1', verdict: 'corrected', items: [SCRIPT, 'beta writer'] },
    ]);
  });

  it('settles with the reviewer’s own items, and withdraws a settled comment', async () => {
    const field = h.page.locator('ia-adjudication ia-text-field.own-items input');
    await field.fill(' gamma trio ;  delta - song ; ');
    await field.press('Enter');
    await h.page.locator('ia-adjudication ia-button.withdraw').click();
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(drafts, [
      { type: 'adjudication', request: record.id, comment: 'c1', verdict: 'corrected', items: ['gamma trio', 'delta - song'] },
      { type: 'adjudication', request: record.id, comment: 'c1', verdict: 'withdrawn' },
    ]);
  });

  it('settles with the reviewer’s own validity, chosen in the dropdown', async () => {
    await h.page.locator('ia-adjudication ia-dropdown vscode-dropdown').click();
    await h.page.locator('ia-adjudication vscode-option', { hasText: 'invalid: Not music rec' }).click();
    await h.page.locator('ia-adjudication ia-button.own-decide').click();
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(drafts, [{ type: 'adjudication', request: record.id, verdict: 'invalid', reason: 'Not music rec' }]);
  });

  it('A puts the keyboard on the first answer; Enter takes it', async () => {
    await h.blurFocus();
    await h.page.keyboard.press('A');
    await h.page.waitForFunction(focusIsIn, 'IA-ADJUDICATION');
    assert.match(String(await h.pageValue(FOCUSED)), /ia-adjudication > ia-button\.take/);
    await h.page.keyboard.press('Enter');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(drafts, [{ type: 'adjudication', request: record.id, verdict: 'valid' }]);
  });

  it('ignores disputes of another request, and a new request clears the panel', async () => {
    await h.send({ type: 'disputes', requestId: 'other', disputes: [] });
    assert.equal(await h.page.locator('ia-adjudication .dispute').count(), 2);
    await h.send(showMessage(makeRecord({ id: 'req2' }), { position: 1 }));
    assert.equal(await h.page.locator('ia-adjudication .dispute').count(), 0);
  });
});

describe('walking a review queue', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());

  it('shows the queue status and lands on the queued comment', async () => {
    const record = makeRecord();
    const show = {
      ...showMessage(record, { position: 2, total: 5 }),
      queue: { name: 'sample', index: 1, total: 4, done: 3 },
      focus: { kind: 'comment', comment: 'c3' },
    } as HostToWebview;
    await h.send(show);
    await h.page.locator('ia-comment').first().waitFor();
    assert.match((await h.page.locator('.queue-bar').textContent()) ?? '', /Queue\s+sample: item 2 of 4 · 3 done by you/);
    // c3 has the fewest upvotes: the list shows it third.
    await h.page.locator('ia-comment article.current').waitFor();
    const current = await h.page.locator('ia-comment article[aria-current="true"]').count();
    assert.equal(current, 1);
    const currentIndex = await h.page
      .locator('ia-comment')
      .evaluateAll((rows) => rows.findIndex((row) => row.shadowRoot?.querySelector('article.current')));
    assert.equal(currentIndex, 2);

    await h.clearPosted();
    await h.blurFocus();
    await h.page.keyboard.press('j');
    await h.page.keyboard.press('k');
    const targets = ofType(await h.posted(), 'navigate').map((m) => m.target);
    assert.deepEqual(targets, [{ kind: 'next' }, { kind: 'previous' }], 'the host walks the queue on next / previous');
  });

  it("a recount the host posts changes the banner's done count, not its item", async () => {
    await h.send({ type: 'queueProgress', done: 4, total: 4 });
    assert.match((await h.page.locator('.queue-bar').textContent()) ?? '', /item 2 of 4 · 4 done by you/);
  });

  it('a show without a queue hides the queue bar', async () => {
    await h.send(showMessage(makeRecord({ id: 'plain' })));
    assert.equal(await h.page.locator('.queue-bar').count(), 0);
  });

  it('landing from a disagreement puts the keyboard on the adjudication panel once the disputes arrive', async () => {
    const record = makeRecord({ id: 'disputed' });
    await h.send({ ...showMessage(record), focus: { kind: 'adjudication' } } as HostToWebview);
    await h.send({ type: 'disputes', requestId: record.id, disputes: DISPUTES });
    await h.page.waitForFunction(focusIsIn, 'IA-ADJUDICATION');
    assert.match(String(await h.pageValue(FOCUSED)), /ia-adjudication > ia-button\.take/);
  });
});
