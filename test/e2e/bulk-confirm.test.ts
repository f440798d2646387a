// "Confirm the rest" (C) in the real editor, light and dark, on the sample's
// request with 30 comments: one is confirmed by hand first, so the modal must
// count the 29 left; after it the toolbar says how many were confirmed in
// bulk, and one Ctrl+Z takes all 29 back (one retract in the log).
// Screenshots go to IMAGERY_SHOTS_DIR when set.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import {
  ANNOTATOR,
  commentStatuses,
  copyShard,
  openShard,
  progressLabel,
  requestsOf,
  waitForLog,
  waitForTitle,
  WEBVIEW_TIMEOUT,
} from './editor-steps';
import { workbenchPerTest } from './workbench';

const shots = process.env.IMAGERY_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  const tag = theme.includes('Light') ? 'light' : 'dark';
  describe(`confirm the rest (${tag})`, () => {
    const current = workbenchPerTest({
      settings: { 'workbench.colorTheme': theme, 'imageryAnnotator.annotator': ANNOTATOR },
    });

    test('C asks with the count, the toolbar counts the bulk, one Ctrl+Z takes it all back', async () => {
      const { page, workspace } = current();
      const shard = copyShard(workspace, 'music-001.shard.jsonl', 'bulk.shard.jsonl');
      const crowded = requestsOf(shard)[2];
      assert.equal(crowded.comments.length, 30, 'the sample request with many comments');
      const view = await openShard(page, shard);
      await view.locator('h1.title').click();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await waitForTitle(view, crowded.title, page);

      await page.keyboard.press('c');
      await waitForLog(shard, (events) => events.length === 1);
      await page.keyboard.press('C');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Confirm the 29 comments without a verdict?' });
      await dialog.waitFor({ timeout: WEBVIEW_TIMEOUT });
      await shot(page, `bulk-confirm-ask-${tag}`);
      await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();

      await progressLabel(view, '29 confirmed in bulk').waitFor({ timeout: WEBVIEW_TIMEOUT });
      await shot(page, `bulk-confirm-done-${tag}`);
      const [handmade, bulk] = (await waitForLog(shard, (events) => events.length === 2)) as unknown as {
        id: string;
        type: string;
        comment?: string;
        comments?: string[];
      }[];
      assert.equal(handmade.comment, crowded.comments[0]);
      assert.equal(bulk.type, 'bulk-confirm');
      assert.deepEqual(
        [...(bulk.comments ?? [])].sort(),
        crowded.comments.slice(1).sort(),
        'every comment but the one confirmed by hand',
      );
      await reviewedComments(view, '30 / 30').waitFor({ timeout: WEBVIEW_TIMEOUT });
      assert.deepEqual((await commentStatuses(view)).slice(0, 3), ['confirmed', 'confirmed', 'confirmed']);

      await view.locator('h1.title').click();
      await page.keyboard.press('Control+Z');
      // The one confirmed by hand stays; the 29 confirmed in bulk are unreviewed again.
      await reviewedComments(view, '1 / 30').waitFor({ timeout: WEBVIEW_TIMEOUT });
      assert.deepEqual((await commentStatuses(view)).slice(0, 3), ['confirmed', 'unreviewed', 'unreviewed']);
      const events = await waitForLog(shard, (logged) => logged.length === 3);
      assert.deepEqual(
        events.map((event) => event.type),
        ['extraction', 'bulk-confirm', 'retract'],
      );
      assert.equal(events[2].target, bulk.id, 'one undo retracts the bulk confirm');
      assert.equal(await progressLabel(view, 'confirmed in bulk').count(), 0);
      await shot(page, `bulk-confirm-undone-${tag}`);
    });
  });
}

/** The comment list's heading, e.g. "(1 / 30 reviewed, by upvotes)". */
function reviewedComments(view: FrameLocator, counts: string) {
  return view.locator('ia-comment-list .muted', { hasText: `(${counts} reviewed,` });
}
