// The whole-shard extraction assist as a user walks it in the real workbench,
// on the project's own sample (always runs): with a shard open, `imagery
// extract --shards` in the integrated terminal asks the loopback server for
// every comment (the request on screen takes the answers as they are written),
// `imagery sample --extraction-disagreements` writes a queue of the comments
// where its items differ, and "Imagery: Open Review Queue…" walks it. The
// server agrees on every comment but two: it invents a miss on one and drops
// an item of another. The editor lands on each, shows the batch run's miss as
// a dashed chip and marks the dropped item; + accepts the miss (a correction:
// chip, status, S_r), - dismisses the mark (logged), and the queue's banner
// and status bar count along. Light and dark; screenshots go to
// IMAGERY_SHOTS_DIR when set.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { OpenAIServer } from '../helpers/openai-server';
import { ANNOTATOR, loggedEvents, openShard, until, waitForLog, waitForTitle, WEBVIEW_TIMEOUT } from './editor-steps';
import { runCommand, UI_TIMEOUT } from './first-run-steps';
import { openTerminal, TERMINAL_SETTINGS, terminalRows, typeInTerminal } from './terminal-steps';
import { openWorkbench, REPO_ROOT, webview } from './workbench';

const SHARD = 'music-001.shard.jsonl';
const RUN = 'loop';
const QUEUE = 'loop-disagrees';
/** The comment the server finds an extra item in (smu001's top comment, 39 upvotes). */
const MISSED = { request: 'smu001', comment: 'smu001c05', upvotes: 39, item: 'imagined band - invented song' };
/** The comment whose second item the server leaves out (smu002, 20 upvotes). */
const DROPPED = { request: 'smu002', comment: 'smu002c02', item: 'the paper tides - harbour of small hours' };
const shots = process.env.IMAGERY_SHOTS_DIR;

interface SampleComment {
  id: string;
  raw: string;
  extraction: { items: string[] };
}

/** Every comment of the sample's shards: its text, as the extractor's request ends with it, and its stored items. */
function sampleComments(): SampleComment[] {
  const folder = path.join(REPO_ROOT, 'sample', 'shards');
  return ['music-001', 'music-002', 'books-001', 'books-002'].flatMap((name) =>
    readFileSync(path.join(folder, `${name}.shard.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => (JSON.parse(line) as { comments: SampleComment[] }).comments),
  );
}

/** The server's answer to a comment's text: its stored items, but for the two comments above. */
function extractorAnswers(): (raw: string) => string {
  const comments = sampleComments();
  const byRaw = new Map<string, string[]>();
  for (const comment of comments) if (!byRaw.has(comment.raw)) byRaw.set(comment.raw, comment.extraction.items);
  for (const { comment: id, item } of [MISSED, DROPPED]) {
    const comment = comments.find((candidate) => candidate.id === id);
    assert.ok(comment, `${id} is not in the sample`);
    // The answer goes by the text: another comment with the same text would disagree too.
    assert.equal(comments.filter((other) => other.raw === comment.raw).length, 1, `${id}'s text is not unique`);
    const stored = comment.extraction.items;
    byRaw.set(comment.raw, id === MISSED.comment ? [...stored, item] : stored.filter((kept) => kept !== item));
  }
  return (raw) => (byRaw.get(raw) ?? []).join('\n') || 'None';
}

async function snap(page: Page, theme: string, step: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  writeFileSync(path.join(shots, `disagreements-${theme}-${step}.png`), await page.screenshot());
}

/** Waits until a visible row of the terminal matches. */
async function terminalShows(page: Page, pattern: RegExp, timeoutMs = UI_TIMEOUT): Promise<string> {
  let found = '';
  await until(
    `the terminal to show ${pattern}`,
    async () => {
      found = (await terminalRows(page)).find((row) => pattern.test(row)) ?? '';
      return found !== '';
    },
    timeoutMs,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}; it shows:\n${(await terminalRows(page)).join('\n')}`);
  });
  return found;
}

describe('a batch extraction run walked as a disagreement queue', () => {
  let server: OpenAIServer;

  before(async () => {
    const answer = extractorAnswers();
    server = await OpenAIServer.start();
    server.answerWith((request) => {
      const content = String(request.body.messages[0].content);
      return { text: answer(content.slice(content.indexOf('output None.\n') + 'output None.\n'.length)) };
    });
  });

  after(async () => {
    await server?.close();
  });

  for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
    const name = theme.includes('Dark') ? 'dark' : 'light';
    test(`extract and sample in the terminal, then the queue's misses and wrong items are accepted and dismissed (${name})`, async () => {
      const workbench = await openWorkbench({
        settings: { 'workbench.colorTheme': theme, 'imageryAnnotator.annotator': ANNOTATOR, ...TERMINAL_SETTINGS },
      });
      try {
        const { page, workspace } = workbench;
        const shard = path.join(workspace, 'shards', SHARD);
        // The shard is open (the extension has started, so new terminals have `imagery`) while the run happens.
        const shown = await openShard(page, shard);
        await openTerminal(page, UI_TIMEOUT);
        const asked = server.requests.length;
        await typeInTerminal(
          page,
          `imagery extract --shards shards --out extractions --base-url ${server.baseUrl} --model loop-extractor --name ${RUN}`,
        );
        const answered = await terminalShows(page, /answered \d+ comment\(s\) now/);
        const total = sampleComments().length;
        assert.match(
          answered,
          new RegExp(`answered ${total} comment\\(s\\) now, 0 before; 0 unreadable line\\(s\\); 0 failed; 0 missing`),
        );
        assert.equal(server.requests.length - asked, total);
        // The request on screen takes the run's miss as the file is written, without moving.
        await shown
          .locator('ia-comment article[aria-current="true"] li.chip.miss', { hasText: MISSED.item })
          .waitFor({ timeout: WEBVIEW_TIMEOUT });
        await typeInTerminal(page, `imagery sample shards --extraction-disagreements extractions/${RUN}/music --name ${QUEUE}`);
        await terminalShows(page, /2 of 2 comments where the run disagrees/);
        const queueFile = path.join(workspace, 'shards', `${QUEUE}.queue.json`);
        assert.ok(existsSync(queueFile), `${queueFile} was not written`);
        assert.deepEqual(
          (JSON.parse(readFileSync(queueFile, 'utf8')) as { items: unknown[] }).items,
          [MISSED, DROPPED].map(({ request, comment }) => ({ shard: SHARD, request, comment })),
        );
        await snap(page, name, '1-terminal');

        await runCommand(page, 'Imagery: Open Review Queue…');
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: `${QUEUE}.queue.json` })
          .first()
          .waitFor();
        await page.keyboard.press('Enter');
        const view = webview(page);
        const status = (done: number) => page.locator('.statusbar-item', { hasText: `Imagery: queue ${QUEUE} ${done}/2 done` });
        const banner = (item: number, done: number) =>
          view.locator('.queue-bar', { hasText: `Queue ${QUEUE}: item ${item} of 2 · ${done} done by you` });
        await waitForTitle(view, 'What does this sunset sound like?', page);
        await banner(1, 0).waitFor({ timeout: WEBVIEW_TIMEOUT });
        await status(0).waitFor({ timeout: WEBVIEW_TIMEOUT });

        // Landed on the comment the run disagrees on: its miss is a dashed chip after the items, from the batch run.
        const current = view.locator('ia-comment article[aria-current="true"]');
        await current.locator('.upvotes', { hasText: `▲ ${MISSED.upvotes}` }).waitFor({ timeout: WEBVIEW_TIMEOUT });
        const miss = current.locator('li.chip.miss');
        assert.equal(await miss.locator('.chip-text').textContent(), MISSED.item);
        assert.equal(await miss.getAttribute('title'), `Possible miss, found by batch run ${RUN}. + adds it, - dismisses it`);
        assert.equal(await current.locator('li.chip.possibly-wrong').count(), 0);
        await snap(page, name, '2-landed');

        // ] walks the two items, then the miss; + makes it an item of the comment: a correction, S_r follows.
        await view.locator('h1.title').click();
        for (let step = 0; step < 2; step++) await page.keyboard.press(']');
        assert.equal(await current.locator('li.chip.selected').getAttribute('data-miss'), MISSED.item);
        await page.keyboard.press('+');
        await current.locator(`li.chip[data-item="${MISSED.item}"]`).waitFor({ timeout: WEBVIEW_TIMEOUT });
        assert.equal(await current.locator('li.chip.miss').count(), 0);
        assert.equal(await current.locator('ia-badge[data-status]').getAttribute('data-status'), 'corrected');
        const added = view.locator('ia-relevance li.added', { hasText: MISSED.item });
        assert.equal(await added.locator('.score').textContent({ timeout: WEBVIEW_TIMEOUT }), String(MISSED.upvotes));
        const corrected = await waitForLog(shard, (events) => events.some((event) => event.type === 'extraction'));
        assert.deepEqual(
          corrected
            .filter((event) => event.type === 'extraction')
            .map(({ request, comment, verdict, items }) => ({ request, comment, verdict, items })),
          [
            {
              request: MISSED.request,
              comment: MISSED.comment,
              verdict: 'corrected',
              items: [...itemsOf(MISSED.comment), MISSED.item],
            },
          ],
        );
        await banner(1, 1).waitFor({ timeout: WEBVIEW_TIMEOUT });
        await status(1).waitFor({ timeout: WEBVIEW_TIMEOUT });
        await snap(page, name, '3-accepted');

        // j: the queue's next item, in the next request; the item the run left out is marked.
        await page.keyboard.press('j');
        await waitForTitle(view, 'Songs for a rainy neon city at 2am', page);
        await banner(2, 1).waitFor({ timeout: WEBVIEW_TIMEOUT });
        const wrong = current.locator('li.chip.possibly-wrong');
        await wrong.waitFor({ timeout: WEBVIEW_TIMEOUT });
        assert.equal(await wrong.getAttribute('data-item'), DROPPED.item);
        assert.equal(await wrong.locator('.wrong-mark').textContent(), '?');
        assert.equal(await current.locator('li.chip.miss').count(), 0);
        await page.keyboard.press(']');
        assert.equal(await current.locator('li.chip.selected').getAttribute('data-item'), DROPPED.item);
        await snap(page, name, '4-wrong');

        // - keeps the item and records the dismissal; the mark goes. c then confirms the comment: the queue is done.
        await page.keyboard.press('-');
        const dismissed = await waitForLog(shard, (events) => events.some((event) => event.type === 'extraction-dismiss'));
        assert.deepEqual(
          dismissed
            .filter((event) => event.type === 'extraction-dismiss')
            .map(({ request, comment, ...rest }) => {
              const { kind, item } = rest as { kind?: string; item?: string };
              return { request, comment, kind, item };
            }),
          [{ request: DROPPED.request, comment: DROPPED.comment, kind: 'wrong', item: DROPPED.item }],
        );
        await until('the wrong mark to go', async () => (await current.locator('li.chip.possibly-wrong').count()) === 0);
        assert.ok(await current.locator(`li.chip[data-item="${DROPPED.item}"]`).isVisible());
        await snap(page, name, '5-dismissed');
        await page.keyboard.press('c');
        await banner(2, 2).waitFor({ timeout: WEBVIEW_TIMEOUT });
        await status(2).waitFor({ timeout: WEBVIEW_TIMEOUT });
        assert.ok(loggedEvents(shard).some((event) => event.comment === DROPPED.comment && event.verdict === 'confirmed'));
      } finally {
        await workbench.close();
      }
    });
  }
});

/** A sample comment's stored items. */
function itemsOf(commentId: string): string[] {
  const comment = sampleComments().find((candidate) => candidate.id === commentId);
  assert.ok(comment, `${commentId} is not in the sample`);
  return comment.extraction.items;
}
