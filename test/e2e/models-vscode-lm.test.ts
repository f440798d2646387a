// The second backend, end to end: VS Code's own language models (vscode.lm).
// A fixture extension serves two models through the public provider API
// (registerLanguageModelChatProvider + the languageModelChatProviders
// contribution): one takes images, one does not. Our extension offers them as
// profiles, sends the paper's one user message with the image as a data part,
// records that the temperature could not be set, and says clearly when a
// model refuses images.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ANNOTATOR,
  copyShard,
  loggedEvents,
  openShard,
  requestsOf,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import { openWorkbench, REPO_ROOT, webview, type Workbench } from './workbench';
import { choose } from './quick-input-steps';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'lm-provider');

async function runWith(page: Page, profile: string): Promise<void> {
  await webview(page).locator('h1.title').click();
  await page.keyboard.press('p');
  await choose(page, 'Run model: task', 'Title generation');
  await choose(page, 'Run model: prompt', 'Standard');
  await choose(page, 'Run model: input', "The request's images");
  await choose(page, 'Run model: profile', profile);
}

/** VS Code asks once whether our extension may use another extension's model: allow it, as a user would. */
async function allowAccessIfAsked(page: Page, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WEBVIEW_TIMEOUT;
  while (!(await done())) {
    const allow = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Allow/ });
    if (await allow.count()) await allow.first().click();
    if (Date.now() > deadline) throw new Error('the run never ended');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('VS Code language models as a backend', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({
      settings: { 'imageryAnnotator.annotator': ANNOTATOR, 'chat.disableAIFeatures': false },
      extensions: [FIXTURE],
    });
  });

  after(async () => {
    await workbench?.close();
  });

  test('a model that takes images answers and is stored with temperatureApplied false; one that does not says so', async () => {
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'lm.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);

    await runWith(page, 'VS Code: Echo Vision');
    const stored = view.locator('ia-model-title-run', { hasText: 'inline' });
    await allowAccessIfAsked(
      page,
      async () => (await stored.count()) > 0 || (await view.locator('ia-model-live-run .fault').count()) > 0,
    );
    assert.equal(
      await view.locator('ia-model-live-run .fault').count(),
      0,
      (await view
        .locator('ia-model-live-run')
        .first()
        .textContent()
        .catch(() => null)) ?? undefined,
    );
    assert.equal(await stored.locator('.hit-at').textContent(), 'Hit@1 1 · Hit@10 1 · Hit@20 1');
    assert.match((await stored.locator('.provenance').textContent()) ?? '', /temperature could not be set/);
    const [run] = (await waitForLog(shard, (events) => events.some((event) => event.type === 'model-run'))) as unknown as Record<
      string,
      unknown
    >[];
    assert.equal(run.backend, 'vscode-lm');
    assert.equal(run.temperatureApplied, false);
    assert.equal(run.host, '');
    assert.equal(run.model, 'echo-vision');

    const sent = path.join(workspace, 'lm-requests.jsonl');
    assert.ok(existsSync(sent), 'the fixture model was called');
    const [request] = readFileSync(sent, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(request.roles, [1], 'one user message, no system message');
    assert.equal(request.parts[0].kind, 'text');
    assert.match(request.parts[0].text, /^Given the request, provide recommendations\. Enumerate 20 music pieces/);
    assert.deepEqual(
      request.parts.slice(1).map((part: { kind: string; mimeType: string }) => [part.kind, part.mimeType]),
      [['data', 'image/png']],
    );

    await runWith(page, 'VS Code: Echo Text');
    const fault = view.locator('ia-model-live-run .fault');
    await allowAccessIfAsked(page, async () => (await fault.count()) > 0);
    assert.equal(await fault.getAttribute('data-kind'), 'unsupported');
    assert.match((await fault.textContent()) ?? '', /Echo Text does not accept images/);
    assert.equal(loggedEvents(shard).filter((event) => event.type === 'model-run').length, 1, 'the refused run recorded nothing');
  });
});
