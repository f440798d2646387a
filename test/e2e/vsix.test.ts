// The packaged extension works on its own: `npm run package` makes a .vsix,
// a fresh code-server installs it, and a sample shard opens in its editor.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openWorkbench, quickOpen, webview, REPO_ROOT, type Workbench } from './workbench';

const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const VSIX = path.join(REPO_ROOT, `${name}-${version}.vsix`);
const SHARD = 'books-001.shard.jsonl';

function node(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `node ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

let workbench: Workbench | undefined;

before(() => {
  node(['scripts/package.mjs']);
});

after(async () => {
  await workbench?.close();
  // Packaging left a production build in dist/: put the development build back.
  node(['scripts/build.mjs']);
});

test('the .vsix stays small (under 2 MB)', () => {
  assert.ok(statSync(VSIX).size < 2 * 1024 * 1024, `${VSIX} is ${statSync(VSIX).size} bytes`);
});

test('installed from the .vsix, the extension opens a shard and renders it', async () => {
  workbench = await openWorkbench({ vsix: VSIX });
  await quickOpen(workbench.page, SHARD);
  const firstTitle = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'sample', 'shards', SHARD), 'utf8').split('\n')[0]) as { title: string }
  ).title;
  // A first start of an installed copy opens the walkthrough, which can take the front after the shard
  // opened: bring the shard's tab back until its editor shows.
  const title = webview(workbench.page).locator('h1.title');
  const shardTab = workbench.page.locator('.tabs-container .tab', { hasText: SHARD }).first();
  const deadline = Date.now() + 90_000;
  while (!(await title.isVisible().catch(() => false))) {
    assert.ok(Date.now() < deadline, 'the shard editor never showed its first request');
    await shardTab.click({ timeout: 10_000 }).catch(() => undefined);
    await title.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await title.waitFor({ timeout: 30_000 });
  assert.equal(await title.textContent(), firstTitle);
  // Loaded from the installed copy, not from the repo.
  assert.equal(await workbench.page.locator('.window-title', { hasText: 'Extension Development Host' }).count(), 0);
});
