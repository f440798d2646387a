// The whole annotator workflow on the real released music data, end to end:
// import with the CLI, validate a shard in the real workbench by keyboard
// alone, reload at once after the last key, export, and find every action in
// the corrected dataset. Skips when the shared release is absent.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FrameLocator, Locator } from 'playwright-core';
import { INVALID_REASONS } from '../../src/core/annotations/events';
import { annotationLogPath } from '../../src/core/annotations/paths';
import { relevance } from '../../src/core/paper/relevance';
import { ShardRecord } from '../../src/core/shard/schema';
import { SHARED_DATASET, skipWithoutDataset } from '../helpers/dataset';
import { until } from './editor-steps';
import {
  openWorkbench,
  quickOpen,
  reloadWorkbench,
  REPO_ROOT,
  waitForEditorRemembered,
  webview,
  type Workbench,
} from './workbench';

const ANNOTATOR = 'e2e';
const SHARD = 'music-001.shard.jsonl';
const ADDED_ITEM = 'zz test artist - zz test title';
/** The paper's second reason, bound to key "2". */
const REASON_2 = 'Image is item(s)';
const CONFIRMED = 3;
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const UI_TIMEOUT = 30_000;

type Recs = Record<string, Record<string, number>>;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function readShard(file: string): ShardRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ShardRecord.parse(JSON.parse(line)));
}

/** The editor's comment order: upvotes, highest first, ties in file order. */
function byUpvotes(record: ShardRecord) {
  return [...record.comments].sort((a, b) => b.upvotes - a.upvotes);
}

function readRecs(root: string): Recs {
  return JSON.parse(readFileSync(path.join(root, 'data', 'processed', 'music', 'recs.json'), 'utf8')) as Recs;
}

/** Waits until the editor shows request `position` (1-based) with this title. */
async function waitForRequest(view: FrameLocator, position: number, total: number, record: ShardRecord): Promise<void> {
  await view
    .locator('span.position', { hasText: new RegExp(`^\\s*${position} / ${total}\\s*$`) })
    .waitFor({ timeout: UI_TIMEOUT });
  await until(`the title of request ${position}`, async () => (await view.locator('h1.title').textContent()) === record.title);
}

const badges = (view: FrameLocator): Promise<string[]> =>
  view
    .locator('ia-comment ia-badge[data-status]')
    .evaluateAll((all) => all.map((badge) => badge.getAttribute('data-status') ?? ''));

async function waitForBadges(view: FrameLocator, expected: string[]): Promise<void> {
  await until(
    `comment badges ${expected.join(',')}`,
    async () => (await badges(view)).slice(0, expected.length).join() === expected.join(),
  );
}

const validity = (view: FrameLocator, status: string): Locator => view.locator(`ia-validity .status[data-status="${status}"]`);
const progress = (view: FrameLocator, text: RegExp): Locator => view.locator('label.progress', { hasText: text });
const addedChip = (view: FrameLocator): Locator => view.locator(`ia-comment li.chip[data-item="${ADDED_ITEM}"]`);

describe('the annotator workflow on the real music release', { skip: skipWithoutDataset }, () => {
  let root: string;
  let shardFile: string;
  let records: ShardRecord[];
  let workbench: Workbench | undefined;
  const workspace = () => path.join(root, 'workspace');

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'imagery-real-flow-'));
    // Other suites share dist/: build only when the CLI is not there at all.
    if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  });

  after(async () => {
    await workbench?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the CLI imports the music release into shards, images inside the workspace', () => {
    cli('import', SHARED_DATASET, '--domain', 'music', '--out', path.join(workspace(), 'shards'), '--copy-images', '--quiet');
    shardFile = path.join(workspace(), 'shards', SHARD);
    records = readShard(shardFile);
    assert.ok(records.length >= 3, `${SHARD} holds at least 3 requests`);
    assert.ok(byUpvotes(records[0]).length > CONFIRMED, 'request 1 has more comments than the test confirms');
  });

  test('a shard is validated by keyboard alone, the UI following each step', async () => {
    const [first, second, third] = records;
    const total = records.length;
    workbench = await openWorkbench({ workspace: workspace(), settings: { 'imageryAnnotator.annotator': ANNOTATOR } });
    const { page } = workbench;
    await quickOpen(page, SHARD);
    const view = webview(page);
    await view.locator('h1.title').waitFor({ timeout: UI_TIMEOUT });
    await waitForRequest(view, 1, total, first);
    // A reload before the workbench remembers the open editor reopens none: unrelated to our data.
    await waitForEditorRemembered(page, SHARD);

    const image = first.images.find(
      (candidate) => candidate.path && existsSync(path.join(path.dirname(shardFile), candidate.path)),
    );
    if (image) {
      const img = view.locator('ia-gallery img').first();
      await until('a local image of request 1 to load', () =>
        img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0),
      );
    }

    await view.locator('h1.title').click();
    const { keyboard } = page;
    for (let step = 1; step <= CONFIRMED; step++) {
      await keyboard.press('Enter');
      await waitForBadges(view, Array(step).fill('confirmed'));
    }
    await keyboard.press('a');
    const editor = view.locator('ia-comment ia-text-field.item-editor input');
    // Typing before the field has the focus would fire hotkeys instead.
    await until('the new-item field to take the focus', () =>
      editor.evaluate((el) => (el.getRootNode() as unknown as { activeElement: unknown }).activeElement === el),
    );
    await keyboard.type(ADDED_ITEM);
    await keyboard.press('Enter');
    await addedChip(view).waitFor({ timeout: UI_TIMEOUT });
    await waitForBadges(view, [...Array(CONFIRMED).fill('confirmed'), 'corrected']);
    await progress(view, /1 corrected/).waitFor({ timeout: UI_TIMEOUT });
    await keyboard.press('v');
    await validity(view, 'valid').waitFor({ timeout: UI_TIMEOUT });

    await keyboard.press('j');
    await waitForRequest(view, 2, total, second);
    await keyboard.press('2');
    await view.locator('ia-validity .status[data-status="invalid"]', { hasText: REASON_2 }).waitFor({ timeout: UI_TIMEOUT });
    // Request 2 is the only one reviewed: a valid request needs a verdict on every comment.
    await progress(view, new RegExp(`^\\s*1 / ${total} reviewed[\\s\\S]*1 invalid · 1 corrected`)).waitFor({
      timeout: UI_TIMEOUT,
    });

    await keyboard.press('j');
    await waitForRequest(view, 3, total, third);
    await keyboard.press('v');
    await validity(view, 'valid').waitFor({ timeout: UI_TIMEOUT });
    await view.locator('.save-status[data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
    await reloadWorkbench(page); // the moment it says Saved: the action is on disk

    // The editor resumes at the request on screen before the reload, then walks back.
    const restored = webview(page);
    await waitForRequest(restored, 3, total, third);
    await validity(restored, 'valid').waitFor({ timeout: UI_TIMEOUT });
    await progress(restored, new RegExp(`^\\s*1 / ${total} reviewed[\\s\\S]*1 invalid · 1 corrected`)).waitFor({
      timeout: UI_TIMEOUT,
    });
    await restored.locator('h1.title').click();
    await page.keyboard.press('k');
    await waitForRequest(restored, 2, total, second);
    await restored.locator('ia-validity .status[data-status="invalid"]', { hasText: REASON_2 }).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('k');
    await waitForRequest(restored, 1, total, first);
    await addedChip(restored).waitFor({ timeout: UI_TIMEOUT });
    await validity(restored, 'valid').waitFor({ timeout: UI_TIMEOUT });
    await waitForBadges(restored, [...Array(CONFIRMED).fill('confirmed'), 'corrected']);

    const logged = readFileSync(annotationLogPath(shardFile, ANNOTATOR), 'utf8').trim().split('\n');
    assert.equal(logged.length, CONFIRMED + 4, 'the log holds 3 confirmations, 1 correction and 3 verdicts');
    await workbench.close();
    workbench = undefined;
  });

  test('the export carries every action, and nothing else changes', () => {
    const [first, second] = records;
    assert.equal(INVALID_REASONS[1], REASON_2, 'key "2" is the paper\'s "Image is item(s)"');
    const out = path.join(root, 'export');
    const summary = cli(
      'export',
      path.join(workspace(), 'shards'),
      '--out',
      out,
      '--seed',
      '7',
      '--release',
      SHARED_DATASET,
      '--quiet',
    );
    assert.match(summary, /requests invalidated: 1\b/);
    assert.match(summary, /items added: 1\b/);
    assert.ok(summary.includes(JSON.stringify(ADDED_ITEM)), 'the summary names the added item');

    const exported = readRecs(out);
    const released = readRecs(SHARED_DATASET);
    assert.equal(exported[second.id], undefined, 'the invalid request is out of recs.json');
    // A corrected request's S_r is the paper's rule over the corrected extraction (S_r(i) sums the upvotes of the
    // comments mentioning i; a negative comment counts nothing); a correction of a negative comment changes nothing.
    const target = byUpvotes(first)[CONFIRMED];
    const corrected = first.comments.map((comment) => ({
      upvotes: comment.upvotes,
      items: comment.id === target.id ? [...comment.extraction.items, ADDED_ITEM] : comment.extraction.items,
    }));
    const expected = target.upvotes < 0 ? released[first.id] : Object.fromEntries(relevance(corrected));
    assert.deepEqual(exported[first.id], expected);
    const others = Object.keys(released).filter((id) => id !== first.id && id !== second.id);
    assert.deepEqual(Object.keys(exported).sort(), [first.id, ...others].sort());
    for (const id of others) assert.deepEqual(exported[id], released[id], `recs of ${id} as released`);

    const rows = parseCsv(readFileSync(path.join(out, 'data', 'irrelevant_submissions.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.submission_id === second.id);
    assert.deepEqual(row, { subreddit: second.subreddit.toLowerCase(), submission_id: second.id, reason: REASON_2 });
  });
});
