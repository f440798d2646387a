// Extraction assist as a user tries it: the shared music release imported,
// opened in the real workbench (light and dark), S suggests items for every
// comment of the first request through the loopback server (the profile
// picked as for Run Model), and the possible misses and wrong items show
// beside the chips; + accepts a miss into the log. Screenshots go to
// IMAGERY_SHOTS_DIR when set (the README's picture is taken from there).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SHARED_DATASET, skipWithoutDataset } from '../helpers/dataset';
import { OpenAIServer } from '../helpers/openai-server';
import { ANNOTATOR, loggedEvents, openShard, until, WEBVIEW_TIMEOUT } from './editor-steps';
import { openWorkbench, REPO_ROOT } from './workbench';
import { choose } from './quick-input-steps';

const PROFILE = 'loopback';
const INVENTED = 'imagined band - invented song';
const shots = process.env.IMAGERY_SHOTS_DIR;

/** The extractor's answer: each comment's items less its last (a possible wrong one), plus an invented miss. */
function answerFor(shardFile: string): (raw: string) => string {
  const byRaw = new Map<string, string[]>();
  for (const line of readFileSync(shardFile, 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as { comments: { raw: string; extraction: { items: string[] } }[] };
    for (const comment of record.comments) byRaw.set(comment.raw, comment.extraction.items);
  }
  return (raw) => {
    const items = byRaw.get(raw) ?? [];
    return [...(items.length > 1 ? items.slice(0, -1) : items), INVENTED].join('\n');
  };
}

describe('extraction assist on the shared music release', { skip: skipWithoutDataset }, () => {
  let server: OpenAIServer;
  const workspaces: string[] = [];

  /** A fresh import per theme: nothing one test recorded or dismissed reaches the other. */
  function importedShard(): string {
    const workspace = mkdtempSync(path.join(tmpdir(), 'imagery-assist-'));
    workspaces.push(workspace);
    execFileSync(process.execPath, [
      path.join(REPO_ROOT, 'dist', 'cli.js'),
      'import',
      SHARED_DATASET,
      '--domain',
      'music',
      '--out',
      path.join(workspace, 'shards'),
    ]);
    return path.join(workspace, 'shards', 'music-001.shard.jsonl');
  }

  before(async () => {
    const answer = answerFor(importedShard());
    server = await OpenAIServer.start();
    server.answerWith((request) => {
      const content = String(request.body.messages[0].content);
      return { text: answer(content.slice(content.indexOf('output None.\n') + 'output None.\n'.length)), chunks: 3 };
    });
  });

  after(async () => {
    await server?.close();
    for (const workspace of workspaces) rmSync(workspace, { recursive: true, force: true });
  });

  for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
    test(`S suggests for every comment; misses and wrong items show beside the chips (${theme})`, async () => {
      const shard = importedShard();
      const workbench = await openWorkbench({
        workspace: path.dirname(path.dirname(shard)),
        settings: {
          'workbench.colorTheme': theme,
          'imageryAnnotator.annotator': ANNOTATOR,
          'imageryAnnotator.modelProfiles': [{ name: PROFILE, baseUrl: server.baseUrl, model: 'gpt-3.5-turbo-0125' }],
        },
      });
      try {
        const { page } = workbench;
        // The first request has 436 comments: more time than a small one.
        const view = await openShard(page, shard, 2 * WEBVIEW_TIMEOUT);
        await view.locator('h1.title').click();
        await page.keyboard.press('S');
        await choose(page, 'Suggest items: profile', PROFILE);
        const status = view.locator('ia-comment-list .suggest-status');
        await status
          .filter({ hasText: /Suggested items with gpt-3.5-turbo-0125: (\d+) \/ \1 comments?/ })
          .waitFor({ timeout: 60_000 });
        const miss = view.locator('ia-comment article[aria-current="true"] li.chip.miss');
        assert.equal(await miss.locator('.chip-text').textContent(), INVENTED);
        if (shots) {
          mkdirSync(shots, { recursive: true });
          const name = theme.includes('Dark') ? 'dark' : 'light';
          writeFileSync(path.join(shots, `extraction-assist-${name}.png`), await page.screenshot());
        }
        // Walk to the miss chip and accept it: an ordinary correction in the log.
        const chips = await view.locator('ia-comment article[aria-current="true"] li.chip[data-item]').count();
        for (let i = 0; i < chips; i++) await page.keyboard.press(']');
        await page.keyboard.press('+');
        await until('the accepted miss in the log', () =>
          loggedEvents(shard).some((event) => event.type === 'extraction' && JSON.stringify(event).includes(INVENTED)),
        );
        assert.ok(loggedEvents(shard).some((event) => event.type === 'extraction-run'));
      } finally {
        await workbench.close();
      }
    });
  }
});
