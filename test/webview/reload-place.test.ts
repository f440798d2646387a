// After a reload VS Code hands the webview its saved state: the request opens
// at the comment the annotator was on, and that comment is on screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { initMessage, makeLargeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';

describe('reload: the current comment comes back into view', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness({ savedState: { ui: [['big', { comment: 120, item: 0 }]] } });
    await h.send(initMessage());
    await h.send(showMessage(makeLargeRecord(200)));
  });
  after(() => h?.close());

  it("the saved comment is current and its box lies inside the list's visible part", async () => {
    const current = h.page.locator('ia-comment article[aria-current="true"]');
    await current.waitFor();
    // comment 121 of 200 by upvotes has 200 - 120 = 80 upvotes
    assert.match((await current.locator('.upvotes').textContent()) ?? '', /\b80\b/);
    // Scrolling may take a frame or two after the first paint: poll until settled.
    let inside = false;
    for (let attempt = 0; attempt < 20 && !inside; attempt++) {
      const box = await current.boundingBox();
      const list = await h.page.locator('lit-virtualizer').boundingBox();
      inside = !!box && !!list && box.y >= list.y - 1 && box.y + box.height <= Math.min(list.y + list.height, 900) + 1;
      if (!inside) await h.page.waitForTimeout(50);
    }
    assert.ok(inside, 'the current comment is not inside the visible part of the list');
  });
});
