// Data in the real workbench's own surfaces, light and dark: a shard named with
// $(zap) and an unclosed U+202E, a queue file named with a command link, a
// request title with U+202E, a 200,000-character comment and item, a
// 100,000-character model name and a 1.9 MB answer. Checked in the DOM: no
// icon in the status bar's hover or the quick pick, no link in the
// notification (and a click on its text runs nothing), our own words not
// reversed, the long data inside the window. Screenshots go to IMAGERY_SHOTS.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { annotationLogPath } from '../../src/core/annotations/paths';
import { QUEUE_FORMAT, QUEUE_VERSION } from '../../src/core/validation/queue';
import { GIANT_ANSWER } from '../fixtures/giant-answer';
import { ANNOTATOR, until, WEBVIEW_TIMEOUT } from './editor-steps';
import { notification, runCommand, UI_TIMEOUT } from './first-run-steps';
import { openWorkbench, quickOpen, VIEWPORT, webview } from './workbench';
import { modelRunEvent } from '../fixtures/model-run';

const SHOTS = process.env.IMAGERY_SHOTS ?? path.join(__dirname, '..', '..', 'test-results', 'hostile-names');
const COMMAND_LINK = '[Click to fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20hi%22%7D)';
const RLO = '\u202e';
const SHARD_NAME = `hostile $(zap) ${RLO}eman.shard.jsonl`;
const ZAP_QUEUE = 'hostile $(zap).queue.json';
const LINK_QUEUE = `${COMMAND_LINK}${RLO}.queue.json`;
const TITLE = `What does ${RLO}this sunset sound like?`;
const GIANT_MODEL = 'gpt-' + 'x'.repeat(100_000);
const GIANT_ITEM = 'artist - ' + 'y'.repeat(200_000);
const COLLEAGUE = 'ben';

/** The sample's first music request, retitled, with a 200,000-character comment and item, a giant model name and answer. */
function hostileShard(workspace: string): { file: string; request: string } {
  const [first] = readFileSync(path.join(workspace, 'shards', 'music-001.shard.jsonl'), 'utf8').split('\n');
  const record = JSON.parse(first) as {
    id: string;
    title: string;
    comments: { raw: string; upvotes: number; extraction?: { raw: string; items: string[] } }[];
    runs: object[];
  };
  record.title = TITLE;
  Object.assign(record.comments[0], {
    raw: `Giant ${GIANT_ITEM}`,
    upvotes: 1_000,
    extraction: { raw: GIANT_ITEM, items: [GIANT_ITEM] },
  });
  record.runs.push(
    { model: 'verbose', input: 'image', task: 'rec_title', answer: GIANT_ANSWER },
    { model: GIANT_MODEL, input: 'image', task: 'rec_title', answer: '1. The Amber Moths - The Last Neon Rain' },
  );
  const file = path.join(workspace, 'shards', SHARD_NAME);
  writeFileSync(file, JSON.stringify(record) + '\n');
  return { file, request: record.id };
}

/** A colleague's log beside the shard holding one inline run of `request`, made on their machine. */
function colleagueRun(shard: string, request: string): void {
  const run = modelRunEvent('ben-run-1', COLLEAGUE, {
    request,
    model: 'colleague-model',
    answer: '1. The Amber Moths - The Last Neon Rain',
  });
  const log = annotationLogPath(shard, COLLEAGUE);
  mkdirSync(path.dirname(log), { recursive: true });
  writeFileSync(log, JSON.stringify(run) + '\n');
}

function writeQueue(workspace: string, fileName: string, name: string, request: string): void {
  const shard = path.basename(SHARD_NAME);
  const queue = { format: QUEUE_FORMAT, version: QUEUE_VERSION, name, unit: 'requests', seed: 1, population: 1 };
  const text = JSON.stringify({ ...queue, shards: [shard], items: [{ shard, request }] });
  writeFileSync(path.join(workspace, 'shards', fileName), text);
}

/** Left edges of the first occurrence of each word in `element`'s text, in page pixels (-1 when absent). */
async function wordLefts(element: Locator, words: string[]): Promise<number[]> {
  return element.evaluate((node, wanted) => {
    const walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    const lefts = wanted.map(() => -1);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      wanted.forEach((word, index) => {
        const at = (text.textContent ?? '').indexOf(word);
        if (at === -1 || lefts[index] !== -1) return;
        const range = node.ownerDocument.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        lefts[index] = range.getBoundingClientRect().left;
      });
    }
    return lefts;
  }, words);
}

/** Asserts `element` lies inside the window's width (a frame's boxes are in page pixels). */
async function assertInsideWidth(element: Locator, what: string): Promise<void> {
  const box = await element.boundingBox();
  assert.ok(box, `${what} is not laid out`);
  assert.ok(box.x >= 0 && box.x + box.width <= VIEWPORT.width, `${what} spans ${box.x}..${box.x + box.width} px`);
}

async function checkStatusBar(page: Page, slug: string): Promise<void> {
  const status = page.locator('.statusbar-item', { hasText: 'Imagery: 0/1 reviewed' }).first();
  await status.waitFor({ timeout: WEBVIEW_TIMEOUT });
  await status.hover();
  const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'reviewed (0 invalid)' }).first();
  await hover.waitFor({ timeout: UI_TIMEOUT });
  await page.screenshot({ path: path.join(SHOTS, `status-hover-${slug}.png`) });
  const shown = (await hover.textContent()) ?? '';
  assert.doesNotMatch(shown, /[\u202a-\u202e]/, 'no override left open in the tooltip');
  assert.match(
    shown,
    /hostile \$\u200b?\(zap\) eman\.shard\.jsonl: 0 of 1 reviewed \(0 invalid\)\. Click: next unreviewed request\./,
  );
  assert.equal(
    await page.locator('.statusbar .codicon-zap, .monaco-hover .codicon-zap, .workbench-hover .codicon-zap').count(),
    0,
  );
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
}

async function checkEditor(page: Page, view: FrameLocator, slug: string): Promise<void> {
  const title = view.locator('h1.title');
  assert.equal(await title.textContent(), TITLE, 'the title is shown as its text');
  // Our own words after the title (the request's meta line) still read left to right.
  const [subreddit, id] = await wordLefts(view.locator('ia-query .meta'), ['r/', 'id ']);
  assert.ok(subreddit >= 0 && id > subreddit, `meta line left edges: r/ at ${subreddit}, id at ${id}`);
  const comment = view.locator('ia-comment', { hasText: 'Giant artist' }).first();
  await comment.waitFor({ timeout: WEBVIEW_TIMEOUT });
  await assertInsideWidth(comment, 'the 200,000-character comment');
  await page.screenshot({ path: path.join(SHOTS, `editor-${slug}.png`) });

  // A colleague's inline run of this request is listed, marked as theirs.
  const theirs = view.locator('ia-model-title-run', { hasText: 'colleague-model' }).first();
  await theirs.waitFor({ timeout: WEBVIEW_TIMEOUT });
  assert.equal(await theirs.locator('h3 .by').textContent(), `run by ${COLLEAGUE}`);
  const giantRun = view.locator('ia-model-title-run', { hasText: 'gpt-xxxx' }).first();
  await giantRun.scrollIntoViewIfNeeded();
  await assertInsideWidth(giantRun.locator('h3'), 'the heading of the 100,000-character model');
  const verbose = view.locator('ia-model-title-run', { hasText: 'verbose' }).first();
  await verbose.scrollIntoViewIfNeeded();
  assert.equal(await view.locator('pre.raw').count(), 0, 'no raw answer in the page until opened');
  await verbose.locator('summary').click();
  const raw = verbose.locator('pre.raw');
  await raw.waitFor({ timeout: WEBVIEW_TIMEOUT });
  assert.equal(((await raw.textContent()) ?? '').length, 20_000, 'the 1.9 MB answer enters the page clamped');
  await assertInsideWidth(raw, "the 1.9 MB answer's text");
  await verbose.locator('.show-all').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, `raw-answer-${slug}.png`) });
  // The page itself never scrolls sideways.
  const overflow = await title.evaluate(
    (node) => node.ownerDocument.documentElement.scrollWidth - node.ownerDocument.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `the editor page is ${overflow} px wider than its frame`);
}

async function checkQueuePick(page: Page, slug: string): Promise<void> {
  await runCommand(page, 'Imagery: Open Review Queue…');
  // Found by its start: with $(zap) made an icon the row would read "hostile ⚡.queue.json".
  const zapRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'shards/hostile' }).first();
  const linkRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Click to fix' }).first();
  await zapRow.waitFor({ timeout: UI_TIMEOUT });
  await linkRow.waitFor({ timeout: UI_TIMEOUT });
  await page.screenshot({ path: path.join(SHOTS, `queue-pick-${slug}.png`) });
  assert.match((await zapRow.textContent()) ?? '', /hostile \$\u200b?\(zap\)\.queue\.json/, 'the row shows $(zap) as text');
  assert.equal(await page.locator('.quick-input-list .codicon-zap').count(), 0, 'no icon from the queue file name');
  assert.doesNotMatch((await linkRow.textContent()) ?? '', /[\u202a-\u202e]/, 'no override left open in the pick');
}

/** Chooses the queue file named with a command link in the open pick: its error shows the path, no link. */
async function checkNotification(page: Page, slug: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Click to fix' }).first().click();
  const toast = await notification(page, 'not a review queue');
  // In the notification center it shows one line: expanded, the screenshot shows the whole message.
  const expand = toast.locator('.codicon-notifications-expand');
  if (await expand.isVisible()) await expand.click();
  await page.screenshot({ path: path.join(SHOTS, `queue-notification-${slug}.png`) });
  const message = toast.locator('.notification-list-item-message');
  const text = (await message.textContent()) ?? '';
  assert.match(text, /\[Click to fix\]\u200b?\(command:workbench\.action\.terminal\.sendSequence/, 'the path is shown as text');
  assert.match(text, /\.queue\.json: not a review queue: name: use letters/);
  assert.doesNotMatch(text, /[\u202a-\u202e]/, 'no override left open in the message');
  assert.equal(await message.locator('a').count(), 0, 'the message holds no link');
  // Where the link would be, a click does nothing: no terminal opens.
  await message.click();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.equal(await page.locator('.terminal-wrapper, .integrated-terminal').count(), 0, 'no terminal was opened');
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  describe(`hostile names in the workbench, ${theme}`, () => {
    test('no icon, link or reversed words of ours on VS Code surfaces; long data inside the window', async (t) => {
      const slug = theme.includes('Light') ? 'light' : 'dark';
      mkdirSync(SHOTS, { recursive: true });
      const workbench = await openWorkbench({
        settings: { 'imageryAnnotator.annotator': ANNOTATOR, 'workbench.colorTheme': theme },
      });
      try {
        const { page, workspace } = workbench;
        const { file, request } = hostileShard(workspace);
        colleagueRun(file, request);
        writeQueue(workspace, ZAP_QUEUE, 'zap-queue', request);
        writeQueue(workspace, LINK_QUEUE, COMMAND_LINK, request);

        await quickOpen(page, 'eman.shard.jsonl');
        const view = webview(page);
        await view.locator('h1.title').waitFor({ timeout: WEBVIEW_TIMEOUT });
        await until('the whole request to show', async () => (await view.locator('ia-model-title-run').count()) > 0);
        // Subtests, so one surface failing still lets the others be checked and shown.
        await t.test('the status bar: its hover shows the file name as text', () => checkStatusBar(page, slug));
        await t.test('the editor: the title as text, long data inside the window', () => checkEditor(page, view, slug));
        await t.test('the queue pick: the file name as text, no icon', () => checkQueuePick(page, slug));
        await t.test('the notification: the path as text, no link', () => checkNotification(page, slug));
      } finally {
        await workbench.close();
      }
    });
  });
}
