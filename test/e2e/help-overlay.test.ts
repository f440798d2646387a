// The help overlay (?) in the real workbench, light and dark, at the default
// size and in a narrow window: scrolled to its end, as a person does to reach
// Close, the Close button keeps clear of the dialog's border on every side.
// Screenshots go to IMAGERY_SHOTS_DIR when set.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openShard, WEBVIEW_TIMEOUT } from './editor-steps';
import { VIEWPORT, workbenchPerTest } from './workbench';

const shots = process.env.IMAGERY_SHOTS_DIR;
/** The least room between the Close button and the dialog's border (inside its 1px border), in CSS pixels. */
const MIN_GAP = 8;

interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  const tag = theme.includes('Light') ? 'light' : 'dark';
  describe(`the help overlay (${tag})`, () => {
    const current = workbenchPerTest({ settings: { 'workbench.colorTheme': theme } });

    test('the Close button keeps clear of the border, wide and narrow', async () => {
      const { page, workspace } = current();
      const view = await openShard(page, path.join(workspace, 'shards', 'music-001.shard.jsonl'));
      const gaps: Record<string, Box> = {};
      for (const [size, viewport] of [
        ['default', VIEWPORT],
        ['narrow', { width: 760, height: 560 }],
      ] as const) {
        await page.setViewportSize(viewport);
        await view.locator('h1.title').click();
        await page.keyboard.press('?');
        const dialog = view.locator('ia-help [role=dialog]');
        await dialog.waitFor({ timeout: WEBVIEW_TIMEOUT });
        await dialog.evaluate((node) => node.scrollTo(node.scrollWidth, node.scrollHeight));
        const close = view.locator('ia-help ia-button vscode-button');
        await close.waitFor();
        if (shots) {
          mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: path.join(shots, `help-${size}-${tag}.png`) });
        }
        const inner = await dialog.evaluate((node) => {
          const box = node.getBoundingClientRect();
          const style = (
            globalThis as unknown as { getComputedStyle(n: unknown): { borderLeftWidth: string; borderTopWidth: string } }
          ).getComputedStyle(node);
          // The inside of the border; the scroll bars, when shown, are not room either.
          const left = box.left + parseFloat(style.borderLeftWidth);
          const top = box.top + parseFloat(style.borderTopWidth);
          return { left, top, right: left + node.clientWidth, bottom: top + node.clientHeight };
        });
        const button = await close.evaluate((node) => node.getBoundingClientRect().toJSON() as Box);
        gaps[size] = {
          top: button.top - inner.top,
          right: inner.right - button.right,
          bottom: inner.bottom - button.bottom,
          left: button.left - inner.left,
        };
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden', timeout: WEBVIEW_TIMEOUT });
      }
      console.log(`# ${tag}: Close button to the dialog's inner edge, px: ${JSON.stringify(gaps)}`);
      for (const [size, gap] of Object.entries(gaps))
        for (const [side, px] of Object.entries(gap))
          assert.ok(px >= MIN_GAP, `${size}: the Close button is ${px.toFixed(1)} px from the ${side} border`);
    });
  });
}
