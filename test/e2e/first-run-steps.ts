// Steps of the first-run end-to-end tests: answering "Import Release…" the way
// a person does (palette, folder dialog, quick picks), and screenshots kept in
// test-results/first-run/ for the report.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, runCommand } from './workbench';

export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'first-run');
export const UI_TIMEOUT = 30_000;
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

/** Chooses the row whose label contains `label` in the open quick pick titled `title`. */
export async function answerPick(page: Page, title: string, label: string, screenshot?: string): Promise<void> {
  await waitForQuickInput(page, title);
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  if (screenshot) await shot(page, screenshot);
  await row.click();
}

/** Types a folder into the simple folder dialog and accepts it with its OK button. */
export async function answerFolder(page: Page, folder: string, screenshot?: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(folder.endsWith('/') ? folder : `${folder}/`);
  // The dialog lists the folder's entries once it has read it; then OK takes the typed folder.
  await quickInput(page).locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  if (screenshot) await shot(page, screenshot);
  await quickInput(page).locator('.monaco-button', { hasText: /Import This Release|OK/ }).first().click();
}

/** Starts "Imagery: Import Release…" from the palette. */
export async function startImport(page: Page): Promise<void> {
  await runCommand(page, 'Imagery: Import Release…');
}

/** A visible notification toast containing `text`. */
export function toast(page: Page, text: string | RegExp) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** Every file under `dir`, relative and sorted (no folders). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
