// The walkthrough in the real workbench: listed under Welcome, and its steps
// tick off on their events (a command run; the first step only once an import
// succeeded), as the person sees them: the step's check mark. (Opening by itself is for installed copies only; a copy run from
// source never does.)
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { dismissQuickInput, FIRST_RUN_SETTINGS, runCommand, shot, UI_TIMEOUT, waitForQuickInput } from './first-run-steps';
import { openWorkbench, type Workbench } from './workbench';

const TITLE = 'Get started with Imagery Annotator';
/** Every step; "model" and "report" show once the activated extension has said their commands exist. */
const STEPS = ['import', 'openShard', 'keyboard', 'annotator', 'model', 'export', 'report'];
let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench({ settings: FIRST_RUN_SETTINGS });
});

afterEach(async (t) => {
  // What the screen showed when the test ended: the first thing to look at when it fails.
  await workbench?.page.screenshot({
    path: path.join(tmpdir(), `imagery-walkthrough-${t.name.slice(0, 20).replace(/\W+/g, '-')}.png`),
  });
});

after(async () => {
  await workbench?.close();
});

const step = (id: string) => workbench.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);

/** A done step's check box is drawn checked (class "complete"); its button then says aria-checked="true" to screen readers. */
const ticked = (id: string) => step(id).locator('[data-done-step-id].codicon.complete');

async function waitTicked(id: string): Promise<void> {
  await ticked(id).waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await step(id).getAttribute('aria-checked'), 'true', `step ${id} is announced as done`);
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
  // Waiting for all seven also waits out the page's redraw when the extension activates.
  for (const id of STEPS) await step(id).waitFor({ timeout: UI_TIMEOUT });
  await shot(page, '11-walkthrough');
  assert.equal(await page.locator('.getting-started-step .codicon.complete').count(), 0, 'nothing is done yet');

  // Step 1 counts only once shards exist: an import stopped at the folder dialog leaves it open.
  await runCommand(page, 'Imagery: Import Release…');
  await waitForQuickInput(page, 'Import Release (1/6)');
  await dismissQuickInput(page);

  // Step 6: "Export Corrected Dataset…", also left at its first question.
  await runCommand(page, 'Imagery: Export Corrected Dataset…');
  await waitForQuickInput(page, 'Shards to export');
  // A click elsewhere (say, to look something up) leaves the export's questions open: only Escape ends them.
  const away = (await page.locator('.gettingStartedContainer').first().boundingBox())!;
  await page.mouse.click(away.x + 20, away.y + away.height - 20);
  await page.waitForTimeout(500);
  assert.ok(await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Shards to export' }).isVisible());
  await dismissQuickInput(page);
  await waitTicked('export');
  await shot(page, '12-walkthrough-progress');
  for (const id of ['import', 'openShard', 'keyboard', 'annotator', 'model', 'report']) {
    assert.equal(await ticked(id).count(), 0, `step ${id}, whose event did not happen, stays open`);
  }
});
