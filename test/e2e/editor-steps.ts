// Steps the annotation-editor end-to-end tests share: where the log is, what
// it holds, and what the webview shows (read from the page, as a user sees it).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { annotationLogPath } from '../../src/core/annotations/paths';
import { quickOpen, REPO_ROOT, webview } from './workbench';

export const ANNOTATOR = 'e2e-annotator';
/** Settings of the manual save mode with hot exit on window close. */
export const MANUAL_SETTINGS = {
  'imageryAnnotator.annotator': ANNOTATOR,
  'imageryAnnotator.saveMode': 'manual',
  'files.autoSave': 'off',
  'files.hotExit': 'onExitAndWindowClose',
};
/** How long the webview may take to show up (opening, or restoring after a reload). */
export const WEBVIEW_TIMEOUT = 30_000;

export interface LoggedEvent {
  id: string;
  type: string;
  request: string;
  annotator: string;
  verdict?: string;
  reason?: string;
  comment?: string;
  items?: string[];
  target?: string;
  text?: string;
}

export interface SampleRequest {
  id: string;
  title: string;
  /** Comment ids, highest upvotes first (the order the editor lists them). */
  comments: string[];
}

/** A copy of a sample shard under a new name, so each test owns its shard and log. */
export function copyShard(workspace: string, sampleShard: string, name: string): string {
  const target = path.join(workspace, 'shards', name);
  copyFileSync(path.join(workspace, 'shards', sampleShard), target);
  return target;
}

export function logFileOf(shardFile: string): string {
  return annotationLogPath(shardFile, ANNOTATOR);
}

/** The events in the annotator's log on disk ([] when there is none yet). */
export function loggedEvents(shardFile: string): LoggedEvent[] {
  const file = logFileOf(shardFile);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LoggedEvent);
}

export function requestsOf(shardFile: string): SampleRequest[] {
  return readFileSync(shardFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { id: string; title: string; comments: { id: string; upvotes: number }[] };
      const comments = [...record.comments].sort((a, b) => b.upvotes - a.upvotes).map((comment) => comment.id);
      return { id: record.id, title: record.title, comments };
    });
}

/**
 * Opens a shard by Quick Open and waits until the webview shows a request. Enter in a list still
 * filling may open nothing: then it is asked again. A large first request (the shared release's has
 * 436 comments) may want a longer `timeout`. On a timeout the screen is kept in test-results/.
 */
export async function openShard(page: Page, shardFile: string, timeout = WEBVIEW_TIMEOUT): Promise<FrameLocator> {
  const name = path.basename(shardFile);
  for (let attempt = 1; ; attempt++) {
    await quickOpen(page, name);
    try {
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw await withScreen(page, `open-${name}`, error);
    }
  }
  const view = webview(page);
  await view
    .locator('h1.title')
    .waitFor({ timeout })
    .catch(async (error: unknown) => {
      throw await withScreen(page, `title-${name}`, error);
    });
  return view;
}

/** Keeps what the screen showed when a step failed, for the one reading the failure. */
async function withScreen(page: Page, name: string, error: unknown): Promise<unknown> {
  const file = path.join(REPO_ROOT, 'test-results', 'e2e-failures', `${name.replace(/[^\w.-]+/g, '_')}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file }).catch(() => undefined);
  if (error instanceof Error) error.message += ` (the screen: ${file})`;
  return error;
}

/**
 * Waits until the webview shows this request's title. On a timeout the error
 * says what the window showed instead: its tabs, and each webview's title.
 */
export async function waitForTitle(view: FrameLocator, title: string, page?: Page): Promise<void> {
  try {
    await view.locator('h1.title', { hasText: title }).waitFor({ timeout: WEBVIEW_TIMEOUT });
  } catch (error) {
    if (!page) throw error;
    throw new Error(`${(error as Error).message.split('\n')[0]}; the window showed ${await describeEditors(page)}`, {
      cause: error,
    });
  }
}

/** The open tabs and the title each editor webview shows, for a failure message. */
export async function describeEditors(page: Page): Promise<string> {
  const tabs = await page
    .locator('.tabs-container .tab')
    .evaluateAll((nodes) =>
      nodes.map((node) => `${node.classList.contains('active') ? '*' : ''}${node.getAttribute('aria-label') ?? ''}`),
    )
    .catch(() => []);
  const frames = page.locator('iframe.webview');
  const titles: string[] = [];
  for (let index = 0; index < (await frames.count().catch(() => 0)); index++) {
    const frame = frames.nth(index);
    const ready = await frame.evaluate((node) => node.classList.contains('ready')).catch(() => false);
    const shown = await frame
      .contentFrame()
      .frameLocator('iframe#active-frame')
      .locator('h1.title')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    titles.push(`${ready ? 'ready' : 'not ready'}: ${shown === null ? 'no title' : JSON.stringify(shown)}`);
  }
  return `tabs ${JSON.stringify(tabs)}, webviews [${titles.join('; ')}]`;
}

/** The toolbar's progress, e.g. "3 / 4 reviewed". */
export function progressLabel(view: FrameLocator, text: string) {
  return view.locator('label.progress', { hasText: text });
}

/** The request's validity as the panel shows it: valid, invalid or undecided. */
export function validityStatus(view: FrameLocator, status: 'valid' | 'invalid' | 'undecided') {
  return view.locator(`ia-validity .status[data-status="${status}"]`);
}

/** The status badges of the comments, in list order. */
export async function commentStatuses(view: FrameLocator): Promise<string[]> {
  return view
    .locator('ia-comment ia-badge[data-status]')
    .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status') ?? ''));
}

/** Resolves once `check` holds; the webview and the host update asynchronously. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = WEBVIEW_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the log on disk satisfies `check` (the host writes asynchronously). */
export async function waitForLog(
  shardFile: string,
  check: (events: LoggedEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<LoggedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = loggedEvents(shardFile);
    if (check(events)) return events;
    if (Date.now() > deadline)
      throw new Error(`log ${logFileOf(shardFile)} never matched; it holds ${JSON.stringify(events.map((e) => e.type))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension's backup pointer records under the server's user data folder. */
export function backupPointers(userDataDir: string): string[] {
  if (!existsSync(userDataDir)) return [];
  return readdirSync(userDataDir, { recursive: true, encoding: 'utf8' }).filter((entry) =>
    /(^|[/\\])backup-pointers[/\\][^/\\]+\.json$/.test(entry),
  );
}
