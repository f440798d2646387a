// Manual save mode, end to end in the real workbench: keyboard actions make
// the tab dirty and stay off disk until Ctrl+S; a reload brings saved work
// back; closing the tab right after an unsaved edit (hot exit) brings
// the edit back from our backup, still unsaved.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  backupPointers,
  copyShard,
  describeEditors,
  loggedEvents,
  MANUAL_SETTINGS,
  openShard,
  progressLabel,
  requestsOf,
  until,
  validityStatus,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import {
  activeTabDirty,
  reloadWorkbench,
  reopenWorkbench,
  REPO_ROOT,
  waitForEditorRemembered,
  webview,
  workbenchPerTest,
} from './workbench';

describe('the editor in manual save mode', () => {
  const current = workbenchPerTest({ settings: MANUAL_SETTINGS });

  test('three requests annotated by keyboard stay unsaved until Ctrl+S; a reload shows them saved', async () => {
    const workbench = current();
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'manual-save.shard.jsonl');
    const [first, second, third] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await waitForEditorRemembered(page, path.basename(shard));

    await view.locator('h1.title').click();
    await page.keyboard.press('v');
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await page.keyboard.press('j');
    await waitForTitle(view, second.title);
    await page.keyboard.press('3');
    await view
      .locator('ia-validity .status[data-status="invalid"]', { hasText: 'Image is text' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    await page.keyboard.press('j');
    await waitForTitle(view, third.title);
    await page.keyboard.press('v');
    await validityStatus(view, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });

    await until('the tab to be dirty', () => activeTabDirty(page));
    assert.deepEqual(loggedEvents(shard), [], 'nothing is written before Save');

    await page.keyboard.press('Control+S');
    const saved = await waitForLog(shard, (events) => events.length === 3);
    assert.deepEqual(
      saved.map(({ request, verdict, reason }) => ({ request, verdict, reason })),
      [
        { request: first.id, verdict: 'valid', reason: undefined },
        { request: second.id, verdict: 'invalid', reason: 'Image is text' },
        { request: third.id, verdict: 'valid', reason: undefined },
      ],
    );
    await until('the tab to be clean', async () => !(await activeTabDirty(page)));

    await reloadWorkbench(page);
    const restored = webview(page);
    // It resumes at the request on screen before the reload.
    await waitForTitle(restored, third.title, page);
    await validityStatus(restored, 'valid').waitFor({ timeout: WEBVIEW_TIMEOUT });
    await restored.locator('h1.title').click();
    await page.keyboard.press('k');
    await waitForTitle(restored, second.title);
    await restored
      .locator('ia-validity .status[data-status="invalid"]', { hasText: 'Image is text' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(await activeTabDirty(page), false, 'saved work reopens clean');
    assert.equal(loggedEvents(shard).length, 3, 'the reload wrote nothing more');
  });

  test('closing the tab right after an unsaved edit restores it from the backup, still unsaved', async () => {
    const workbench = current();
    const { workspace } = workbench;
    let page = workbench.page;
    const shard = copyShard(workspace, 'music-002.shard.jsonl', 'manual-hot-exit.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await waitForEditorRemembered(page, path.basename(shard));

    await view.locator('h1.title').click();
    await page.keyboard.press('5');
    await view
      .locator('ia-validity .status[data-status="invalid"]', { hasText: 'Explicit content' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    // The webview shows an action before the host has it: the dirty tab is the host's word that it does (a reload
    // before that lost the action in transit, once in ten full runs). Then at once: the backup must not depend on
    // the window living on after the edit (it did, and an edit closed within about a second was lost when busy).
    await until('the host to have the edit (the tab dirty)', () => activeTabDirty(page));
    page = await reopenWorkbench(page);
    workbench.page = page;

    const restored = webview(page);
    await progressLabel(restored, '1 / 3 reviewed')
      .waitFor({ timeout: WEBVIEW_TIMEOUT })
      .catch(async (error: unknown) => {
        const shown = await restored
          .locator('label.progress')
          .first()
          .textContent({ timeout: 1_000 })
          .catch(() => null);
        const file = await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'manual-hot-exit-failed.png') }).then(
          () => 'test-results/manual-hot-exit-failed.png',
          () => 'none',
        );
        throw new Error(
          `the restored editor did not say 1 / 3 reviewed; progress ${JSON.stringify(shown)}, dirty tab ${await activeTabDirty(page)}, ` +
            `our backup pointers ${JSON.stringify(backupPointers(workbench.userDataDir))}, log events ${loggedEvents(shard).length}; ` +
            `the window showed ${await describeEditors(page)}; screenshot ${file}`,
          { cause: error },
        );
      });
    await waitForTitle(restored, first.title, page);
    await restored.locator('h1.title').click();
    await restored
      .locator('ia-validity .status[data-status="invalid"]', { hasText: 'Explicit content' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    await until('the restored tab to be dirty', () => activeTabDirty(page));
    assert.deepEqual(loggedEvents(shard), [], 'restoring a backup writes nothing');
    // Waited for, not read once: in one full run of five it was not there yet at this moment (the restore itself
    // had worked); what matters is that a pointer to the restored work comes.
    await until('our pointer to name the newest backup', async () => backupPointers(workbench.userDataDir).length > 0);

    await page.keyboard.press('Control+S');
    const saved = await waitForLog(shard, (events) => events.length === 1);
    assert.deepEqual(
      saved.map(({ request, verdict, reason }) => ({ request, verdict, reason })),
      [{ request: first.id, verdict: 'invalid', reason: 'Explicit content' }],
    );
    await until('the tab to be clean', async () => !(await activeTabDirty(page)));
    await until('the pointer to be cleared on save', async () => backupPointers(workbench.userDataDir).length === 0);
  });

  test('closing a tab with "Don\'t Save" discards the unsaved edit: reopened, the shard is as saved', async () => {
    const workbench = current();
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'books-002.shard.jsonl', 'manual-dont-save.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    await view.locator('h1.title').click();
    await page.keyboard.press('1');
    await view
      .locator('ia-validity .status[data-status="invalid"]', { hasText: 'Not a rec request' })
      .waitFor({ timeout: WEBVIEW_TIMEOUT });
    await until('our backup of the edit', async () => backupPointers(workbench.userDataDir).length > 0);

    await page.keyboard.press('Control+W');
    await page.getByRole('button', { name: "Don't Save" }).click();
    await until('the backup to be discarded', async () => backupPointers(workbench.userDataDir).length === 0);

    const reopened = await openShard(page, shard);
    await waitForTitle(reopened, first.title);
    await validityStatus(reopened, 'undecided').waitFor({ timeout: WEBVIEW_TIMEOUT });
    assert.equal(await activeTabDirty(page), false);
    assert.deepEqual(loggedEvents(shard), []);
  });
});
