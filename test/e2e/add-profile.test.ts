// A new user's first model, in code-server (a remote window), light and dark:
// Run Model with no profile says where profiles go; "Imagery: Add Model
// Profile…" from the palette takes three typed answers and writes the profile
// to the Remote settings (user-data/Machine/settings.json, where code-server
// reads a machine-scoped setting); its notification's Set API Key stores a key,
// whose Test Connection reaches the loopback server and says it works. Then a
// run from the editor (p) streams: the status bar names the model, and Esc in
// the editor cancels it. Screenshots go to IMAGERY_SHOTS_DIR when set.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { OpenAIServer } from '../helpers/openai-server';
import { ANNOTATOR, loggedEvents, openShard, requestsOf, waitForTitle, WEBVIEW_TIMEOUT } from './editor-steps';
import { notification, runCommand } from './first-run-steps';
import { openWorkbench, type Workbench } from './workbench';
import { answer, choose } from './quick-input-steps';

const PROFILE = 'e2e local';
const MODEL = 'tiny-vision';
const API_KEY = 'sk-e2e-add-profile-7c1e';
const shots = process.env.IMAGERY_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

function settingsFile(userDataDir: string, scope: 'Machine' | 'User'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(userDataDir, scope, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  const tag = theme.includes('Light') ? 'light' : 'dark';
  describe(`a first model profile, added and run (${tag})`, () => {
    let workbench: Workbench;
    let server: OpenAIServer;

    before(async () => {
      server = await OpenAIServer.start();
      workbench = await openWorkbench({
        settings: { 'workbench.colorTheme': theme, 'imageryAnnotator.annotator': ANNOTATOR },
      });
    });

    after(async () => {
      await workbench?.close();
      await server?.close();
    });

    test('Add Model Profile writes the Remote settings, Set API Key and Test Connection follow; p streams, Esc cancels', async () => {
      const { page, userDataDir, workspace } = workbench;
      const shard = path.join(workspace, 'shards', 'music-001.shard.jsonl');
      const [first] = requestsOf(shard);
      const view = await openShard(page, shard);
      await waitForTitle(view, first.title);

      // No profile yet: p says so at once, and where profiles go in this window.
      await view.locator('h1.title').click();
      await page.keyboard.press('p');
      await notification(page, 'In this remote window profiles are read from the Remote settings');
      assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'nothing was asked');
      await view.locator('.banner', { hasText: 'No model profile' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
      await shot(page, `no-profile-${tag}`);
      await runCommand(page, 'Notifications: Clear All Notifications');

      await runCommand(page, 'Imagery: Add Model Profile…');
      await answer(page, 'Add Model Profile (1/3)', PROFILE);
      await answer(page, 'Add Model Profile (2/3)', server.baseUrl);
      await answer(page, 'Add Model Profile (3/3)', MODEL);
      const added = await notification(page, `Model profile "${PROFILE}" added to your Remote settings.`);
      await shot(page, `profile-added-${tag}`);
      assert.deepEqual(settingsFile(userDataDir, 'Machine')['imageryAnnotator.modelProfiles'], [
        { name: PROFILE, baseUrl: server.baseUrl, model: MODEL },
      ]);
      assert.equal(settingsFile(userDataDir, 'User')['imageryAnnotator.modelProfiles'], undefined);

      await added.getByRole('button', { name: 'Set API Key…' }).click();
      await answer(page, `API key for ${PROFILE}`, API_KEY);
      const stored = await notification(page, `API key stored for ${PROFILE}.`);
      await stored.getByRole('button', { name: 'Test Connection' }).click();
      const tested = await notification(page, new RegExp(`${PROFILE} (works|answers|failed)`)).catch(async (error) => {
        await shot(page, `failed-${tag}`);
        throw error;
      });
      await shot(page, `connection-works-${tag}`);
      assert.match((await tested.textContent()) ?? '', /works: ✓ token parameter.*✓ images: accepted/);
      assert.equal(server.requests.length, 1, 'one test request');
      assert.equal(server.requests[0].headers.authorization, `Bearer ${API_KEY}`);
      assert.equal(server.requests[0].body.model, MODEL);
      await runCommand(page, 'Notifications: Clear All Notifications');

      // A slow answer: while it streams, the status bar names the model; Esc in the editor cancels.
      server.enqueue({ text: '1. nobody - nothing\n2. someone - something\n', chunks: 40, chunkDelayMs: 250 });
      await view.locator('h1.title').click();
      await page.keyboard.press('p');
      await choose(page, 'Run model: task', 'Title generation');
      await choose(page, 'Run model: prompt', 'Standard');
      await choose(page, 'Run model: input', "The request's images");
      await choose(page, 'Run model: profile', PROFILE);
      const live = view.locator('ia-model-live-run');
      await live.locator('pre.stream', { hasText: '1.' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
      const running = page.locator('.statusbar-item', { hasText: `Running ${MODEL}… Esc cancels` });
      await running.waitFor({ timeout: WEBVIEW_TIMEOUT });
      await shot(page, `run-streaming-${tag}`);
      assert.equal(await view.locator('.banner').count(), 0, 'the banner about no profile went when the run started');
      await view.locator('h1.title').click();
      await page.keyboard.press('Escape');
      await live.locator('.phase', { hasText: 'Cancelled' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
      await running.waitFor({ state: 'hidden', timeout: WEBVIEW_TIMEOUT });
      assert.equal(await server.requests[1].closed, 'aborted', 'the HTTP request was aborted');
      await shot(page, `run-cancelled-${tag}`);
      assert.deepEqual(loggedEvents(shard), [], 'a cancelled run records nothing');
    });
  });
}
