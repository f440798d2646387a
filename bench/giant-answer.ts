// A 1.9 MB model answer in the model panel, in the real webview bundle in
// headless Chromium: returning to its request, toggling its raw answer (R)
// and Keep of a 1.9 MB cut answer, each from the message or key press to the
// first frame painted after the panel shows the result. Before the raw answer
// was rendered lazily these took 2.6-3.4 s, 2.2 s and 3.6 s.
import { emptyRequestState, type RequestState } from '../src/core/annotations/state';
import type { HostToWebview, LiveModelRun } from '../src/protocol';
import { initMessage, makeRecord, showMessage } from '../test/fixtures/synthetic-record';
import { GIANT_ANSWER, giantInlineRun } from '../test/fixtures/giant-answer';
import { openHarness, type Harness } from '../test/webview/harness';
import { measured, type Figure } from './report';
import { median } from './stats';

const BUDGET_MS = 200;
const ROUNDS = 5;

/** Page side: `window.__giant.time(start, check)` resolves with ms from `start()` to the frame after `check()` holds. */
const PROBE = `(() => {
  const panel = () => document.querySelector('ia-app')?.shadowRoot?.querySelector('ia-model-panel')?.shadowRoot;
  const card = (tag) => panel()?.querySelector(tag);
  window.__giant = {
    titles: () => card('ia-model-title-run')?.shadowRoot?.querySelectorAll('li').length ?? 0,
    raw: () => !!card('ia-model-title-run')?.shadowRoot?.querySelector('ia-long-text')?.shadowRoot?.querySelector('pre.raw'),
    live: () => !!card('ia-model-live-run'),
    messages: [],
    time(start, check) {
      return new Promise((resolve) => {
        const t0 = performance.now();
        start();
        const frame = () => (check() ? setTimeout(() => resolve(performance.now() - t0), 0) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      });
    },
  };
})()`;

const record = (id: string, answer: string) =>
  makeRecord({ id, runs: [{ model: 'verbose', input: 'image', task: 'rec_title', answer }] });

/** Puts host messages in the page first, so a timing holds the webview's work (and the message's copy), not the harness's. */
async function stage(h: Harness, messages: HostToWebview[]): Promise<void> {
  await h.pageValue(`window.__giant.messages = JSON.parse(${JSON.stringify(JSON.stringify(messages))})`);
}

const POST_STAGED = `() => window.__giant.messages.forEach((m) => window.postMessage(m, '*'))`;

async function rounds(h: Harness, one: () => Promise<number>): Promise<number[]> {
  await one(); // warm-up
  const samples: number[] = [];
  for (let n = 0; n < ROUNDS; n++) samples.push(await one());
  return samples;
}

export async function giantAnswerFigures(bundle: string, log: (line: string) => void): Promise<Figure[]> {
  log('webview: a 1.9 MB model answer (return to its request, toggle raw, Keep)');
  const h = await openHarness({ bundle });
  try {
    await h.pageValue(PROBE);
    await h.send(initMessage());
    const small = showMessage(record('small', '1. A Band - One'));
    const giant = showMessage(record('giant', GIANT_ANSWER));

    const returnTo = await rounds(h, async () => {
      await h.send(small);
      await stage(h, [giant]);
      return h.pageValue(`window.__giant.time(${POST_STAGED}, () => window.__giant.titles() === 20)`);
    });

    await h.blurFocus();
    const toggle = await rounds(h, async () => {
      const open = (await h.pageValue('window.__giant.raw()')) as boolean;
      const press = `() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'R', shiftKey: true, bubbles: true }))`;
      return h.pageValue(`window.__giant.time(${press}, () => window.__giant.raw() === ${!open})`);
    });

    const cut: LiveModelRun = {
      id: 'cut',
      requestId: 'empty',
      task: 'rec_title',
      prompt: 'standard',
      input: 'image',
      profile: 'local',
      model: 'verbose',
      phase: 'truncated',
      text: GIANT_ANSWER,
      error: { kind: 'truncated', message: 'cut at the token limit' },
    };
    const state: RequestState = { ...emptyRequestState(), runs: [giantInlineRun('kept', 'bench')] };
    const keep = await rounds(h, async () => {
      await h.send(showMessage(makeRecord({ id: 'empty', runs: [] })));
      await h.send({ type: 'modelRun', run: cut });
      // What the host sends on Keep: the run in the request's state, then the live card's end.
      await stage(h, [
        { type: 'state', requestId: 'empty', state },
        { type: 'modelRun', run: { ...cut, phase: 'stored' } },
      ]);
      return h.pageValue(`window.__giant.time(${POST_STAGED}, () => !window.__giant.live() && window.__giant.titles() === 20)`);
    });

    const note = `median of ${ROUNDS} after a warm-up; ${(GIANT_ANSWER.length / 1e6).toFixed(1)} M characters; before lazy raw: 2.6-3.4 s, 2.2 s, 3.6 s`;
    return [
      measured('1.9 MB answer: return to its request', 'ms', median(returnTo), BUDGET_MS, note),
      measured('1.9 MB answer: toggle raw (R)', 'ms', median(toggle), BUDGET_MS, note),
      measured('1.9 MB answer: Keep a cut answer', 'ms', median(keep), BUDGET_MS, note),
    ];
  } finally {
    await h.close();
  }
}
