// The editor follows the workbench's colour theme. With UPDATE_SCREENSHOTS=1
// it also refreshes the README screenshots (media/screenshots/editor-*.png).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { openWorkbench, quickOpen, webview, REPO_ROOT } from './workbench';

const SHARD = 'music-001.shard.jsonl';
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';

/** Mean relative luminance (0 black .. 1 white) of a PNG. */
function meanLuminance(png: Buffer): number {
  const { data, width, height } = PNG.sync.read(png);
  let sum = 0;
  for (let offset = 0; offset < data.length; offset += 4) {
    sum += (0.2126 * data[offset] + 0.7152 * data[offset + 1] + 0.0722 * data[offset + 2]) / 255;
  }
  return sum / (width * height);
}

async function editorLuminance(theme: string, screenshotName: string): Promise<number> {
  const workbench = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
  try {
    await quickOpen(workbench.page, SHARD);
    await webview(workbench.page).locator('h1.title').waitFor({ timeout: 30_000 });
    // Images and fonts settle after the title.
    await webview(workbench.page)
      .locator('img')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    if (updateScreenshots) {
      const file = path.join(REPO_ROOT, 'media', 'screenshots', screenshotName);
      mkdirSync(path.dirname(file), { recursive: true });
      // JPEG-like sizes are not needed: a PNG of the workbench at 1280x800 stays well under 300 KB.
      writeFileSync(file, await workbench.page.screenshot());
    }
    return meanLuminance(await workbench.page.locator('iframe.webview.ready').screenshot());
  } finally {
    await workbench.close();
  }
}

test('the editor is dark under "Default Dark Modern"', async () => {
  assert.ok((await editorLuminance('Default Dark Modern', 'editor-dark.png')) < 0.35);
});

test('the editor is light under "Default Light Modern"', async () => {
  assert.ok((await editorLuminance('Default Light Modern', 'editor-light.png')) > 0.65);
});
