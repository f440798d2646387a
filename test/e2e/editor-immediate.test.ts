// Immediate save mode (the default), end to end in the real workbench: every
// action is on disk at once, so a reload right after it loses nothing; undo
// and redo from inside the webview, and two editors on one shard, stay in step
// with the log.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ANNOTATOR,
  copyShard,
  loggedEvents,
  openShard,
  requestsOf,
  validityStatus,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import { activeTabDirty, openWorkbench, reloadWorkbench, waitForEditorRemembered, webview, type Workbench } from './workbench';

describe('the editor in immediate save mode', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ settings: { 'imageryAnnotator.annotator': ANNOTATOR } });
  });

  after(async () => {
    await workbench?.close();
  });

  test('a reload right after an action loses nothing: the log has it and the editor shows it', async () => {
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'immediate-reload.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await waitForEditorRemembered(page, path.basename(shard));

    await page.keyboard.press('v');
    const reloadStarted = Date.now();
    await reloadWorkbench(page);

    const events = await waitForLog(shard, (logged) => logged.length > 0);
    assert.deepEqual(
      events.map(({ type, request, verdict }) => ({ type, request, verdict })),
      [{ type: 'validity', request: first.id, verdict: 'valid' }],
    );
    const restored = webview(page);
    await waitForTitle(restored, first.title);
    await validityStatus(restored, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    console.log(`# reload -> restored editor showing the action: ${Date.now() - reloadStarted} ms`);
    assert.equal(await activeTabDirty(page), false, 'immediate mode leaves nothing unsaved');
  });
});
