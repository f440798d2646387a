// Running a model from the editor, end to end: the real workbench and
// extension host, the real `openai` client, and a chat-completions server on
// 127.0.0.1 in this test process. Set the key, run, cancel, run again, see
// the score; give a verdict; a wrong key and a rate limit show in the panel;
// reload and find the run and the verdict again. The key must reach the
// server only in the Authorization header, and never show in a message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { OpenAIServer } from '../helpers/openai-server';
import {
  ANNOTATOR,
  copyShard,
  logFileOf,
  loggedEvents,
  openShard,
  requestsOf,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import { openWorkbench, reloadWorkbench, waitForEditorRemembered, webview, type Workbench } from './workbench';
import { runCommand } from './first-run-steps';
import { answer, choose } from './quick-input-steps';

const API_KEY = 'sk-e2e-secret-4f9d2c';
const PROFILE = 'loopback';

async function runTitles(page: Page): Promise<void> {
  await webview(page).locator('h1.title').click();
  await page.keyboard.press('p');
  await choose(page, 'Run model: task', 'Title generation');
  await choose(page, 'Run model: prompt', 'Standard');
  await choose(page, 'Run model: input', "The request's images");
  await choose(page, 'Run model: profile', PROFILE);
}

describe('running a model from the editor', () => {
  let workbench: Workbench;
  let server: OpenAIServer;

  before(async () => {
    server = await OpenAIServer.start();
    workbench = await openWorkbench({
      settings: {
        'imageryAnnotator.annotator': ANNOTATOR,
        'imageryAnnotator.modelProfiles': [{ name: PROFILE, baseUrl: server.baseUrl, model: 'tiny-vision' }],
      },
    });
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  test('set the key, run, cancel, run again and see the score; a verdict and the run survive a reload', async () => {
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'models.shard.jsonl');
    const [first] = requestsOf(shard);
    const truth = (JSON.parse(readFileSync(shard, 'utf8').split('\n')[0]) as { relevance: [string, number][] }).relevance[0][0];

    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await waitForEditorRemembered(page, 'models.shard.jsonl');

    await runCommand(page, 'Imagery: Set API Key');
    // Focus leaving the question (a click on the request, an editor focused late) must not close it.
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Set the API key of a model profile' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    const editor = await page.locator('.editor-container').boundingBox();
    assert.ok(editor, 'the editor is on screen');
    await page.mouse.click(editor.x + editor.width / 2, editor.y + editor.height - 40);
    await choose(page, 'Set the API key of a model profile', PROFILE);
    await answer(page, `API key for ${PROFILE}`, API_KEY);

    // A slow answer: it streams into the panel, then Cancel aborts the HTTP request.
    server.enqueue({ text: `1. ${truth}\n2. nobody - nothing\n`, chunks: 40, chunkDelayMs: 250 });
    await runTitles(page);
    const live = view.locator('ia-model-live-run');
    await live.locator('pre.stream', { hasText: '1.' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
    // Editing goes on while it streams.
    await view.locator('h1.title').click();
    await page.keyboard.press('v');
    await view.locator('ia-validity .status[data-status="valid"]').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await live.getByRole('button', { name: 'Cancel run' }).click();
    await live.locator('.phase', { hasText: 'Cancelled' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(await server.requests[0].closed, 'aborted', 'the HTTP request was aborted');
    assert.deepEqual(
      loggedEvents(shard).map((event) => event.type),
      ['validity'],
      'a cancelled run records nothing',
    );
    await live.getByRole('button', { name: 'Dismiss run message' }).click();

    server.enqueue({ text: `1. ${truth}\n2. nobody - nothing\n` });
    await runTitles(page);
    const stored = view.locator('ia-model-title-run', { hasText: 'inline' });
    await stored.waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(await stored.locator('.hit-at').textContent(), 'Hit@1 1 · Hit@10 1 · Hit@20 1');
    assert.match((await stored.locator('li').first().textContent()) ?? '', /✓ hit/);
    const [run] = (await waitForLog(shard, (events) => events.some((event) => event.type === 'model-run'))).filter(
      (event) => event.type === 'model-run',
    );

    // A verdict by keyboard on the inline run's second title (new results come first: the inline run is selected).
    await view.locator('h1.title').click();
    await page.keyboard.press('.');
    await page.keyboard.press('r');
    await waitForLog(shard, (events) => events.some((event) => event.type === 'model-verdict'));

    // A wrong key (the server echoes it, as some do): the panel names the fault, never the key, and records nothing.
    server.enqueue({ status: 401, errorMessage: `Incorrect API key provided: ${API_KEY}` });
    await runTitles(page);
    const fault = view.locator('ia-model-live-run .fault[data-kind="unauthorized"]');
    await fault.waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.ok(!((await fault.textContent()) ?? '').includes(API_KEY), 'the key is not in the message');
    await view.locator('ia-model-live-run').getByRole('button', { name: 'Dismiss run message' }).click();
    // A rate limit: the wait shows, then the retry answers and is stored.
    server.enqueue({ status: 429, headers: { 'retry-after': '2' } }, { text: '1. nobody - nothing\n' });
    await runTitles(page);
    await view.locator('ia-model-live-run .wait', { hasText: 'retry' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
    await view.locator('ia-model-title-run', { hasText: 'inline' }).nth(1).waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(loggedEvents(shard).filter((event) => event.type === 'model-run').length, 2, 'the 401 recorded nothing');

    // The key went only into the Authorization header, and nowhere in our files.
    for (const request of server.requests) {
      assert.equal(request.headers.authorization, `Bearer ${API_KEY}`);
      const elsewhere = Object.entries(request.headers).filter(
        ([name, value]) => name !== 'authorization' && String(value).includes(API_KEY),
      );
      assert.deepEqual(elsewhere, []);
      assert.ok(!request.raw.includes(API_KEY), 'the key is not in the body');
      assert.ok(!request.url.includes(API_KEY), 'the key is not in the URL');
    }
    assert.ok(!readFileSync(logFileOf(shard), 'utf8').includes(API_KEY), 'the key is not in the log');

    await reloadWorkbench(page);
    const restored = webview(page);
    // Newest first: the first inline run made is the last of the inline ones.
    const again = restored.locator('ia-model-title-run', { hasText: 'inline' }).last();
    await again.waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(await again.locator('li[data-index="1"] .verdict').textContent(), '[really relevant]');
    assert.equal(await again.locator('.hit-at').textContent(), 'Hit@1 1 · Hit@10 1 · Hit@20 1');
    const verdict = loggedEvents(shard).find((event) => event.type === 'model-verdict') as unknown as {
      run: string;
      verdict: string;
    };
    assert.equal(verdict.run, `inline:${run.id}`);
    assert.equal(verdict.verdict, 'relevant');
  });
});
