// Where things land on screen: the comment list shows every row of a short
// request even when the webview booted in a frame too short to show it (as a
// VS Code webview can be while the workbench lays out), the wide layout
// gives the list the window's height, and a narrow one stacks one column.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { initMessage, makeComment, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';

const SIX_COMMENTS = Array.from({ length: 6 }, (_, i) => makeComment(i + 1, { upvotes: 60 - i }));

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface ListGeometry {
  window: { width: number; height: number; scrollWidth: number };
  list: Box;
  side: Box;
  /** Rows in the DOM, in list order. */
  rows: Box[];
}

// Page-side source text (the Node tsconfig has no DOM types).
const GEOMETRY = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  const app = document.querySelector('ia-app').shadowRoot;
  const virtualizer = app.querySelector('ia-comment-list').shadowRoot.querySelector('lit-virtualizer');
  const rows = [...virtualizer.querySelectorAll('ia-comment')].sort((a, b) => a.row.index - b.row.index).map(box);
  return {
    window: { width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth },
    list: box(virtualizer),
    side: box(app.querySelector('.side')),
    rows,
  };
})()`;

describe('layout', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const boot = async (width: number, height: number) => {
    h = await openHarness();
    await h.page.setViewportSize({ width, height });
    await h.send(initMessage());
    await h.send(showMessage(makeRecord({ comments: SIX_COMMENTS })));
    return h;
  };

  const geometry = async (harness: Harness): Promise<ListGeometry> => {
    // The virtualizer renders on the frame after the one in which it measured.
    await harness.pageValue('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    return harness.pageValue(GEOMETRY);
  };

  const assertAllRowsShown = (g: ListGeometry) => {
    assert.equal(g.rows.length, 6, `${g.rows.length} of 6 rows rendered`);
    const first = g.rows[0];
    assert.ok(first.bottom - first.top > 20, 'the first row has a height');
    assert.ok(first.top >= g.list.top - 1 && first.top < g.list.bottom, 'the first row starts inside the list');
    for (let i = 1; i < g.rows.length; i++) assert.ok(g.rows[i].top >= g.rows[i - 1].bottom - 1, `row ${i} follows row ${i - 1}`);
  };

  it('shows every row after booting in a frame too short to show the list (wide)', async () => {
    const harness = await boot(1280, 100);
    await harness.page.setViewportSize({ width: 1280, height: 480 });
    assertAllRowsShown(await geometry(harness));
  });

  it('shows every row after booting in a frame too short to show the list (narrow, list size unchanged)', async () => {
    // Narrow, the list is max(300px, 70vh) high: 300px in both windows, so only
    // the window's own resize tells the virtualizer that it came into view.
    const harness = await boot(600, 100);
    await harness.page.setViewportSize({ width: 600, height: 400 });
    const g = await geometry(harness);
    assert.equal(Math.round(g.list.bottom - g.list.top), 300);
    assertAllRowsShown(g);
  });

  it('wide: the list fills the window under the header, the side column stands beside it', async () => {
    const harness = await boot(1280, 800);
    const g = await geometry(harness);
    assertAllRowsShown(g);
    assert.ok(g.window.height - g.list.bottom <= 16, `list ends ${g.window.height - g.list.bottom}px above the window's bottom`);
    assert.ok(g.side.left >= g.list.right, 'side column to the right of the list');
    assert.ok(g.side.bottom <= g.window.height + 1, 'side column scrolls inside the window');
  });

  it('narrow (700px): one column, the side below the list, nothing wider than the window', async () => {
    const harness = await boot(700, 800);
    const g = await geometry(harness);
    assertAllRowsShown(g);
    assert.ok(g.side.top >= g.list.bottom, 'side column below the list');
    assert.ok(g.list.right - g.list.left > 600, 'the list takes the full width');
    assert.ok(g.window.scrollWidth <= g.window.width, `page is ${g.window.scrollWidth}px wide in a ${g.window.width}px window`);
  });
});
