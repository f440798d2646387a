// The browser's "ResizeObserver loop" notice reaches window.onerror like an
// error, but nothing failed: the webview keeps it out of the host's Output
// channel, while a real uncaught error still goes there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

// A box that grows each time it is observed: Chromium delivers one round per
// frame and reports the rest as "ResizeObserver loop completed with undelivered notifications".
const RESIZE_LOOP = `new Promise((resolve) => {
  let seen = false;
  window.addEventListener('error', (e) => { if (/ResizeObserver loop/.test(e.message)) seen = true; });
  const box = document.createElement('div');
  document.body.append(box);
  let width = 10;
  const observer = new ResizeObserver(() => { width += 10; box.style.width = width + 'px'; });
  observer.observe(box);
  const wait = (n) => requestAnimationFrame(() => (seen || n === 0 ? (observer.disconnect(), box.remove(), resolve(seen)) : wait(n - 1)));
  wait(60);
})`;

describe('window errors forwarded to the host', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send(showMessage(makeRecord({ id: 'req1' })));
  });
  after(() => h?.close());

  it('a ResizeObserver loop is not forwarded; a real error after it is', async () => {
    await h.clearPosted();
    assert.equal(await h.pageValue(RESIZE_LOOP), true, 'the page saw a ResizeObserver loop error');
    await h.pageValue("setTimeout(() => { throw new Error('synthetic failure'); }, 0)");
    await h.page.waitForFunction(() =>
      (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'webviewError'),
    );
    const reports = ofType(await h.posted(), 'webviewError').map((m) => String(m.message));
    assert.equal(reports.length, 1, reports.join('\n'));
    assert.match(reports[0], /synthetic failure/);
  });
});
