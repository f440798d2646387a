// "Imagery: Add Model Profile…" as a person uses it in code-server, a remote
// window, in a light and a dark theme: three answers typed into the real
// input boxes, one notification saying the profile went to the Remote
// settings (found as a toast or in the notification center, whichever the
// workbench chose), its "Test Connection" button reaching the loopback server,
// and the profile in user-data/Machine/settings.json. The Shards view and the
// help overlay are photographed too, to be looked at.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { OpenAIServer } from '../helpers/openai-server';
import { notification, UI_TIMEOUT } from './first-run-steps';
import { until } from './editor-steps';
import { openWorkbench, quickOpen, runCommand, webview, type Workbench } from './workbench';

const SHOTS = process.env.IMAGERY_SHOTS_DIR ?? path.join(__dirname, '..', '..', 'test-results', 'add-profile');

/** Types `value` into the input box titled `title` and presses Enter. */
async function answer(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.quick-input-widget input').fill(value);
  await page.keyboard.press('Enter');
}

for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
  const tag = theme.includes('Light') ? 'light' : 'dark';
  describe(`Add Model Profile (${tag})`, () => {
    let workbench: Workbench;
    let server: OpenAIServer;

    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await OpenAIServer.start();
      workbench = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
    });

    after(async () => {
      await workbench?.close();
      await server?.close();
    });

    test('writes the profile to the Remote settings, says so once, and its button tests the connection', async () => {
      const { page, userDataDir } = workbench;
      await runCommand(page, 'Imagery: Add Model Profile');
      await answer(page, 'Add Model Profile (1/3)', 'e2e local');
      await answer(page, 'Add Model Profile (2/3)', server.baseUrl);
      await answer(page, 'Add Model Profile (3/3)', 'tiny-vision');
      const added = await notification(page, 'Model profile "e2e local" added to your Remote settings.');
      await page.screenshot({ path: path.join(SHOTS, `add-profile-${tag}.png`) });
      const machine = JSON.parse(readFileSync(path.join(userDataDir, 'Machine', 'settings.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      assert.deepEqual(machine['imageryAnnotator.modelProfiles'], [
        { name: 'e2e local', baseUrl: server.baseUrl, model: 'tiny-vision' },
      ]);
      assert.doesNotMatch(readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8'), /e2e local/);

      await added.getByRole('button', { name: 'Test Connection' }).click();
      await until('the test request', () => server.requests.length > 0, UI_TIMEOUT);
      await notification(page, /^e2e local (works|answers|failed)/);

      await runCommand(page, 'Imagery Annotator: Focus on Shards View');
      await page.locator('.pane-body .monaco-list-row', { hasText: 'reviewed' }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: path.join(SHOTS, `shards-view-${tag}.png`) });

      // The help overlay, for its Close button's place against the dialog's border.
      await quickOpen(page, 'music-001.shard.jsonl');
      await webview(page).locator('h1.title').click({ timeout: UI_TIMEOUT });
      await page.keyboard.press('?');
      await webview(page).locator('ia-help [role=dialog]').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: path.join(SHOTS, `help-${tag}.png`) });
    });
  });
}
