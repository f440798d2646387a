// Shared steps of the end-to-end tests: a private code-server on a copy of
// sample/, headless Chromium on its workbench, and ways into the webview.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'node:test';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, startCodeServer, workbenchUrl, type CodeServer } from '../../scripts/vscode/code-server.mjs';
import { distStaleReason } from '../../scripts/vscode/dist-fresh.mjs';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const VIEWPORT = { width: 1280, height: 800 };

export interface Workbench {
  page: Page;
  workspace: string;
  /** code-server's user data folder (settings, backups, extension storage). */
  userDataDir: string;
  /** The server's folder (user data, extensions); pass it as `dataRoot` to start the same install again. */
  dataRoot: string;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  settings?: Record<string, unknown>;
  /** Install this .vsix instead of loading the extension from the repo's source. */
  vsix?: string;
  /** Open this existing folder instead of a copy of sample/; the caller owns it (close() leaves it). */
  workspace?: string;
  /** Unpackaged extension folders to install beside ours (test fixtures). */
  extensions?: string[];
  /** Let VS Code ask whether the workspace is trusted (default: trusted without asking). */
  workspaceTrust?: boolean;
  /** Start again on the user data and extensions of an earlier workbench (its `dataRoot`); the caller removes it. */
  dataRoot?: string;
  /** close() leaves the user data and extensions (`dataRoot`) for a later start; the caller removes them. */
  keepData?: boolean;
}

/** Opens the workbench on a temp copy of sample/ (or `options.workspace`) and waits until it is ready. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  // Run from source, the workbench loads dist/: stale, it would test old code (a new command is "not found").
  const stale = options.vsix ? undefined : distStaleReason(REPO_ROOT);
  if (stale) throw new Error(`${stale}: run \`node scripts/build.mjs\` before the end-to-end tests`);
  const ownsWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? mkdtempSync(path.join(tmpdir(), 'imagery-e2e-'));
  if (ownsWorkspace) cpSync(path.join(REPO_ROOT, 'sample'), workspace, { recursive: true });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    if (ownsWorkspace) rmSync(workspace, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({
      workspace,
      settings: options.settings,
      vsix: options.vsix,
      extensions: options.extensions,
      workspaceTrust: options.workspaceTrust,
      dataRoot: options.dataRoot,
      keepData: options.keepData,
    });
    browser = await launchBrowser();
    // An explicit context outlives its pages, so a test can close the tab and open it again.
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const extensionDevelopmentPath = options.vsix ? undefined : REPO_ROOT;
    await page.goto(workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, workspace, userDataDir: server.userDataDir, dataRoot: server.root, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Gives each test of the calling suite its own workbench: its own server, user
 * data (settings, backups, extension storage), browser profile and copy of
 * sample/. A test that fails (a dialog left open, a dirty tab) leaves nothing
 * behind for the next one. Call inside describe(); use the getter in the tests.
 */
export function workbenchPerTest(options: WorkbenchOptions = {}): () => Workbench {
  let current: Workbench | undefined;
  beforeEach(async () => {
    current = await openWorkbench(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    assert.ok(current, 'the workbench of this test did not open');
    return current;
  };
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  // A file a test has just written may not be found yet (the workbench learns of it from a file
  // watcher): ask again, as a person would.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await escapeOpenQuickInput(page);
    }
  }
  await page.keyboard.press('Enter');
}

/**
 * Escape, only while the quick input is still open: once it has closed, the key goes to whatever
 * has the focus (in a walkthrough it is "Go Back").
 */
export async function escapeOpenQuickInput(page: Page): Promise<void> {
  if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
}

/** The active webview's document: two iframes deep. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The n-th editor webview (0-based, in DOM order): a split shows one per editor group. */
export function webviewAt(page: Page, index: number): FrameLocator {
  return page.locator('iframe.webview.ready').nth(index).contentFrame().frameLocator('iframe#active-frame');
}

/** Reloads the window, as F5 or "Developer: Reload Window" would, and waits for the workbench. */
export async function reloadWorkbench(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

/**
 * Closes the page and opens the same workbench in a new page of the same
 * browser profile (IndexedDB kept), as closing a tab and opening it again.
 */
export async function reopenWorkbench(page: Page): Promise<Page> {
  const url = page.url();
  const context = page.context();
  // With an edit not yet in VS Code's own backup the page asks "Leave site?": leave, as a person
  // closing the tab does (Playwright would otherwise dismiss it, and the old page would stay open).
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
  const closed = page.waitForEvent('close', { timeout: 60_000 });
  await page.close({ runBeforeUnload: true });
  await closed;
  const next = await context.newPage();
  await next.setViewportSize(VIEWPORT);
  await next.goto(url);
  await next.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return next;
}

/** True when the active editor tab shows the unsaved-changes marker. */
export async function activeTabDirty(page: Page): Promise<boolean> {
  return (await page.locator('.tabs-container .tab.active.dirty').count()) > 0;
}

// Runs in the page: true once the workspace's stored editor layout (IndexedDB,
// written a moment after an editor opens) mentions the file.
const EDITOR_REMEMBERED = `async (fileName) => {
  for (const { name } of await indexedDB.databases()) {
    if (!name || !name.startsWith('vscode-web-state-db-') || name.endsWith('-global')) continue;
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('ItemTable')) continue;
      const layout = await new Promise((ok, fail) => {
        const get = db.transaction('ItemTable').objectStore('ItemTable').get('memento/workbench.parts.editor');
        get.onsuccess = () => ok(get.result);
        get.onerror = () => fail(get.error);
      });
      if (typeof layout === 'string' && layout.includes(fileName)) return true;
    } finally {
      db.close();
    }
  }
  return false;
}`;

/** How long the stored layout must keep naming the file: it was seen to drop it for a second or two and write it again. */
const REMEMBERED_STABLE_MS = 3_000;

/**
 * Waits until the workbench has stored that an editor on `fileName` is open,
 * and still says so 3 s later: a reload before that reopens no editor at all
 * (nothing to do with our data). The stored layout was seen, in a window that
 * had just opened one shard's editor from another's, to lose the key for a
 * second or two and then write it again; a reload in that gap opens no editor.
 */
export async function waitForEditorRemembered(page: Page, fileName: string): Promise<void> {
  const remembered = `(${EDITOR_REMEMBERED})(${JSON.stringify(fileName)})`;
  const deadline = Date.now() + 45_000;
  let since: number | undefined;
  for (;;) {
    const now = Date.now();
    if (await page.evaluate(remembered)) since ??= now;
    else since = undefined;
    if (since !== undefined && now - since >= REMEMBERED_STABLE_MS) return;
    if (now > deadline)
      throw new Error(`the workbench did not keep ${fileName} in its stored editor layout for ${REMEMBERED_STABLE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
