// The walkthrough in the real workbench: listed under Welcome, and its steps
// tick off on their events (a command run, a setting changed). (Opening by
// itself is for installed copies only; a copy run from source never does.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FIRST_RUN_SETTINGS, runCommand, shot, UI_TIMEOUT } from './first-run-steps';
import { openWorkbench, type Workbench } from './workbench';

const TITLE = 'Get started with Imagery Annotator';
let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench({ settings: FIRST_RUN_SETTINGS });
});

after(async () => {
  await workbench?.close();
});

const step = (id: string) => workbench.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);

/** A done step is ticked: its button says aria-checked="true". */
const done = (id: string) => workbench.page.locator(`.getting-started-step[data-step-id$="#${id}"][aria-checked="true"]`);

async function waitComplete(id: string): Promise<void> {
  await done(id).waitFor({ timeout: UI_TIMEOUT });
}

async function openWalkthrough(): Promise<void> {
  const { page } = workbench;
  await runCommand(page, 'Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().click();
  await page.locator('.gettingStartedContainer', { hasText: TITLE }).first().waitFor({ timeout: UI_TIMEOUT });
}

test('the walkthrough is listed, and its steps complete on their command events', async () => {
  const { page } = workbench;
  await openWalkthrough();
  for (const id of ['import', 'openShard', 'keyboard', 'annotator', 'export']) await step(id).waitFor({ timeout: UI_TIMEOUT });
  await shot(page, '11-walkthrough');
  assert.equal(await page.locator('.getting-started-step[aria-checked="true"]').count(), 0, 'nothing is done yet');

  // Step 1: running "Import Release…" counts, even when the person stops at the folder dialog.
  await runCommand(page, 'Imagery: Import Release…');
  await page.locator('.quick-input-widget input').waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Escape');
  await waitComplete('import');

  // Step 6: "Export Corrected Dataset…", also left at its first question.
  await runCommand(page, 'Imagery: Export Corrected Dataset…');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Escape');
  await openWalkthrough();
  await waitComplete('export');
  await shot(page, '12-walkthrough-progress');
  assert.equal(await done('keyboard').count(), 0, 'a step whose event did not happen stays open');
});
