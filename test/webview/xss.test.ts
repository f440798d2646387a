// Hostile text everywhere a record carries text: nothing executes, no element
// is created from it, and it shows as literal text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { initMessage, makeComment, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2;alert(2)</script>';
const JS_URL = 'javascript:window.__pwned=3;alert(3)';
const PAYLOAD = `${IMG} ${SCRIPT} ${JS_URL}`;

/** Counts elements matching a selector in the document and every open shadow root (source text: it runs in the page). */
const DEEP_COUNT = `(selector) => {
  let count = 0;
  const visit = (root) => {
    count += root.querySelectorAll(selector).length;
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  return count;
}`;

describe('hostile content', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    const record = makeRecord({
      title: PAYLOAD,
      selftext: PAYLOAD,
      subreddit: IMG,
      author: SCRIPT,
      permalink: JS_URL,
      over_18: false,
      comments: [
        makeComment(1, { raw: PAYLOAD, extraction: { raw: PAYLOAD, items: [IMG.toLowerCase(), `${JS_URL} - ${SCRIPT}`] } }),
      ],
      relevance: [[IMG, 5]],
      choice: { choices: [IMG, SCRIPT, JS_URL, 'a - b', 'c - d'], true_index: 0 },
      runs: [
        { model: IMG, input: 'image', task: 'rec_title', answer: `1. ${IMG} - x\n2. ${SCRIPT} - y` },
        { model: 'm', input: SCRIPT, task: 'rec_choice', answer: `B. ${IMG}` },
        { model: 'd', input: 'image', task: 'description', answer: [PAYLOAD] },
      ],
    });
    await h.send(
      showMessage(record, {
        // `src` is the host's own (a webview URI, or an https URL the host checked), never a
        // record's text; the record's hostile URL arrives as `url`, shown as text.
        images: [
          { src: `${h.origin}/img/ok.png`, url: JS_URL },
          { src: null, url: IMG, error: SCRIPT },
        ],
      }),
    );
    await h.page.locator('ia-comment').first().waitFor();
    // Open the enlarged view and the raw answers too, so every text path renders.
    await h.page.locator('ia-gallery button.thumb').first().click();
    await h.page.keyboard.press('Escape');
    for (const summary of await h.page.locator('ia-model-panel summary').all()) await summary.click();
  });
  after(() => h?.close());
  const deepCount = (selector: string) => h.pageValue(`(${DEEP_COUNT})(${JSON.stringify(selector)})`) as Promise<number>;

  it('runs no script, opens no dialog, and the CSP had nothing to refuse', async () => {
    assert.deepEqual(h.dialogs, []);
    // A payload bound as markup would show here: its inline handler or script is refused by the
    // nonce-only CSP, which fires securitypolicyviolation and logs "Refused to …" (collected from the page's start).
    assert.deepEqual(await h.violations(), []);
    assert.deepEqual(h.cspRefusals, []);
  });

  it('creates no element from the payload', async () => {
    assert.equal(await deepCount('img[src="x"]'), 0);
    assert.equal(await deepCount('script:not([nonce])'), 0);
    assert.equal(await deepCount('[onerror]'), 0);
    assert.equal(await deepCount('a[href^="javascript"]'), 0);
    // The one image is the host's; the payload's <img> and <script> are not elements anywhere.
    assert.equal(await deepCount('img'), 1);
    assert.equal(await deepCount('img[src$="/img/ok.png"]'), 1);
    assert.equal(await deepCount('script'), await deepCount('script[nonce]'));
  });

  it('shows the payload as text', async () => {
    assert.equal(await h.page.locator('ia-query h1.title').textContent(), PAYLOAD);
    assert.equal(await h.page.locator('ia-query .selftext').textContent(), PAYLOAD);
    assert.equal(await h.page.locator('ia-comment p.text').textContent(), PAYLOAD);
    assert.ok((await h.page.locator('ia-gallery .placeholder .url').allTextContents()).includes(IMG));
    assert.ok((await h.page.locator('ia-gallery figcaption').allTextContents()).includes(PAYLOAD));
  });

  it('never sends a javascript: permalink: the button is disabled, and neither a click nor "o" opens anything', async () => {
    const button = h.page.locator('ia-query ia-button.permalink');
    assert.equal(await button.getAttribute('disabled'), '');
    await button.click({ force: true });
    await h.page.keyboard.press('o');
    assert.deepEqual(
      (await h.posted()).filter((m) => m.type === 'openExternal'),
      [],
    );
  });
});
