// Cancelling "Import Release…" from its progress notification, in the real
// workbench, on a large synthetic release: no shard (and no temp file) is
// left, and shards already in the target stay as they were.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { RELEASE_SCALE, writeSyntheticRelease } from '../../bench/synthetic-release';
import {
  answerFolder,
  answerPick,
  FIRST_RUN_SETTINGS,
  filesUnder,
  shot,
  startImport,
  notification,
  UI_TIMEOUT,
} from './first-run-steps';
import { openWorkbench, type Workbench } from './workbench';

/** Big enough that reading it takes seconds, so Cancel lands mid-import. */
const SCALE = { music: { ...RELEASE_SCALE.music, requests: 3000 }, books: { ...RELEASE_SCALE.books, requests: 20 } };

let workbench: Workbench;
let release: string;
let workspace: string;

before(async () => {
  release = mkdtempSync(path.join(tmpdir(), 'imagery-large-release-'));
  writeSyntheticRelease(release, 7, SCALE);
  workspace = mkdtempSync(path.join(tmpdir(), 'imagery-first-run-cancel-'));
  // A shard someone already annotates, and its log: a cancelled replacement must leave both.
  mkdirSync(path.join(workspace, 'shards', 'music-001.shard.jsonl.annotations'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'shards', 'music-001.shard.jsonl'),
    readFileSync(path.join(__dirname, '..', '..', 'sample', 'shards', 'music-001.shard.jsonl')),
  );
  writeFileSync(path.join(workspace, 'shards', 'music-001.shard.jsonl.annotations', 'someone.jsonl'), '');
  workbench = await openWorkbench({ workspace, settings: FIRST_RUN_SETTINGS });
});

after(async () => {
  await workbench?.page.screenshot({ path: path.join(tmpdir(), 'imagery-first-run-cancel-end.png') });
  await workbench?.close();
  rmSync(release, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
});

test('Cancel in the progress notification leaves no partial shard, and the shards already there untouched', async () => {
  const { page } = workbench;
  const before = new Map(filesUnder(workspace).map((file) => [file, readFileSync(path.join(workspace, file))]));
  await startImport(page);
  await answerFolder(page, release);
  await answerPick(page, 'Import Release (2/6)', 'Music');
  await answerPick(page, 'Import Release (3/6)', 'shards/ in');
  await answerPick(page, 'Import Release (4/6)', 'Point into the release');
  await answerPick(page, 'Import Release (5/6)', '50 requests per shard');
  // Only submissions_ns.jsonl in this release: no sixth question.
  const replace = page.locator('.monaco-dialog-box', { hasText: 'Replace them?' });
  await replace.waitFor({ timeout: UI_TIMEOUT });
  assert.match(
    (await replace.textContent()) ?? '',
    /Annotations follow their requests: events of a request that lands in another shard move to the log beside it\./,
  );
  await shot(page, '8-replace-question');
  await replace.locator('.monaco-button', { hasText: 'Replace Shards' }).click();

  const progress = await notification(page, /Importing imagery-large-release-/);
  await shot(page, '9-progress');
  await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
  await notification(page, 'Import cancelled');
  await shot(page, '10-cancelled');

  const after = filesUnder(workspace);
  assert.deepEqual(after, [...before.keys()], 'no shard or temp file added');
  for (const [file, bytes] of before) assert.deepEqual(readFileSync(path.join(workspace, file)), bytes, `${file} unchanged`);
});
