// The foundation, end to end in the real workbench: a shard opens in the
// custom editor, the webview shows the request, the keyboard moves on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { quickOpen, webview, workbenchPerTest, REPO_ROOT } from './workbench';

const SHARD = 'music-001.shard.jsonl';
const titles: string[] = readFileSync(path.join(REPO_ROOT, 'sample', 'shards', SHARD), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { title: string }).title);

describe('a sample shard in the workbench', () => {
  const current = workbenchPerTest();

  beforeEach(async () => {
    await quickOpen(current().page, SHARD);
  });

  test('opens with the custom editor and shows the first request', async () => {
    const workbench = current();
    const title = webview(workbench.page).locator('h1.title');
    await title.waitFor({ timeout: 30_000 });
    assert.equal(await title.textContent(), titles[0]);
  });

  test('"j" moves to the next request', async () => {
    const workbench = current();
    const title = webview(workbench.page).locator('h1.title');
    await webview(workbench.page).locator('h1.title', { hasText: titles[0] }).waitFor({ timeout: 30_000 });
    await title.click();
    await workbench.page.keyboard.press('j');
    await webview(workbench.page).locator('h1.title', { hasText: titles[1] }).waitFor({ timeout: 10_000 });
    assert.equal(await title.textContent(), titles[1]);
  });

  test('a title with HTML in it shows as text, not markup', async () => {
    const index = titles.findIndex((text) => text.includes('<img'));
    assert.ok(index > 1, 'the sample has a request whose title looks like HTML');
    const workbench = current();
    const title = webview(workbench.page).locator('h1.title');
    await webview(workbench.page).locator('h1.title', { hasText: titles[0] }).waitFor({ timeout: 30_000 });
    await title.click();
    for (let step = 0; step < index; step++) await workbench.page.keyboard.press('j');
    await webview(workbench.page).locator('h1.title', { hasText: 'onerror' }).waitFor({ timeout: 10_000 });
    assert.equal(await title.textContent(), titles[index]);
    assert.equal(await title.locator('img, b').count(), 0);
  });
});
