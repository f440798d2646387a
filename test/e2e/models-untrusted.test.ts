// An untrusted workspace (restricted mode) in the real workbench: shards
// still open and take annotations, but models do not run, and the panel says
// why instead.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ANNOTATOR,
  copyShard,
  openShard,
  requestsOf,
  validityStatus,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import { openWorkbench, type Workbench } from './workbench';

describe('models in an untrusted workspace', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({
      workspaceTrust: true,
      settings: {
        'imageryAnnotator.annotator': ANNOTATOR,
        'imageryAnnotator.modelProfiles': [{ name: 'loopback', baseUrl: 'http://127.0.0.1:9/v1', model: 'tiny' }],
        // No prompt: the folder stays untrusted (restricted mode), as when a user declines.
        'security.workspace.trust.startupPrompt': 'never',
      },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  test('annotating works; Run Model is disabled with the reason, by button and by key', async () => {
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'untrusted.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);

    const note = view.locator('ia-model-panel .access');
    await note.waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.match((await note.textContent()) ?? '', /untrusted workspace/);
    assert.equal(await view.locator('ia-model-panel .run-model').getAttribute('disabled'), '');

    await view.locator('h1.title').click();
    await page.keyboard.press('p');
    await view.locator('.banner', { hasText: 'untrusted workspace' }).waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Run model' }).count(),
      0,
      'no pick was offered',
    );

    await page.keyboard.press('v');
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await waitForLog(shard, (events) => events.some((event) => event.type === 'validity'));
  });
});
