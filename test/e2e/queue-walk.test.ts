// A review queue walked in the real workbench: walking into another shard
// replaces the previous shard's tab (one tab, not one per shard), and a
// reloaded window walks the same queue on.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { QUEUE_FORMAT, QUEUE_VERSION, serializeQueue, type ReviewQueue } from '../../src/core/validation/queue';
import { ANNOTATOR, copyShard, describeEditors, requestsOf, until, waitForTitle, WEBVIEW_TIMEOUT } from './editor-steps';
import { runCommand } from './first-run-steps';
import { reloadWorkbench, waitForEditorRemembered, webview, workbenchPerTest } from './workbench';

/** Each tab's file name (its accessible label, less VS Code's ", preview" and the like). */
const tabLabels = async (page: Page): Promise<string[]> =>
  (await page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('aria-label') ?? ''))).map(
    (label) => label.split(',')[0],
  );

const queueStatus = (page: Page, text: string) => page.locator('.statusbar-item', { hasText: text });

describe('walking a review queue in the workbench', () => {
  const current = workbenchPerTest({ settings: { 'imageryAnnotator.annotator': ANNOTATOR } });

  test('the walk moves one tab across shards, and a reloaded window walks the same queue', async () => {
    const { page, workspace } = current();
    const shardA = copyShard(workspace, 'music-001.shard.jsonl', 'queue-a.shard.jsonl');
    const shardB = copyShard(workspace, 'music-002.shard.jsonl', 'queue-b.shard.jsonl');
    const [inA, inB] = [requestsOf(shardA)[2], requestsOf(shardB)[1]];
    const queue: ReviewQueue = {
      format: QUEUE_FORMAT,
      version: QUEUE_VERSION,
      name: 'e2e',
      unit: 'requests',
      seed: 1,
      population: 2,
      shards: ['queue-a.shard.jsonl', 'queue-b.shard.jsonl'],
      items: [
        { shard: 'queue-a.shard.jsonl', request: inA.id },
        { shard: 'queue-b.shard.jsonl', request: inB.id },
      ],
    };
    writeFileSync(path.join(path.dirname(shardA), 'e2e.queue.json'), serializeQueue(queue)); // beside its shards

    await runCommand(page, 'Imagery: Open Review Queue…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'e2e.queue.json' }).first().waitFor();
    await page.keyboard.press('Enter');
    const view = webview(page);
    await waitForTitle(view, inA.title, page);
    await queueStatus(page, 'Imagery: queue e2e 0/2 done').waitFor({ timeout: WEBVIEW_TIMEOUT });

    // The next queue item is in the other shard: its editor takes the tab of the first.
    await view.locator('h1.title').click();
    await page.keyboard.press('j');
    await until('one tab, on the second shard', async () => {
      const labels = await tabLabels(page);
      return labels.length === 1 && labels[0] === path.basename(shardB);
    }).catch(async (error: Error) => {
      throw new Error(`${error.message}; the window shows ${await describeEditors(page)}`);
    });
    await waitForTitle(webview(page), inB.title, page);
    await waitForEditorRemembered(page, path.basename(shardB));

    await reloadWorkbench(page);
    const restored = webview(page);
    await waitForTitle(restored, inB.title, page);
    await queueStatus(page, 'Imagery: queue e2e 0/2 done').waitFor({ timeout: WEBVIEW_TIMEOUT });
    // Previous goes to the queue's first item, in the first shard (not to the request before it in this shard).
    await restored.locator('h1.title').click();
    await page.keyboard.press('k');
    await waitForTitle(webview(page), inA.title, page);
    assert.deepEqual(await tabLabels(page), [path.basename(shardA)], await describeEditors(page));
  });
});
