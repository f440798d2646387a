// The README's import line, followed as a new user would, with the release
// outside the workspace (behind a symlinked shared/ folder): the shards'
// images must render in the real workbench, with and without --copy-images.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { makeRelease } from '../fixtures/release-maker';
import { until } from './editor-steps';
import { escapeOpenQuickInput, openWorkbench, REPO_ROOT, webview, type Workbench } from './workbench';
import { runCommand } from './first-run-steps';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const SHARD = 'music-001.shard.jsonl';
/** The README's line, word for word, run from the workspace. */
const README_IMPORT = ['import', '../shared/datasets/imagery-as-inquiry', '--domain', 'music', '--out', 'shards/'];
const UI_TIMEOUT = 30_000;

/** Opens `folder/SHARD` through Quick Open, typing the folder too: both imports write a music-001. */
async function openShardIn(page: Page, workspace: string, folder: string): Promise<FrameLocator> {
  const query = `${folder}/${SHARD}`;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(query);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: SHARD }).filter({ hasText: folder });
    try {
      await row.first().waitFor({ timeout: 10_000 });
      await row.first().click();
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await escapeOpenQuickInput(page);
    }
  }
  const view = webview(page);
  const label = page.locator('.tabs-container .tab.active .tab-label');
  await until(
    `the editor of ${query}`,
    async () => (await label.getAttribute('aria-label')) === path.join(workspace, folder, SHARD),
  );
  await view.locator('h1.title').waitFor({ timeout: UI_TIMEOUT });
  return view;
}

/** Waits until the first image of the request shown has really loaded, or says what the gallery shows instead. */
async function waitForRenderedImage(view: FrameLocator, what: string): Promise<void> {
  const img = view.locator('ia-gallery img').first();
  try {
    await until(`${what}: an image to render`, () =>
      img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0),
    );
  } catch (error) {
    const shown = await view
      .locator('ia-gallery .placeholder')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`${(error as Error).message}; the gallery shows: ${shown?.replace(/\s+/g, ' ').trim()}`, { cause: error });
  }
}

describe('the README import line, with the release outside the workspace', () => {
  let base: string;
  let workspace: string;
  let workbench: Workbench | undefined;

  before(() => {
    // Other suites share dist/: build only when the CLI is not there at all.
    if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'imagery-readme-')));
    workspace = path.join(base, 'workspace');
    mkdirSync(workspace);
    // ../shared is a link to the real folder, as on machines where shared/ is mounted elsewhere.
    const release = makeRelease();
    mkdirSync(path.join(base, 'real-shared', 'datasets'), { recursive: true });
    renameSync(release.dir, path.join(base, 'real-shared', 'datasets', 'imagery-as-inquiry'));
    symlinkSync(path.join(base, 'real-shared'), path.join(base, 'shared'));
  });

  after(async () => {
    await workbench?.close();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  test('imported shards show their images, with and without --copy-images', async () => {
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [CLI, ...args, '--quiet'], { cwd: workspace, encoding: 'utf8' });
    cli(...README_IMPORT);
    cli(...README_IMPORT.slice(0, -1), 'copied/', '--copy-images');
    assert.ok(existsSync(path.join(workspace, 'shards', 'imagery-images.json')), 'import wrote the image manifest');

    workbench = await openWorkbench({ workspace });
    const { page } = workbench;
    await waitForRenderedImage(await openShardIn(page, workspace, 'shards'), 'shards/ pointing into the release');
    // One webview at a time: the locator then cannot pick the first editor's.
    await runCommand(page, 'View: Close All Editors');
    await waitForRenderedImage(await openShardIn(page, workspace, 'copied'), 'copied/ with its own images');
  });
});
