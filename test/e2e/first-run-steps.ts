// Steps of the first-run end-to-end tests: answering "Import Release…" the way
// a person does (palette, folder dialog, quick picks), and screenshots kept in
// test-results/first-run/ for the report.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { until } from './editor-steps';
import { escapeOpenQuickInput, REPO_ROOT } from './workbench';

export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'first-run');
export const UI_TIMEOUT = 60_000;
/** How long the palette may take to list a command on a busy machine. */
const LISTING_TIMEOUT = 180_000;
/** The folder picker in the web workbench is a quick input where a path is typed. */
export const FIRST_RUN_SETTINGS = { 'files.simpleDialog.enable': true };

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const quickInput = (page: Page) => page.locator('.quick-input-widget');

/** Waits for the quick input titled `title` (e.g. "Import Release (2/6)"). */
export async function waitForQuickInput(page: Page, title: string): Promise<void> {
  await quickInput(page).locator('.quick-input-title', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
}

/** A quick-pick row whose text starts with `label` (so "Music" is not "Books and music"). */
function rowStartingWith(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return quickInput(page)
    .locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^\\s*${escaped}`) })
    .first();
}

/** Chooses the row whose label starts with `label` in the open quick pick titled `title`. */
export async function answerPick(page: Page, title: string, label: string, screenshot?: string): Promise<void> {
  await waitForQuickInput(page, title);
  const row = rowStartingWith(page, label);
  await row.waitFor({ timeout: UI_TIMEOUT });
  // The pointer rests where the last answer was clicked: the hover of the row now under it can cover this row.
  await page.mouse.move(0, 0);
  await until(
    'no hover over the quick pick',
    async () => (await page.locator('.context-view:visible').count()) === 0,
    UI_TIMEOUT,
  );
  if (screenshot) await shot(page, screenshot);
  await row.click();
}

const inputValue = (page: Page) => quickInput(page).locator('input').inputValue();

/** The folders in `dir`, as the folder dialog lists them once it has read `dir`. */
function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
}

/**
 * Types a folder into the simple folder dialog and accepts it with its OK
 * button, as a person does: type, see the dialog list that folder, press OK.
 */
export async function answerFolder(page: Page, folder: string, screenshot?: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  // The dialog fills in its start folder a moment after it shows: typing before that is mangled.
  await until('the folder dialog to start', async () => (await inputValue(page)).startsWith('/'));
  const typed = folder.endsWith('/') ? folder : `${folder}/`;
  const expected = subfolders(folder);
  const listsTyped = async () => {
    for (const name of expected) if (!(await rowStartingWith(page, name).isVisible())) return false;
    return (await rowStartingWith(page, '..').isVisible()) && (await inputValue(page)) === typed;
  };
  // Until the dialog has read the start folder it may put that folder back in the input: type again, as a person would.
  await until(
    `the dialog to list ${typed}`,
    async () => {
      if (await listsTyped()) return true;
      if ((await inputValue(page)) !== typed) await input.fill(typed);
      return false;
    },
    UI_TIMEOUT,
  );
  if (screenshot) await shot(page, screenshot);
  await quickInput(page)
    .locator('.monaco-button', { hasText: /Import This Release|OK/ })
    .first()
    .click();
}

/** Opens the command palette (F1) and waits for its ">" prefix: typing before it is there is lost. */
async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await until(
    'the command palette',
    async () => (await quickInput(page).isVisible()) && (await inputValue(page)) === '>',
    UI_TIMEOUT,
  );
}

/**
 * Runs a command from the palette (F1). On a busy machine the palette may take
 * a while to list it: close and ask again, as a person would. The palette can
 * also close under the typing (an editor opening late takes the focus; while
 * it fades out it is inert): then it is opened again. Returns once the palette
 * has handed over (closed, or reused by the command's own question).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + LISTING_TIMEOUT;
  const typed = `>${title}`;
  for (;;) {
    try {
      await openPalette(page);
      await quickInput(page).locator('input').fill(typed, { timeout: 5_000 });
      await quickInput(page)
        .locator('.quick-input-list .monaco-list-row', { hasText: title })
        .first()
        .waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await escapeOpenQuickInput(page);
      // F1 shows the palette again even while an earlier one is still fading out.
      await quickInput(page)
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
    }
  }
  await page.keyboard.press('Enter');
  await until(
    `the palette to run ${title}`,
    async () => !(await quickInput(page).isVisible()) || (await inputValue(page)) !== typed,
    UI_TIMEOUT,
  );
}

/** Closes the open quick input with Escape, as a person who changes their mind, and waits until it is gone. */
export async function dismissQuickInput(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await quickInput(page).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Starts "Imagery: Import Release…" from the palette. */
export async function startImport(page: Page): Promise<void> {
  await runCommand(page, 'Imagery: Import Release…');
}

/**
 * The notification containing `text`, as a toast or, when the workbench put it
 * straight into the notification center (it does when the page is not focused), there.
 */
export async function notification(page: Page, text: string | RegExp): Promise<Locator> {
  const asToast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  const inCenter = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  let found: Locator | undefined;
  await until(
    `a notification saying ${text}`,
    async () => {
      if (await asToast.isVisible()) found = asToast;
      else if (await inCenter.isVisible()) found = inCenter;
      else if (!(await page.locator('.notifications-center.visible').isVisible()))
        await page.locator('[id="status.notifications"]').click();
      return found !== undefined;
    },
    UI_TIMEOUT,
  );
  return found as Locator;
}

/** Every file under `dir`, relative and sorted (no folders). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
