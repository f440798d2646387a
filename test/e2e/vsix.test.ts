// The packaged extension works on its own, as a new user meets it: `npm run
// package` makes a .vsix, a fresh code-server installs it, and from an empty
// folder the person imports a release from the welcome view (folder dialog and
// quick picks), sees the first request with its image, annotates it by
// keyboard, saves, and runs `imagery` in an integrated terminal. Each step
// leaves a numbered screenshot in test-results/first-run/; the time from
// launching code-server to the first request on screen is printed.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { makeRelease } from '../fixtures/release-maker';
import { ANNOTATOR, until, validityStatus, waitForLog } from './editor-steps';
import { answerFolder, answerPick, FIRST_RUN_SETTINGS, runCommand, shot, UI_TIMEOUT } from './first-run-steps';
import { openTerminal, TERMINAL_SETTINGS, typeInTerminal } from './terminal-steps';
import { packageVsix, restoreDevelopmentBuild, VSIX } from './vsix-steps';
import { activeTabDirty, webview, workbenchPerTest } from './workbench';

before(() => packageVsix());
after(() => restoreDevelopmentBuild());

test('the .vsix stays small (under 2 MB)', () => {
  assert.ok(statSync(VSIX).size < 2 * 1024 * 1024, `${VSIX} is ${statSync(VSIX).size} bytes`);
});

describe('a new user with only the .vsix installed', () => {
  const release = makeRelease();
  const workspace = mkdtempSync(path.join(tmpdir(), 'imagery-new-user-'));
  after(() => {
    release.cleanup();
    rmSync(workspace, { recursive: true, force: true });
  });
  // Registered before the workbench's own hook, so it runs first: the clock starts before code-server does.
  let coldStart = 0;
  beforeEach(() => {
    coldStart = Date.now();
  });
  const current = workbenchPerTest({
    vsix: VSIX,
    workspace,
    settings: {
      ...FIRST_RUN_SETTINGS,
      'imageryAnnotator.annotator': ANNOTATOR,
      'imageryAnnotator.saveMode': 'manual',
      ...TERMINAL_SETTINGS,
    },
  });

  test('imports a release from the welcome view, annotates the first request by keyboard, saves, and runs `imagery` in a terminal', async () => {
    const { page } = current();
    const workbenchReady = Date.now() - coldStart;

    await runCommand(page, 'Imagery Annotator: Focus on Shards View');
    const importButton = page.locator('.welcome-view-content .monaco-button', { hasText: 'Import Release…' }).first();
    await importButton.waitFor({ timeout: UI_TIMEOUT });
    await shot(page, 'install-01-welcome-view');
    await importButton.click();
    await answerFolder(page, release.dir, 'install-02-release-folder');
    await answerPick(page, 'Import Release (2/6)', 'Music', 'install-03-domains');
    await answerPick(page, 'Import Release (3/6)', 'shards/ in', 'install-04-target-folder');
    await answerPick(page, 'Import Release (4/6)', 'Copy images beside the shards', 'install-05-copy-images');
    await answerPick(page, 'Import Release (5/6)', '50 requests per shard', 'install-06-shard-size');
    await answerPick(page, 'Import Release (6/6)', 'Only the benchmark', 'install-07-unsampled-posts');

    const view = webview(page);
    const title = view.locator('h1.title');
    await title.waitFor({ timeout: UI_TIMEOUT });
    const firstRequest = Date.now() - coldStart;
    assert.match((await title.textContent()) ?? '', /Synthetic request m001/);
    await until('the first image to render', async () =>
      view.locator('img').evaluateAll((images) => images.some((image) => (image as { naturalWidth: number }).naturalWidth > 0)),
    );
    await shot(page, 'install-08-first-request');
    console.log(
      `# cold start (code-server launched) -> workbench ready: ${workbenchReady} ms; -> first request on screen, ` +
        `the import answered on the way: ${firstRequest} ms`,
    );
    // Loaded from the installed copy, not from the repo.
    assert.equal(await page.locator('.window-title', { hasText: 'Extension Development Host' }).count(), 0);

    // One action by keyboard: "v" marks the request valid; in manual save mode the tab turns dirty until Ctrl+S.
    const shard = path.join(workspace, 'shards', 'music-001.shard.jsonl');
    await title.click();
    await page.keyboard.press('v');
    await validityStatus(view, 'valid').waitFor({ timeout: UI_TIMEOUT });
    await until('the tab to show unsaved changes', () => activeTabDirty(page));
    await shot(page, 'install-09-annotated-by-keyboard');
    await page.keyboard.press('Control+S');
    const events = await waitForLog(shard, (logged) => logged.length > 0, UI_TIMEOUT);
    assert.deepEqual(
      events.map(({ type, request, verdict, annotator }) => ({ type, request, verdict, annotator })),
      [{ type: 'validity', request: 'm001', verdict: 'valid', annotator: ANNOTATOR }],
    );
    await until('the tab to be clean after saving', async () => !(await activeTabDirty(page)));
    await shot(page, 'install-10-saved');

    // The `imagery` command line, on the PATH of a new integrated terminal.
    await openTerminal(page, UI_TIMEOUT);
    const helpFile = path.join(workspace, 'imagery-help.txt');
    await typeInTerminal(page, 'imagery --help | tee imagery-help.txt');
    await until(
      '`imagery --help` to answer in the terminal',
      () => existsSync(helpFile) && /Usage: imagery/.test(readFileSync(helpFile, 'utf8')),
      UI_TIMEOUT,
    );
    assert.match(readFileSync(helpFile, 'utf8'), /import/);
    await shot(page, 'install-11-imagery-in-terminal');
  });
});
