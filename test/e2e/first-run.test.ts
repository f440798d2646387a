// A new user's first minutes in the real workbench: the Imagery view's welcome
// offers "Import Release…"; the folder dialog and the quick picks are answered
// as a person would; the progress shows, the shards appear in the view, the
// first shard opens with its image, and an unreadable line opens at its line.
// A folder that is not a release gets a clear message and no files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { insertLine, makeRelease, type SyntheticRelease } from '../fixtures/release-maker';
import { until } from './editor-steps';
import {
  answerFolder,
  answerPick,
  FIRST_RUN_SETTINGS,
  filesUnder,
  runCommand,
  shot,
  startImport,
  notification,
  UI_TIMEOUT,
} from './first-run-steps';
import { webview, workbenchPerTest, type Workbench } from './workbench';

/** True when the status bar says the cursor of the active editor is on `line`. */
async function cursorOnLine(page: Page, line: number): Promise<boolean> {
  const text = (await page.locator('.statusbar-item[id="status.editor.selection"]').textContent()) ?? '';
  return new RegExp(`Ln ${line},`).test(text);
}

describe('Import Release… in the workbench', () => {
  const release: SyntheticRelease = makeRelease();
  // One malformed line (line 2 of the comments) to find in the summary and open.
  insertLine(release.file('data/processed/music/comments/comments_processed.jsonl'), 1, '{"comment_id": broken');
  const workspace = mkdtempSync(path.join(tmpdir(), 'imagery-first-run-'));
  mkdirSync(path.join(workspace, 'not-a-release', 'data'), { recursive: true });
  writeFileSync(path.join(workspace, 'not-a-release', 'notes.txt'), 'not a release\n');
  const timings: Record<string, number> = {};
  afterEach(async (t) => {
    // What the screen showed when a test ended: the first thing to look at when one fails.
    await workbench?.page
      .screenshot({
        path: path.join(tmpdir(), `imagery-first-run-${t.name.slice(0, 20).replace(/\W+/g, '-')}.png`),
      })
      .catch(() => undefined);
  });

  // Each test gets its own server and browser on this workspace: one that fails leaves nothing open for the next.
  const current = workbenchPerTest({ workspace, settings: FIRST_RUN_SETTINGS });
  let workbench: Workbench;
  beforeEach(() => {
    workbench = current();
  });

  after(() => {
    release.cleanup();
    rmSync(workspace, { recursive: true, force: true });
    console.log(`first-run timings (ms): ${JSON.stringify(timings)}`);
  });

  test('the Imagery view welcomes with Import Release…, Open the Sample and Open Folder', async () => {
    const { page } = workbench;
    await runCommand(page, 'Imagery Annotator: Focus on Shards View');
    const welcome = page.locator('.welcome-view-content');
    for (const label of ['Import Release…', 'Open the Sample', 'Open Folder']) {
      await welcome.locator('.monaco-button', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT });
    }
    await shot(page, '1-welcome');
  });

  test('a folder that is not a release: the message names what is missing, and nothing is written', async () => {
    const { page } = workbench;
    const before = filesUnder(workspace);
    await startImport(page);
    await answerFolder(page, path.join(workspace, 'not-a-release'));
    const message = await notification(page, 'Not a release folder');
    const text = (await message.textContent()) ?? '';
    assert.match(text, /has no data\/processed\/, no data\/processed\/books\/ or data\/processed\/music\//);
    assert.match(text, /Nothing was imported/);
    await shot(page, '2-not-a-release');
    assert.deepEqual(filesUnder(workspace), before);
    await page.keyboard.press('Escape');
  });

  test('the chosen release is imported with progress into shards/, the view lists them, the first shard opens with its image', async () => {
    const { page } = workbench;
    const started = Date.now();
    await startImport(page);
    await answerFolder(page, release.dir, '3-folder-dialog');
    await answerPick(page, 'Import Release (2/6)', 'Music', '4-domains');
    await answerPick(page, 'Import Release (3/6)', 'shards/ in');
    await answerPick(page, 'Import Release (4/6)', 'Copy images beside the shards');
    await answerPick(page, 'Import Release (5/6)', '50 requests per shard');
    await answerPick(page, 'Import Release (6/6)', 'Only the benchmark', '5-last-question');

    const view = webview(page);
    const title = view.locator('h1.title');
    await title.waitFor({ timeout: UI_TIMEOUT });
    timings.importToFirstRequest = Date.now() - started;
    assert.match((await title.textContent()) ?? '', /Synthetic request m001/);
    // The image is served from the copy beside the shards and really decoded.
    await until('the first image to render', async () =>
      view.locator('img').evaluateAll((images) => images.some((image) => (image as { naturalWidth: number }).naturalWidth > 0)),
    );
    assert.deepEqual(readdirSync(path.join(workspace, 'shards')).sort(), [
      'imagery-images.json',
      'images',
      'music-001.shard.jsonl',
    ]);
    const summary = await notification(page, /Imported 3 requests into 1 shard/);
    await runCommand(page, 'Imagery Annotator: Focus on Shards View');
    await page.locator('.monaco-list-row', { hasText: 'music-001.shard.jsonl' }).first().waitFor({ timeout: UI_TIMEOUT });
    await shot(page, '6-first-shard');

    // The unreadable line: "Show Problems" lists it as file:line, and opens the file there.
    await summary.locator('.monaco-button', { hasText: 'Show Problems' }).click();
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'comments_processed.jsonl:2' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    await shot(page, '7-problems');
    await row.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'comments_processed.jsonl' }).waitFor({ timeout: UI_TIMEOUT });
    await until('the cursor on line 2', () => cursorOnLine(page, 2));

    // The same location in the summary of the Output view is a link: Ctrl+click opens the file at that line.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W'); // closes the editors, so the link's editor is the one that opens
    await runCommand(page, 'Output: Show Output Channels...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Imagery Annotator' }).first().click();
    // The release lies outside the workspace, where VS Code's own output links do not reach: this link is the extension's.
    // (The ":2" is a token of its own, so the span holding the file name is the one clicked.)
    const links = page.locator('.part.panel .monaco-editor .view-line span.detected-link', {
      hasText: 'comments_processed.jsonl',
    });
    await links.first().waitFor({ timeout: UI_TIMEOUT });
    await shot(page, '7b-summary-link');
    // The channel keeps growing and the editor keeps lines outside its viewport in the DOM: click a link that is on
    // screen, and again if a re-render took the click.
    const opened = page.locator('.tabs-container .tab.active', { hasText: 'comments_processed.jsonl' });
    await until(
      'the summary link to open the file',
      async () => {
        if (await opened.isVisible()) return true;
        const link = await linkOnScreen(page, links);
        await link?.click({ modifiers: ['Control'], timeout: 5_000 }).catch(() => undefined);
        return opened.isVisible();
      },
      UI_TIMEOUT,
    );
    await until('the cursor on line 2, opened from the summary', () => cursorOnLine(page, 2));
  });
});

/** The first of `links` whose box lies inside the Output editor's visible area. */
async function linkOnScreen(page: Page, links: Locator): Promise<Locator | undefined> {
  const view = await page.locator('.part.panel .monaco-editor .overflow-guard').first().boundingBox();
  if (!view) return undefined;
  for (const link of await links.all()) {
    const box = await link.boundingBox().catch(() => null);
    if (box && box.y >= view.y && box.y + box.height <= view.y + view.height) return link;
  }
  return undefined;
}
