// The model panel's pure rules: which runs it lists, how titles and choices
// score against the corrected truth, how verdicts toggle, and that keys from
// data never reach an object's prototype.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRequestState, type InlineRun, type RequestState } from '../../src/core/annotations/state';
import { applyDraft } from '../../webview/optimistic';
import { hitAt, panelRuns, scoreChoice, scoreTitles, verdictOf } from '../../webview/models/panel-runs';
import { verdictDraft, verdictLabel } from '../../webview/models/verdicts';
import type { LiveModelRun } from '../../src/protocol';
import { HostClient } from '../../webview/client';
import { ModelRunsController } from '../../webview/models/model-runs-controller';
import { makeRecord } from '../fixtures/synthetic-record';

describe('model panel rules', () => {
  it('lists new results first: inline runs newest first, then the stored runs, each under its verdict key', () => {
    const record = makeRecord({ runs: [{ model: 'm', input: 'image', task: 'rec_title', answer: 'x' }] });
    const older = { key: 'inline:e1', model: 'n', input: 'OFA', task: 'rec_choice', answer: 'B' } as InlineRun;
    const newer = { key: 'inline:e2', model: 'o', input: 'image', task: 'rec_title', answer: '1. a - b' } as InlineRun;
    const runs = panelRuns(record, { ...emptyRequestState(), runs: [older, newer] });
    assert.deepEqual(
      runs.map((run) => [run.key, run.origin]),
      [
        ['inline:e2', 'inline'],
        ['inline:e1', 'inline'],
        ['m/image/rec_title', 'stored'],
      ],
    );
  });

  it('scores at most 20 titles, naming the matched item and distance or a creator match', () => {
    // Names six letters apart, so no two titles are within the matcher's distance bound.
    const name = (i: number) => `${String.fromCharCode(97 + i).repeat(6)} - piece`;
    const answer = Array.from({ length: 25 }, (_, i) => `${i + 1}. ${name(i)}`).join('\n');
    const titles = scoreTitles(answer, [name(21), `${name(3)}s`]);
    assert.equal(titles.length, 20);
    assert.deepEqual(titles[3].match, { kind: 'item', item: `${name(3)}s`, distance: 1 });
    assert.equal(titles.filter((title) => title.match).length, 1, 'the 22nd title is never scored');
    assert.equal(hitAt(titles, 1), 0);
    assert.equal(hitAt(titles, 10), 1);
    const creator = scoreTitles('1. beta writer - any book', ['beta writer']);
    assert.deepEqual(creator[0].match, { kind: 'creator', item: 'beta writer' });
  });

  it('reads the choice as the paper does: a bare "A" is no pick and counts wrong', () => {
    const choice = { choices: ['a', 'b', 'c', 'd', 'e'], true_index: 0 };
    assert.deepEqual(scoreChoice('A', choice), { picked: null, truth: 0, correct: false });
    assert.deepEqual(scoreChoice('C', choice), { picked: 2, truth: 0, correct: false });
    assert.deepEqual(scoreChoice('C', null), { picked: 2, truth: null, correct: null });
  });

  it('the same verdict again takes it back; choice runs show agree / disagree (older logs: correct / incorrect)', () => {
    const target = { run: 'r', target: { kind: 'title' as const, index: 2 } };
    assert.equal((verdictDraft('q', target, 'relevant', undefined) as { verdict: string }).verdict, 'relevant');
    assert.equal((verdictDraft('q', target, 'relevant', 'relevant') as { verdict: string }).verdict, 'unreviewed');
    assert.equal((verdictDraft('q', target, 'unsure', 'relevant') as { verdict: string }).verdict, 'unsure');
    assert.equal(verdictLabel('not-relevant'), 'wrong match');
    assert.equal(verdictLabel('incorrect'), 'disagree');
  });

  it('a verdict shows at once and a run key like "__proto__" stays an own key', () => {
    let state: RequestState = emptyRequestState();
    state = applyDraft(state, {
      type: 'model-verdict',
      request: 'q',
      run: '__proto__',
      target: { kind: 'choice' },
      verdict: 'agree',
    });
    state = applyDraft(state, {
      type: 'model-verdict',
      request: 'q',
      run: 'm/image/rec_title',
      target: { kind: 'title', index: 0 },
      verdict: 'unsure',
    });
    assert.equal(verdictOf(state, '__proto__', 'choice'), 'agree');
    assert.equal(verdictOf(state, 'm/image/rec_title', 'title:0'), 'unsure');
    assert.equal(verdictOf(state, 'constructor', 'choice'), undefined);
    assert.equal(({} as Record<string, unknown>).choice, undefined, 'Object.prototype untouched');
    state = applyDraft(state, {
      type: 'model-verdict',
      request: 'q',
      run: '__proto__',
      target: { kind: 'choice' },
      verdict: 'unreviewed',
    });
    assert.equal(verdictOf(state, '__proto__', 'choice'), undefined);
  });
});

describe('live runs kept by the webview', () => {
  const run = (id: string, phase: LiveModelRun['phase'], requestId = 'r1'): LiveModelRun => ({
    id,
    requestId,
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    profile: 'p',
    model: 'm',
    phase,
    text: '',
  });

  function controller() {
    const posted: { type: string; id?: string }[] = [];
    const host = { addController: () => undefined, requestUpdate: () => undefined } as never;
    const models = new ModelRunsController(host, () => undefined);
    const api = {
      postMessage: (message: unknown) => void posted.push(message as { type: string; id?: string }),
      getState: () => undefined,
      setState: () => undefined,
    };
    models.attach(new HostClient(api));
    return { models, posted };
  }

  it('after three cancelled runs one cancelled card is left, newest first, and the host is told to forget the others', () => {
    const { models, posted } = controller();
    for (const id of ['c1', 'c2', 'c3']) {
      models.receive({ type: 'modelRun', run: run(id, 'running') });
      models.receive({ type: 'modelRun', run: run(id, 'cancelled') });
    }
    models.receive({ type: 'modelRun', run: run('other', 'cancelled', 'r2') });
    assert.deepEqual(
      models.liveFor('r1').map((live) => [live.id, live.phase]),
      [['c3', 'cancelled']],
    );
    assert.deepEqual(
      posted.map((message) => [message.type, message.id]),
      [
        ['dismissModelRun', 'c1'],
        ['dismissModelRun', 'c2'],
      ],
    );
    assert.equal(models.liveFor('r2').length, 1, "another request's card stays");
  });

  it('a failed card goes when the next run starts; an answer waiting to be kept stays', () => {
    const { models } = controller();
    models.receive({ type: 'modelRun', run: run('u1', 'unparseable') });
    models.receive({ type: 'modelRun', run: run('f1', 'failed') });
    models.receive({ type: 'modelRun', run: run('r2', 'running') });
    assert.deepEqual(
      models.liveFor('r1').map((live) => live.id),
      ['r2', 'u1'],
    );
  });
});
