// Immediate save mode (the default), end to end in the real workbench: every
// action is on disk at once, so a reload right after it loses nothing; undo
// and redo from inside the webview, and two editors on one shard, stay in step
// with the log.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
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
import { appendFileSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { logFileOf } from './editor-steps';
import { reloadWorkbench, workbenchPerTest, waitForEditorRemembered, webview, webviewAt } from './workbench';
import { runCommand } from './first-run-steps';

describe('the editor in immediate save mode', () => {
  const current = workbenchPerTest({ settings: { 'imageryAnnotator.annotator': ANNOTATOR } });

  test('a reload the moment the editor says Saved loses nothing, and resumes at the request on screen', async () => {
    const workbench = current();
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'immediate-reload.shard.jsonl');
    const [first, second] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await waitForEditorRemembered(page, path.basename(shard));

    await view.locator('h1.title').click();
    await page.keyboard.press('j');
    await waitForTitle(view, second.title);
    await page.keyboard.press('v');
    // "Saved" is the host's answer, sent after the append's fsync: from then on a reload may come at any time.
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await view.locator('.save-status[data-status="saved"]').waitFor({ timeout: WEBVIEW_TIMEOUT });
    const reloadStarted = Date.now();
    await reloadWorkbench(page);

    const events = await waitForLog(shard, (logged) => logged.length > 0);
    assert.deepEqual(
      events.map(({ type, request, verdict }) => ({ type, request, verdict })),
      [{ type: 'validity', request: second.id, verdict: 'valid' }],
    );
    const restored = webview(page);
    // Request 1 is still unreviewed: without our own memory the shard would open there.
    await waitForTitle(restored, second.title, page);
    await validityStatus(restored, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    console.log(`# reload -> restored editor showing the action: ${Date.now() - reloadStarted} ms`);
    // The log is the truth: the reopened editor wrote nothing more (dirty-after-reload.test.ts covers the tab's marker).
    assert.equal(loggedEvents(shard).length, 1, 'the action is on disk once');
  });

  test('Ctrl+Z and Ctrl+Shift+Z inside the webview undo and redo, each as an event on disk', async () => {
    const workbench = current();
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-002.shard.jsonl', 'immediate-undo.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await view.locator('h1.title').click();

    // VS Code's undo stack holds an action once the host has it: the editor then says Saved.
    const saved = view.locator('.save-status[data-status="saved"]');
    await page.keyboard.press('v');
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await saved.waitFor({ timeout: WEBVIEW_TIMEOUT });
    await page.keyboard.press('Control+Z');
    await validityStatus(view, 'undecided').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await page.keyboard.press('Control+Shift+Z');
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });

    const events = await waitForLog(shard, (logged) => logged.length === 3);
    assert.deepEqual(
      events.map((event) => event.type),
      ['validity', 'retract', 'retract'],
    );
    assert.equal(events[1].target, events[0].id, 'undo retracts the verdict');
    assert.equal(events[2].target, events[1].id, 'redo retracts the undo');
  });

  test("two editors on one shard (split) show each other's actions, and an outside append shows in both", async () => {
    const workbench = current();
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'books-001.shard.jsonl', 'immediate-split.shard.jsonl');
    const [first] = requestsOf(shard);
    await openShard(page, shard);
    await runCommand(page, 'View: Split Editor Right');
    await page.locator('iframe.webview.ready').nth(1).waitFor({ timeout: WEBVIEW_TIMEOUT });
    const left = webviewAt(page, 0);
    const right = webviewAt(page, 1);
    await waitForTitle(left, first.title);
    await waitForTitle(right, first.title);

    await right.locator('h1.title').click();
    await page.keyboard.press('4');
    const notMusic = (view: typeof left) =>
      view.locator('ia-validity .status[data-status="invalid"]', { hasText: 'Not music rec' });
    await notMusic(right).waitFor({ timeout: WEBVIEW_TIMEOUT });
    await notMusic(left).waitFor({ timeout: WEBVIEW_TIMEOUT });

    // Another window of the same annotator appends to the same log.
    mkdirSync(path.dirname(logFileOf(shard)), { recursive: true });
    const outside = {
      v: 1,
      id: randomUUID(),
      time: new Date().toISOString(),
      annotator: ANNOTATOR,
      request: first.id,
      type: 'validity',
      verdict: 'valid',
    };
    appendFileSync(logFileOf(shard), `${JSON.stringify(outside)}\n`);
    await validityStatus(left, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await validityStatus(right, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.deepEqual(
      loggedEvents(shard).map((event) => event.verdict),
      ['invalid', 'valid'],
      'no event lost or doubled',
    );
  });
});
