// The model panel on the real bundle in Chromium: stored runs scored against
// the corrected truth, verdicts by keyboard, a run that streams, waits,
// fails, is cancelled (button and Esc) or kept, and answers shown as text.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { InlineRun, RequestState } from '../../src/core/annotations/state';
import type { LiveModelRun } from '../../src/protocol';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const TITLES = [
  '1. Alpha Band - Moon Sogn',
  '2. Zeta - Nothing Here',
  '3. Beta Writer - Some Book',
  '4. "Gamma Trio - Harbour Lights"',
].join('\n');

function record(id: string) {
  return makeRecord({
    id,
    choice: { choices: ['one', 'two', 'three', 'four', 'five'], true_index: 2 },
    runs: [
      { model: 'gpt-x', input: 'image', task: 'rec_title', answer: TITLES },
      // The paper's parser: an answer that starts with "A" and has no "X." falls through to no pick.
      { model: 'gpt-x', input: 'image', task: 'rec_choice', answer: 'A' },
      { model: 'llava', input: 'image', task: 'rec_choice', answer: 'C. three' },
      // A text model given another model's descriptions: its label must not read as if that model answered.
      { model: 'gpt-3.5-turbo-0125', input: 'gpt-4-vision-preview', task: 'rec_choice', answer: 'C.' },
    ],
  });
}

function live(overrides: Partial<LiveModelRun>): LiveModelRun {
  return {
    id: 'live-1',
    requestId: 'req-m',
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    profile: 'local',
    model: 'tiny',
    phase: 'running',
    text: '',
    ...overrides,
  };
}

describe('model panel', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());
  beforeEach(async () => {
    await h.showAfresh(showMessage(record('req-m')), 'ia-model-title-run');
  });

  it('marks each title hit or miss with the matched item and edit distance or creator match, and Hit@1/10/20', async () => {
    const items = h.page.locator('ia-model-title-run li');
    assert.equal(await items.count(), 4);
    const texts = (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    assert.match(texts[0], /✓ hit alpha band - moon sogn → alpha band - moon song \(edit distance 2\)/);
    assert.match(texts[1], /✗ miss zeta - nothing here/);
    assert.match(texts[2], /✓ hit beta writer - some book → beta writer \(creator match\)/);
    assert.match(texts[3], /✓ hit gamma trio - harbour lights → gamma trio - harbour lights \(edit distance 0\)/);
    assert.equal(await h.page.locator('ia-model-title-run .hit-at').textContent(), 'Hit@1 1 · Hit@10 1 · Hit@20 1');
  });

  it("draws a new request's runs after the frame that paints its title, not in it", async () => {
    const next = { ...record('req-n'), title: 'The next request' };
    // Page-side: the first frame whose DOM shows the new title; a task queued from it runs once that frame is painted.
    const panelInPaintedFrame = await h.pageValue(`new Promise((resolve) => {
      const app = () => document.querySelector('ia-app').shadowRoot;
      const frame = () => {
        if (app().querySelector('ia-query')?.shadowRoot?.querySelector('h1.title')?.textContent !== ${JSON.stringify(next.title)}) {
          requestAnimationFrame(frame);
          return;
        }
        setTimeout(() => resolve(app().querySelector('ia-model-panel') !== null), 0);
      };
      requestAnimationFrame(frame);
      window.postMessage(${JSON.stringify(showMessage(next))}, '*');
    })`);
    assert.equal(panelInPaintedFrame, false, 'the title is painted without waiting for the model runs');
    await h.page.locator('ia-model-title-run').first().waitFor();
    assert.equal(await h.page.locator('ia-model-title-run li').count(), 4, 'the runs follow');
  });

  it('scores against the corrected truth: a correction that drops an item turns its hit into a miss', async () => {
    const state: RequestState = {
      comments: { c1: { status: 'corrected', items: ['beta writer'] } },
      modelVerdicts: {},
      notes: [],
    };
    await h.send(showMessage(record('req-m2'), { state }));
    const first = h.page.locator('ia-model-title-run li').first();
    await first.locator('text=✗ miss').waitFor();
    assert.match((await h.page.locator('ia-model-title-run .hit-at').textContent()) ?? '', /^Hit@1 0 · Hit@10 1/);
  });

  it('shows the five candidates, the parsed pick (quirk included), the true answer and right or wrong', async () => {
    const [quirk, right] = await h.page.locator('ia-model-choice-run .outcome').allTextContents();
    assert.equal(quirk, 'no letter read: wrong');
    assert.equal(right, 'picked C: right');
    const choices = h.page.locator('ia-model-choice-run').nth(1).locator('ol.choices li');
    assert.equal(await choices.count(), 5);
    assert.match((await choices.nth(2).textContent()) ?? '', /three \(true answer\) ← model's pick/);
  });

  it('labels each run with its input named as an input and its task in words', async () => {
    const headings = (
      await h.page.locator('ia-model-choice-run h3 .model, ia-model-choice-run h3 .run-details').allTextContents()
    ).map((text) => text.trim());
    assert.deepEqual(headings, [
      'gpt-x',
      '· stored · on the images · multiple choice',
      'llava',
      '· stored · on the images · multiple choice',
      'gpt-3.5-turbo-0125',
      '· stored · on descriptions by gpt-4-vision-preview · multiple choice',
    ]);
  });

  it('takes verdicts by keyboard: m / M move runs, . / , move titles, r w u y d judge, again takes back, R shows the raw answer', async () => {
    await h.page.keyboard.press('.');
    await h.page.keyboard.press('.');
    await h.page.keyboard.press(',');
    await h.page.keyboard.press('w');
    await h.page.keyboard.press('.');
    await h.page.keyboard.press('.');
    await h.page.keyboard.press('r');
    await h.page.keyboard.press('r');
    await h.page.keyboard.press('u');
    await h.page.keyboard.press('m');
    await h.page.keyboard.press('y');
    await h.page.keyboard.press('m');
    await h.page.keyboard.press('d');
    await h.page.keyboard.press('M');
    await h.page.keyboard.press('R');
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.type, d.run, d.target.kind === 'title' ? d.target.index : 'choice', d.verdict]),
      [
        ['model-verdict', 'gpt-x/image/rec_title', 1, 'not-relevant'],
        ['model-verdict', 'gpt-x/image/rec_title', 3, 'relevant'],
        ['model-verdict', 'gpt-x/image/rec_title', 3, 'unreviewed'],
        ['model-verdict', 'gpt-x/image/rec_title', 3, 'unsure'],
        ['model-verdict', 'gpt-x/image/rec_choice', 'choice', 'agree'],
        ['model-verdict', 'llava/image/rec_choice', 'choice', 'disagree'],
      ],
    );
    assert.ok(drafts.every((d) => d.request === 'req-m'));
    // Shown at once, before the host answers.
    assert.equal(await h.page.locator('ia-model-title-run li[data-index="1"] .verdict').textContent(), '[wrong match]');
    assert.equal(await h.page.locator('ia-model-title-run li[data-index="3"] .verdict').textContent(), '[unsure]');
    const raw = h.page.locator('ia-model-choice-run[selected] details');
    assert.equal(await raw.getAttribute('open'), '', 'R opened the raw answer of the selected run');
  });

  it('streams a run into the panel, shows the rate-limit wait, and cancels by button and by Esc', async () => {
    await h.send({ type: 'modelRun', run: live({ text: '1. Alpha' }) });
    const card = h.page.locator('ia-model-live-run');
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha');
    assert.equal(
      (await card.locator('h3 .run-details').textContent())?.trim(),
      '· profile local · on the images · title generation · standard prompt',
    );
    await h.send({ type: 'modelRun', run: live({ text: '1. Alpha Band - Moon Song\n2.' }) });
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha Band - Moon Song\n2.');
    await h.send({
      type: 'modelRun',
      run: live({ phase: 'waiting', text: '', wait: { seconds: 3, attempt: 1, reason: 'rate limited (429)' } }),
    });
    assert.equal(await card.locator('.wait').textContent(), 'rate limited (429): retry 1 in 3 s');
    await card.getByRole('button', { name: 'Cancel run' }).click();
    await h.blurFocus();
    await h.page.keyboard.press('Escape');
    assert.deepEqual(ofType(await h.posted(), 'cancelModelRun'), [
      { type: 'cancelModelRun', id: 'live-1' },
      { type: 'cancelModelRun', id: 'live-1' },
    ]);
    await h.send({ type: 'modelRun', run: live({ phase: 'cancelled', text: '' }) });
    assert.equal(await card.locator('.phase').textContent(), 'Cancelled');
    await card.getByRole('button', { name: 'Dismiss run message' }).click();
    assert.equal(await card.count(), 0);
    assert.deepEqual(ofType(await h.posted(), 'dismissModelRun'), [{ type: 'dismissModelRun', id: 'live-1' }]);
  });

  it('a streaming run grows by the new parts the host sends; a part that would leave a hole is dropped', async () => {
    await h.send({ type: 'modelRun', run: live({ id: 'd1', text: '1. Al' }) });
    const card = h.page.locator('ia-model-live-run[data-run-id="d1"]');
    await h.send({ type: 'modelRunText', id: 'd1', at: 5, text: 'pha Band' });
    await h.send({ type: 'modelRunText', id: 'd1', at: 13, text: ' - Moon Song\n' });
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha Band - Moon Song\n');
    // Sent again from an earlier offset (a whole message crossed it): replaces from there, never doubles.
    await h.send({ type: 'modelRunText', id: 'd1', at: 13, text: ' - Moon Song\n2.' });
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha Band - Moon Song\n2.');
    await h.send({ type: 'modelRunText', id: 'd1', at: 99, text: 'lost' });
    await h.send({ type: 'modelRunText', id: 'gone', at: 0, text: 'nobody' });
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha Band - Moon Song\n2.');
    await card.getByRole('button', { name: 'Cancel run' }).click();
    await h.send({ type: 'modelRun', run: live({ id: 'd1', phase: 'cancelled', text: '1. Alpha' }) });
    await card.getByRole('button', { name: 'Dismiss run message' }).click();
  });

  it("shows each fault's message", async () => {
    const faults = [
      ['unauthorized', 'The server refused the API key (401). Set it with "Imagery: Set API Key".'],
      ['model-not-found', 'The model "nope" does not exist at 127.0.0.1:1 (404).'],
      ['rate-limited', 'Still rate limited (429) after 3 retries.'],
      ['server-error', 'The server failed (500).'],
      ['timeout', 'No answer within 30 s.'],
      ['stalled-stream', 'The answer stopped arriving for 20 s.'],
      ['connection-refused', 'Nothing answers at 127.0.0.1:1.'],
      ['stream-cut', 'The connection closed before the answer finished.'],
      ['empty-answer', 'The model answered with no text.'],
    ];
    for (const [index, [kind, message]] of faults.entries()) {
      await h.send({ type: 'modelRun', run: live({ id: `f${index}`, phase: 'failed', error: { kind, message } }) });
      const fault = h.page.locator(`ia-model-live-run .fault[data-kind="${kind}"]`);
      assert.equal(await fault.textContent(), message);
    }
  });

  it('an unparseable answer is shown and kept only on request', async () => {
    await h.send({ type: 'modelRun', run: live({ id: 'u1', phase: 'unparseable', text: 'I cannot help with that.' }) });
    const card = h.page.locator('ia-model-live-run[data-run-id="u1"]');
    assert.equal(await card.locator('pre.stream').textContent(), 'I cannot help with that.');
    assert.deepEqual(ofType(await h.posted(), 'keepModelRun'), []);
    await card.getByRole('button', { name: 'Keep as a run with zero titles' }).click();
    assert.deepEqual(ofType(await h.posted(), 'keepModelRun'), [{ type: 'keepModelRun', id: 'u1' }]);
  });

  it('a cut answer says why, shows the thinking apart, and is kept only on request', async () => {
    const message =
      'The answer of tiny was cut: it reached max_completion_tokens 800, 700 of them spent reasoning, the visible answer cut after 40 characters.';
    await h.send({
      type: 'modelRun',
      run: live({
        id: 't1',
        phase: 'truncated',
        text: '1. Alpha Band - Moon Song\n2. Beta',
        thinking: '1. Decoy - Thinking Aloud',
        error: { kind: 'truncated', message },
      }),
    });
    const card = h.page.locator('ia-model-live-run[data-run-id="t1"]');
    assert.equal(await card.locator('.phase').textContent(), 'Answer cut at the token limit');
    assert.equal(await card.locator('.fault').textContent(), message);
    assert.equal(await card.locator('pre.stream').textContent(), '1. Alpha Band - Moon Song\n2. Beta');
    assert.equal(await card.locator('details.thinking summary').textContent(), 'Thinking (25 characters, not scored)');
    assert.equal(await card.locator('details.thinking pre').isVisible(), false);
    assert.deepEqual(ofType(await h.posted(), 'keepModelRun'), []);
    await card.getByRole('button', { name: 'Keep the cut answer' }).click();
    assert.deepEqual(ofType(await h.posted(), 'keepModelRun'), [{ type: 'keepModelRun', id: 't1' }]);
  });

  it("a stored run's thinking is one key away (R, with the raw answer) and never among the titles", async () => {
    const inline: InlineRun = {
      key: 'inline:e2',
      id: 'e2',
      time: '2026-01-01T00:00:00Z',
      annotator: 'tester',
      backend: 'openai',
      messagesSha256: 'b'.repeat(64),
      startedAt: '2026-01-01T00:00:00Z',
      endedAt: '2026-01-01T00:00:01Z',
      maxTokens: 500,
      model: 'thinker',
      input: 'image',
      task: 'rec_title',
      answer: '1. Alpha Band - Moon Song',
      thinking: '1. Decoy Band - Thinking Aloud',
      profile: 'local',
      prompt: 'standard',
      host: '127.0.0.1:9',
      latencyMs: 1000,
      temperature: 0,
      temperatureApplied: false,
      sent: {
        tokenParameter: 'max_completion_tokens',
        tokenLimit: 25500,
        reasoningBudget: 25000,
        streamUsage: true,
        imageDetail: 'auto',
      },
      usage: { totalTokens: 900, reasoningTokens: 800 },
      finishReason: 'stop',
    };
    const state: RequestState = { comments: {}, modelVerdicts: {}, notes: [], runs: [inline] };
    await h.send(showMessage(makeRecord({ id: 'req-think', runs: [] }), { state }));
    const card = h.page.locator('ia-model-title-run').filter({ hasText: 'thinker' });
    assert.match(
      (await card.locator('.provenance').textContent()) ?? '',
      /900 tokens · 800 reasoning · max_completion_tokens 25500 · finish stop · temperature could not be set/,
    );
    assert.deepEqual(
      await card
        .locator('li .title, li')
        .allTextContents()
        .then((items) => items.filter((text) => /decoy/i.test(text))),
      [],
    );
    assert.equal(await card.locator('pre.thinking').isVisible(), false);
    await h.blurFocus();
    await h.page.keyboard.press('R');
    assert.equal(await card.locator('pre.thinking').textContent(), '1. Decoy Band - Thinking Aloud');
    assert.equal(await card.locator('pre.thinking').isVisible(), true);
  });

  it('p and the button ask the host to run a model; without access they explain why instead', async () => {
    await h.page.keyboard.press('p');
    await h.page.locator('ia-model-panel .run-model').click();
    assert.deepEqual(ofType(await h.posted(), 'runModel'), [
      { type: 'runModel', requestId: 'req-m', choice: {} },
      { type: 'runModel', requestId: 'req-m', choice: {} },
    ]);
    // The host's picks are over (it says so around every question it asks for this panel).
    await h.send({ type: 'modal', on: false });
    await h.send({ type: 'modelAccess', allowed: false, reason: 'This workspace is not trusted: models do not run here.' });
    assert.equal(
      await h.page.locator('ia-model-panel .access').textContent(),
      'This workspace is not trusted: models do not run here.',
    );
    await h.clearPosted();
    await h.blurFocus();
    await h.page.keyboard.press('p');
    assert.deepEqual(ofType(await h.posted(), 'runModel'), []);
    assert.match((await h.page.locator('.banner').textContent()) ?? '', /not trusted/);
    await h.send({ type: 'modelAccess', allowed: true });
  });

  it('a stored inline run from the state is listed with its provenance', async () => {
    const inline: InlineRun = {
      key: 'inline:e1',
      id: 'e1',
      time: '2026-01-01T00:00:00Z',
      annotator: 'tester',
      backend: 'openai',
      messagesSha256: 'a'.repeat(64),
      startedAt: '2026-01-01T00:00:00Z',
      endedAt: '2026-01-01T00:00:01.5Z',
      maxTokens: 500,
      model: 'tiny',
      input: 'image',
      task: 'rec_title',
      answer: '1. Alpha Band - Moon Song',
      profile: 'local',
      prompt: 'coi',
      host: '127.0.0.1:9',
      latencyMs: 1500,
      temperature: 0,
      temperatureApplied: true,
      usage: { totalTokens: 42 },
      finishReason: 'stop',
    };
    const state: RequestState = {
      comments: {},
      modelVerdicts: { 'inline:e1': { 'title:0': 'relevant' } },
      notes: [],
      runs: [inline],
    };
    await h.send(showMessage(record('req-inline'), { state }));
    const card = h.page.locator('ia-model-title-run[data-run], ia-model-title-run').filter({ hasText: 'inline' });
    assert.match(
      (await card.locator('.provenance').textContent()) ?? '',
      /profile local · host 127.0.0.1:9 · prompt coi · 1.5 s · 42 tokens · finish stop · temperature 0/,
    );
    assert.equal(await card.locator('li .verdict').first().textContent(), '[really relevant]');
  });

  it("another annotator's inline run is listed as theirs (name as text, clamped) and takes our verdicts", async () => {
    const name = `\u202e[x](command:evil) <b>${'z'.repeat(200)}</b>`;
    const theirs: InlineRun = {
      key: 'inline:ben-1',
      id: 'ben-1',
      time: '2026-01-02T00:00:00Z',
      annotator: name,
      backend: 'openai',
      messagesSha256: 'd'.repeat(64),
      startedAt: '2026-01-02T00:00:00Z',
      endedAt: '2026-01-02T00:00:02Z',
      maxTokens: 500,
      model: 'their-model',
      input: 'image',
      task: 'rec_title',
      answer: '1. Alpha Band - Moon Song\n2. Nobody - Nothing',
      profile: 'theirs',
      prompt: 'standard',
      host: '127.0.0.1:9',
      latencyMs: 2000,
      temperature: 0,
      temperatureApplied: true,
    };
    await h.send(showMessage(record('req-colleague')));
    await h.send({ type: 'disputes', requestId: 'req-colleague', disputes: [], colleagueRuns: [theirs] });
    const card = h.page.locator('ia-model-title-run').filter({ hasText: 'their-model' });
    const by = card.locator('h3 .by');
    assert.equal(await by.textContent(), `run by ${name.slice(0, 39)}…`);
    assert.equal(await by.getAttribute('title'), name);
    assert.deepEqual(
      await by.locator('*').evaluateAll((els) => els.map((el) => el.tagName)),
      ['BDI'],
      'the name makes no element',
    );
    assert.deepEqual(
      (await card.locator('li .title').allTextContents()).map((text) => text.trim()),
      ['alpha band - moon song', 'nobody - nothing'],
    );
    assert.equal(await card.getByRole('button', { name: /keep/i }).count(), 0, 'nothing only the owner may do');
    // Spot-checking it: our verdict, under their run's key.
    await card.locator('li[data-index="1"]').getByRole('button', { name: 'wrong match' }).click();
    const drafts = ofType(await h.posted(), 'annotate').map((m) => m.draft);
    assert.deepEqual(
      drafts.map((d) => [d.request, d.run, d.target.index, d.verdict]),
      [['req-colleague', 'inline:ben-1', 1, 'not-relevant']],
    );
    // Another request shown: their run goes with it.
    await h.send(showMessage(record('req-after')));
    assert.equal(await h.page.locator('ia-model-title-run').filter({ hasText: 'their-model' }).count(), 0);
  });

  it('renders model answers as text: markup in stored, inline and streaming answers stays inert', async () => {
    const payload =
      '1. <img src=x onerror="alert(1)"> - <script>alert(2)</script>\nB. <b>bold</b> <a href="javascript:alert(3)">x</a>';
    const xss = makeRecord({
      id: 'req-xss',
      choice: { choices: ['<img src=y onerror=alert(4)>', 'b', 'c', 'd', 'e'], true_index: 0 },
      runs: [
        { model: '<i>m</i>', input: 'image', task: 'rec_title', answer: payload },
        { model: 'm', input: 'image', task: 'rec_choice', answer: payload },
      ],
    });
    await h.send(showMessage(xss));
    await h.send({
      type: 'modelRun',
      run: live({ id: 'x1', requestId: 'req-xss', model: '<svg onload=alert(5)>', text: payload }),
    });
    await h.send({
      type: 'modelRun',
      run: live({
        id: 'x2',
        requestId: 'req-xss',
        phase: 'failed',
        error: { kind: 'unknown', message: '<img src=z onerror=alert(6)>' },
      }),
    });
    // The raw answer is in the DOM only while open: open both runs'.
    await h.page.keyboard.press('R');
    await h.page.keyboard.press('m');
    await h.page.keyboard.press('R');
    const markup = await h.pageValue(`(() => {
      const found = [];
      let answers = 0;
      const walk = (root) => root.querySelectorAll('*').forEach((el) => {
        if (['IMG', 'SCRIPT', 'B', 'A', 'SVG', 'I'].includes(el.tagName.toUpperCase()) && el.closest('pre, li, h3, p')) found.push(el.tagName);
        if (el.tagName === 'PRE') answers++;
        if (el.shadowRoot) walk(el.shadowRoot);
      });
      walk(document);
      return { found, answers };
    })()`);
    assert.ok(markup.answers >= 3, 'the walk reached the answers inside the shadow roots');
    assert.deepEqual(markup.found, []);
    assert.match(
      (await h.page.locator('ia-model-live-run pre.stream').first().textContent()) ?? '',
      /<img src=x onerror="alert\(1\)">/,
    );
    assert.match((await h.page.locator('ia-model-title-run pre.raw').textContent()) ?? '', /<script>alert\(2\)<\/script>/);
    assert.deepEqual(h.dialogs, []);
    assert.deepEqual(await h.violations(), []);
  });
});
