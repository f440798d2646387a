// Answering VS Code's quick picks and input boxes as a user does: wait for
// the question by its title, type, Enter. One copy for every e2e test.
import type { Page } from 'playwright-core';

const QUESTION_TIMEOUT = 60_000;

/**
 * Waits for the quick input titled `title` and types `text` into it. A
 * question that closes under the typing (focus left it, or Escape) is marked
 * inert by VS Code while it fades out: say that, not only "timeout in fill".
 */
async function typeInto(page: Page, title: string, text: string, timeout: number): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout });
  const input = widget.locator('input');
  await input.fill(text, { timeout: 30_000 }).catch(async (error: unknown) => {
    const inert = await input.evaluate((node) => node.closest('[inert]') !== null).catch(() => false);
    if (!inert) throw error;
    throw new Error(`the question "${title}" closed before it was answered (VS Code made it inert)`, { cause: error });
  });
}

/** Picks `label` in the quick pick titled `title`: type to filter, wait for the row, Enter. */
export async function choose(page: Page, title: string, label: string, timeout = QUESTION_TIMEOUT): Promise<void> {
  await typeInto(page, title, label, timeout);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** Types `value` into the input box titled `title` and presses Enter. */
export async function answer(page: Page, title: string, value: string, timeout = QUESTION_TIMEOUT): Promise<void> {
  await typeInto(page, title, value, timeout);
  await page.keyboard.press('Enter');
}
