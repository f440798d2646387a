// The walkthrough in the real workbench: it opens by itself the first time the
// extension starts, its steps tick off on their events (a command run, a
// setting changed), and it does not open again after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FIRST_RUN_SETTINGS, runCommand, shot, UI_TIMEOUT, waitForQuickInput } from './first-run-steps';
import { openWorkbench, reloadWorkbench, type Workbench } from './workbench';

const TITLE = 'Get started with Imagery Annotator';
let workbench: Workbench;

before(async () => {
  workbench = await openWorkbench({ settings: { ...FIRST_RUN_SETTINGS, 'workbench.welcomePage.walkthroughs.openOnInstall': true } });
});

after(async () => {
  await workbench?.close();
});

const step = (id: string) => workbench.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);

async function waitComplete(id: string): Promise<void> {
  await step(id).and(workbench.page.locator('.complete')).waitFor({ timeout: UI_TIMEOUT });
}

test('opens on first start, and its steps complete on their command and setting events', async () => {
  const { page } = workbench;
  const container = page.locator('.gettingStartedContainer');
  await container.locator('h2, .getting-started-category h2, .category-title', { hasText: TITLE }).first().waitFor({ timeout: UI_TIMEOUT });
  for (const id of ['import', 'openShard', 'keyboard', 'annotator', 'export']) await step(id).waitFor({ timeout: UI_TIMEOUT });
  await shot(page, '11-walkthrough');
  assert.equal(await page.locator('.getting-started-step.complete').count(), 0, 'nothing is done yet');

  // Step 1: running "Import Release…" counts, even when the person stops at the folder dialog.
  await runCommand(page, 'Imagery: Import Release…');
  await page.locator('.quick-input-widget input').waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Escape');
  await waitComplete('import');

  // Step 4: the annotator setting, changed in the Settings editor.
  await runCommand(page, 'Preferences: Open Settings (UI)');
  const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container input').first();
  await search.waitFor({ timeout: UI_TIMEOUT });
  await search.fill('imageryAnnotator.annotator');
  const input = page.locator('.setting-item-contents', { hasText: 'Annotator' }).locator('input').first();
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill('walkthrough-tester');
  await page.keyboard.press('Tab');
  await runCommand(page, 'Welcome: Open Walkthrough…');
  await waitForQuickInput(page, '');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().click();
  await waitComplete('annotator');
  await shot(page, '12-walkthrough-progress');
  assert.equal(await step('keyboard').and(page.locator('.complete')).count(), 0, 'a step whose event did not happen stays open');
});

test('does not open again after a reload', async () => {
  const { page } = workbench;
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.gettingStartedContainer').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await reloadWorkbench(page);
  // Once the Shards view lists the sample, the extension has started again (its first-start check runs right after).
  await runCommand(page, 'Imagery Annotator: Focus on Shards View');
  await page.locator('.monaco-list-row', { hasText: 'music-001.shard.jsonl' }).first().waitFor({ timeout: UI_TIMEOUT });
  // A walkthrough that was going to open has had time to: this checks that something does NOT happen.
  await page.waitForTimeout(2000);
  assert.equal(await page.locator('.gettingStartedContainer').count(), 0);
});
