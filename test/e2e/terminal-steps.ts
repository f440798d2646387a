// The integrated terminal as a person uses it: a new terminal from the
// palette, a click into it until it takes the keyboard, a command typed and
// run. Its text is read from the page, so the workbench needs the DOM renderer
// (TERMINAL_SETTINGS).
import type { Page } from 'playwright-core';
import { until } from './editor-steps';
import { runCommand } from './first-run-steps';

/** The DOM renderer: the terminal's text is in the page, and in the screenshot. */
export const TERMINAL_SETTINGS = { 'terminal.integrated.gpuAcceleration': 'off' };

const activeTerminal = (page: Page) => page.locator('.terminal-wrapper.active .xterm');

/** Opens a new integrated terminal and waits until keys typed go to it. */
export async function openTerminal(page: Page, timeoutMs: number): Promise<void> {
  await runCommand(page, 'Terminal: Create New Terminal');
  const terminal = activeTerminal(page);
  await terminal.waitFor({ timeout: timeoutMs });
  // Keys go to the terminal once its text area has the focus: click into it, as a person would, until it has.
  await until(
    'the terminal to take the keyboard',
    async () => {
      const focused = await page.evaluate(
        () => (globalThis as { document?: { activeElement?: { className?: unknown } } }).document?.activeElement?.className,
      );
      if (typeof focused === 'string' && focused.includes('xterm-helper-textarea')) return true;
      await terminal.click();
      return false;
    },
    timeoutMs,
  );
}

/**
 * Types a command line into the focused terminal once the shell shows its
 * prompt, and presses Enter. Keys typed before the prompt are echoed twice and
 * garble the terminal (and its screenshot).
 */
export async function typeInTerminal(page: Page, command: string, timeoutMs = 60_000): Promise<void> {
  await until(
    'the shell prompt',
    async () => /[$#%>]$/.test((await terminalRows(page)).map((row) => row.trimEnd()).findLast((row) => row !== '') ?? ''),
    timeoutMs,
  );
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** The visible rows of the active terminal, one string per row. */
export async function terminalRows(page: Page): Promise<string[]> {
  return activeTerminal(page)
    .locator('.xterm-rows > div')
    .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ')));
}
