// While the host asks something for the editor (Run Model's quick picks), no
// key reaches the annotation: a stress test of an annotator's rhythm in the
// real workbench: Esc cancels the streaming run, `p`, then Enter every 300 ms
// for the four picks. Between `p` and the picker taking the keyboard the
// focus is still in the webview; an Enter landing there used to confirm a
// comment. The log must hold model runs and no verdict on any comment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OpenAIServer } from '../helpers/openai-server';
import { ANNOTATOR, copyShard, loggedEvents, openShard, requestsOf, waitForTitle } from './editor-steps';
import { openWorkbench, type Workbench } from './workbench';

const PROFILE = 'loopback';
/** Cycles of cancel, p, Enter × 4 (IMAGERY_PICKER_CYCLES to stress longer). */
const CYCLES = Number(process.env.IMAGERY_PICKER_CYCLES ?? 12);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keys while the host asks', () => {
  let workbench: Workbench;
  let server: OpenAIServer;

  before(async () => {
    server = await OpenAIServer.start();
    // Every run streams slowly, so the next cycle's Esc finds it running.
    server.answerWith({ text: '1. nobody - nothing\n2. someone - something\n', chunks: 40, chunkDelayMs: 200 });
    workbench = await openWorkbench({
      settings: {
        'imageryAnnotator.annotator': ANNOTATOR,
        'imageryAnnotator.modelProfiles': [{ name: PROFILE, baseUrl: server.baseUrl, model: 'tiny-vision' }],
      },
    });
  });

  after(async () => {
    await workbench?.close();
    await server?.close();
  });

  test(`Esc, p and Enter every 300 ms, ${CYCLES} times: Enter goes to the picks, never to a comment`, async () => {
    const { page, workspace } = workbench;
    const shard = copyShard(workspace, 'music-001.shard.jsonl', 'picker.shard.jsonl');
    const [first] = requestsOf(shard);
    const view = await openShard(page, shard);
    await waitForTitle(view, first.title);
    const picker = page.locator('.quick-input-widget');
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Each cycle starts in the editor with no pick open: an Enter held back by the editor leaves the last pick waiting.
      if (await picker.isVisible()) {
        await picker.locator('input').click();
        await page.keyboard.press('Escape');
        await picker.waitFor({ state: 'hidden' });
      }
      await view.locator('h1.title').click();
      await page.keyboard.press('Escape');
      await page.keyboard.press('p');
      for (let pick = 0; pick < 4; pick++) {
        await sleep(300);
        await page.keyboard.press('Enter');
      }
      await sleep(300);
    }
    await sleep(1000);
    const events = loggedEvents(shard);
    const verdicts = events.filter((event) => event.type === 'extraction');
    assert.deepEqual(
      verdicts.map((event) => `${event.type} ${String((event as { verdict?: string }).verdict)}`),
      [],
      `an Enter meant for a pick reached the editor (${server.requests.length} runs reached the server)`,
    );
    assert.ok(server.requests.length >= 1, 'the picks were answered: runs reached the server');
  });
});
