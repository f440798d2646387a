// A run started from the editor is seen: its card comes above every stored
// run and is scrolled into view as it starts, new results come first, and
// failed or cancelled cards do not pile up (Esc or Dismiss takes the last away).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { emptyRequestState, type InlineRun } from '../../src/core/annotations/state';
import type { LiveModelRun } from '../../src/protocol';
import { initMessage, makeComment, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const STORED = [
  { model: 'stored-a', input: 'image', task: 'rec_title' as const, answer: '1. alpha band - moon song' },
  { model: 'stored-b', input: 'image', task: 'rec_choice' as const, answer: 'C. three' },
];

function live(id: string, requestId: string, phase: LiveModelRun['phase']): LiveModelRun {
  return {
    id,
    requestId,
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    profile: 'p',
    model: 'gpt-live',
    phase,
    text: '',
  };
}

function inline(id: string, model: string): InlineRun {
  return { key: `inline:${id}`, model, input: 'image', task: 'rec_title', answer: '1. beta writer - a book' } as InlineRun;
}

describe('live runs in view', () => {
  let h: Harness;
  let id = '';
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send({ type: 'modelAccess', allowed: true });
  });
  after(() => h?.close());
  beforeEach(async () => {
    id = `req-${Math.random().toString(36).slice(2)}`;
    await h.page.setViewportSize({ width: 1280, height: 900 });
    // Many comments and items: the model panel starts below the fold in either layout.
    const comments = Array.from({ length: 40 }, (_, i) =>
      makeComment(i + 1, { raw: `Comment number ${i + 1}, long enough to wrap.` }),
    );
    // A long relevance list too: it sits above the model panel in the side column.
    const relevance = Array.from({ length: 80 }, (_, i): [string, number] => [`artist ${i} - song ${i}`, 1]);
    const record = makeRecord({ id, comments, comment_ids: comments.map((c) => c.id), relevance, runs: STORED });
    const state = { ...emptyRequestState(), runs: [inline('e1', 'inline-old'), inline('e2', 'inline-new')] };
    await h.showAfresh(showMessage(record, { state }), 'ia-model-title-run');
  });

  it('lists new results first: the newest inline run, the older one, then the stored runs', async () => {
    const models = await h.page
      .locator('ia-model-panel ia-model-title-run .model, ia-model-panel ia-model-choice-run .model')
      .allTextContents();
    assert.deepEqual(models, ['inline-new', 'inline-old', 'stored-a', 'stored-b']);
  });

  it('a run that starts below the fold is scrolled into view, above the stored runs', async () => {
    await h.page.setViewportSize({ width: 1280, height: 420 });
    const panelTop = (await h.page.locator('ia-model-panel').boundingBox())!.y;
    assert.ok(panelTop > 420, `precondition: the model panel starts below the fold (top ${panelTop})`);
    await h.send({ type: 'modelRun', run: live('run-1', id, 'running') });
    const card = h.page.locator('ia-model-live-run');
    await card.waitFor();
    const box = (await card.boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 420, `the live card's top is inside the viewport (top ${box.y})`);
    const stored = (await h.page.locator('ia-model-title-run').first().boundingBox())!;
    assert.ok(box.y < stored.y, 'the live card is above every run listed');
  });

  it('after three cancelled runs one cancelled card is left, and Esc dismisses it', async () => {
    for (const run of ['c1', 'c2', 'c3']) {
      await h.send({ type: 'modelRun', run: live(run, id, 'running') });
      await h.send({ type: 'modelRun', run: live(run, id, 'cancelled') });
    }
    const cards = h.page.locator('ia-model-live-run article');
    assert.deepEqual(
      await cards.evaluateAll((articles) => articles.map((a) => [a.getAttribute('data-live'), a.getAttribute('data-phase')])),
      [['c3', 'cancelled']],
    );
    assert.deepEqual(
      ofType(await h.posted(), 'dismissModelRun').map((m) => m.id),
      ['c1', 'c2'],
      'the host forgets the replaced cards too',
    );
    await h.page.keyboard.press('Escape');
    assert.equal(await cards.count(), 0);
    assert.deepEqual(
      ofType(await h.posted(), 'dismissModelRun').map((m) => m.id),
      ['c1', 'c2', 'c3'],
    );
  });

  it('a failed card is replaced by the next run, and a run still waiting for a keep decision stays', async () => {
    await h.send({ type: 'modelRun', run: live('u1', id, 'unparseable') });
    await h.send({ type: 'modelRun', run: { ...live('f1', id, 'failed'), error: { kind: 'http', message: 'HTTP 500' } } });
    await h.send({ type: 'modelRun', run: live('r2', id, 'running') });
    const phases = await h.page
      .locator('ia-model-live-run article')
      .evaluateAll((articles) => articles.map((a) => [a.getAttribute('data-live'), a.getAttribute('data-phase')]));
    assert.deepEqual(phases, [
      ['r2', 'running'],
      ['u1', 'unparseable'],
    ]);
  });
});
