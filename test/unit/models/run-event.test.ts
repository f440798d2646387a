// The model-run event: schema, log round trip, replay into RequestState
// (stable "inline:<id>" keys), undo/redo by retract, verdict values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventDraft } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { parseEventLine } from '../../../src/core/annotations/log-lines';
import { replay } from '../../../src/core/annotations/replay';
import { makeTempDir } from '../annotations/temp';
import { eventBuilder } from '../../builders/events';

const ev = eventBuilder();

const RUN: Extract<EventDraft, { type: 'model-run' }> = {
  type: 'model-run',
  request: 'r1',
  profile: 'local',
  backend: 'openai',
  model: 'vision-1',
  host: '127.0.0.1:9999',
  task: 'rec_title',
  prompt: 'coi',
  input: 'image',
  messagesSha256: 'a'.repeat(64),
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:01.500Z',
  latencyMs: 1500,
  temperature: 0,
  temperatureApplied: true,
  maxTokens: 500,
  usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
  finishReason: 'stop',
  answer: '1. a - b',
};

test('replay lists inline runs in order with the key inline:<event id>', () => {
  const state = replay([ev(RUN, 'run1'), ev({ ...RUN, task: 'description', answer: ['x', 'y'] }, 'run2')]).get('r1');
  assert.deepEqual(
    state?.runs?.map((run) => [run.key, run.task, run.answer]),
    [
      ['inline:run1', 'rec_title', '1. a - b'],
      ['inline:run2', 'description', ['x', 'y']],
    ],
  );
  assert.equal(state?.runs?.[0].annotator, 'ana');
  assert.equal(state?.runs?.[0].latencyMs, 1500);
});

test('a run is undone by retract and redone by retracting the retract', () => {
  const run = ev(RUN, 'run1');
  const undo = ev({ type: 'retract', request: 'r1', target: 'run1' }, 'undo');
  assert.equal(replay([run, undo]).has('r1'), false);
  const redo = ev({ type: 'retract', request: 'r1', target: 'undo' }, 'redo');
  assert.equal(replay([run, undo, redo]).get('r1')?.runs?.length, 1);
});

test('choice verdicts agree/disagree are accepted, and the older correct/incorrect still read', () => {
  const state = replay([
    ev({ type: 'model-verdict', request: 'r1', run: 'inline:run1', target: { kind: 'choice' }, verdict: 'agree' }),
    ev({ type: 'model-verdict', request: 'r1', run: 'm/image/rec_choice', target: { kind: 'choice' }, verdict: 'disagree' }),
    ev({ type: 'model-verdict', request: 'r1', run: 'old/image/rec_choice', target: { kind: 'choice' }, verdict: 'correct' }),
  ]).get('r1');
  assert.deepEqual(JSON.parse(JSON.stringify(state?.modelVerdicts)), {
    'inline:run1': { choice: 'agree' },
    'm/image/rec_choice': { choice: 'disagree' },
    'old/image/rec_choice': { choice: 'correct' },
  });
});

test('a malformed model-run line is reported, not passed through', () => {
  const bad = parseEventLine(JSON.stringify({ ...ev(RUN), messagesSha256: 'short' }));
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.error : '', /invalid model-run event: messagesSha256/);
});

test('the log appends and reads back a model-run event unchanged', async (t) => {
  const dir = makeTempDir(t);
  const log = AnnotationLog.open(`${dir}/s.shard.jsonl`, 'ana');
  const [written] = await log.append(RUN);
  const { events, warnings } = await log.read();
  assert.deepEqual(warnings, []);
  assert.deepEqual(events, [written]);
  assert.equal(replay(events).get('r1')?.runs?.[0].key, `inline:${written.id}`);
});
