// Shared steps of the end-to-end tests: a private code-server on a copy of
// sample/, headless Chromium on its workbench, and ways into the webview.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, startCodeServer, workbenchUrl, type CodeServer } from '../../scripts/vscode/code-server.mjs';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const VIEWPORT = { width: 1280, height: 800 };

export interface Workbench {
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  settings?: Record<string, unknown>;
  /** Install this .vsix instead of loading the extension from the repo's source. */
  vsix?: string;
}

/** Opens the workbench on a temp copy of sample/ and waits until it is ready. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'imagery-e2e-'));
  cpSync(path.join(REPO_ROOT, 'sample'), workspace, { recursive: true });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(workspace, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ workspace, settings: options.settings, vsix: options.vsix });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: VIEWPORT });
    const extensionDevelopmentPath = options.vsix ? undefined : REPO_ROOT;
    await page.goto(workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Runs a command from the palette (F1); waits for the ">" prefix, or typing is lost. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.waitForFunction(() => {
    const field = (globalThis as { document?: { querySelector(s: string): { value?: string } | null } }).document
      ?.querySelector('.quick-input-widget input');
    return field?.value === '>';
  });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The active webview's document: two iframes deep. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
