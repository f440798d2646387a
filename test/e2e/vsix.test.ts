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
  const title = webview(workbench.page).locator('h1.title');
  await title.waitFor({ timeout: 30_000 });
  assert.equal(await title.textContent(), firstTitle);
  // Loaded from the installed copy, not from the repo.
  assert.equal(await workbench.page.locator('.window-title', { hasText: 'Extension Development Host' }).count(), 0);
});
