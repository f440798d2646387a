// Rules of replay that replay.test.ts leaves unpinned: retracts listed first or
// from a future version, slicing, iterables, defaults of incomplete events,
// verdict keys, and which extraction run replaces which.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { replay, replayInSlices, retractedIds, verdictTargetKey } from '../../../src/core/annotations/replay';
import { eventBuilder } from '../../builders/events';
import { extractionRunDraft } from '../../fixtures/model-run';

const ev = eventBuilder();
const retract = (target: string, id?: string) => ev({ type: 'retract', request: 'r1', target }, id);
const note = (text: string, id?: string) => ev({ type: 'note', request: 'r1', text }, id);
const titleVerdict = (run: string, index: number, verdict: 'relevant' | 'not-relevant' | 'unreviewed') =>
  ev({ type: 'model-verdict', request: 'r1', run, target: { kind: 'title', index }, verdict });

function extractionRun(profile: string, model: string, id: string): AnnotationEvent {
  return ev(extractionRunDraft({ request: 'r1', comment: 'c1', answer: 'Tom Waits - Rain Dogs', profile, model }), id);
}

// Counts its calls; a slice loop that never advances fails the test instead of hanging it.
function countedPause(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    pause: async () => {
      calls += 1;
      if (calls > 100) throw new Error('replayInSlices never finished');
    },
    calls: () => calls,
  };
}

function* oneByOne(events: readonly AnnotationEvent[]): Generator<AnnotationEvent> {
  yield* events;
}

const texts = (state: Awaited<ReturnType<typeof replayInSlices>>) => state.get('r1')?.notes.map((n) => n.text);

test('a retract listed before its target still takes it back', () => {
  // Logs merged by time put a retract first when its target's clock ran ahead.
  const undo = retract('n1');
  const target = note('late clock', 'n1');
  assert.deepEqual(retractedIds([undo, target]), new Set(['n1']));
  assert.equal(replay([undo, target]).has('r1'), false);
});

test('a retract of a future schema version takes nothing back', () => {
  const kept = note('kept', 'n1');
  const future = { ...retract('n1'), v: 2 } as AnnotationEvent;
  assert.deepEqual(retractedIds([kept, future]), new Set());
  assert.deepEqual(texts(replay([kept, future])), ['kept']);
});

test('only retracts take events back: other events add nothing to retractedIds', () => {
  // A model verdict has a `target` too, but it names a title, not an event.
  const events = [
    note('one'),
    titleVerdict('m/image/rec_title', 0, 'relevant'),
    ev({ type: 'validity', request: 'r1', verdict: 'valid' }),
  ];
  assert.deepEqual(retractedIds(events), new Set());
});

test('replay reads any iterable of events, not only arrays', () => {
  const notes = [note('one'), note('two')];
  assert.deepEqual(texts(replay(oneByOne(notes))), ['one', 'two']);
});

test('replayInSlices gives the same state as replay, pausing between slices and never after the last', async () => {
  const five = ['one', 'two', 'three', 'four', 'five'].map((text) => note(text));
  const counted = countedPause();
  const state = await replayInSlices(five, counted.pause, 2);
  assert.deepEqual(texts(state), ['one', 'two', 'three', 'four', 'five']);
  assert.deepEqual(state, replay(five));
  // Slices [0, 2), [2, 4), [4, 5): two pauses.
  assert.equal(counted.calls(), 2);

  // A last slice that ends exactly at the end is not followed by a pause either.
  const exact = countedPause();
  assert.deepEqual(texts(await replayInSlices(five.slice(0, 4), exact.pause, 2)), ['one', 'two', 'three', 'four']);
  assert.equal(exact.calls(), 1);
});

test('replayInSlices reads any iterable of events, not only arrays', async () => {
  const three = ['one', 'two', 'three'].map((text) => note(text));
  const counted = countedPause();
  assert.deepEqual(texts(await replayInSlices(new Set(three), counted.pause, 2)), ['one', 'two', 'three']);
  assert.equal(counted.calls(), 1);
});

test('a correction without items replays as an empty item list', () => {
  // Corrected to nothing: the comment names no item.
  const state = replay([ev({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'corrected' })]);
  assert.deepEqual(state.get('r1')?.comments.c1, { status: 'corrected', items: [] });
});

test('an invalid verdict without a reason replays as reason "Other"', () => {
  const state = replay([ev({ type: 'validity', request: 'r1', verdict: 'invalid' })]);
  assert.deepEqual(state.get('r1')?.validity, { status: 'invalid', reason: 'Other' });
});

test('verdicts on different titles of a run are kept apart, keyed "title:<index>"', () => {
  assert.equal(verdictTargetKey({ kind: 'title', index: 3 }), 'title:3');
  assert.equal(verdictTargetKey({ kind: 'choice' }), 'choice');
  const state = replay([titleVerdict('m/image/rec_title', 0, 'relevant'), titleVerdict('m/image/rec_title', 2, 'not-relevant')]);
  assert.deepEqual(
    { ...state.get('r1')?.modelVerdicts['m/image/rec_title'] },
    { 'title:0': 'relevant', 'title:2': 'not-relevant' },
  );
});

test('clearing a verdict on a run that has none changes nothing', () => {
  const state = replay([titleVerdict('run-a', 0, 'relevant'), titleVerdict('run-b', 0, 'unreviewed')]);
  // As the webview receives it (the state's keyed parts have no prototype).
  assert.deepEqual(JSON.parse(JSON.stringify(state.get('r1')?.modelVerdicts)), { 'run-a': { 'title:0': 'relevant' } });
  assert.equal(replay([titleVerdict('run-b', 0, 'unreviewed')]).has('r1'), false);
});

test('a later extraction run replaces only the run of the same profile and model on that comment', () => {
  const state = replay([
    extractionRun('paper', 'gpt', 'first'),
    extractionRun('local', 'gpt', 'other-profile'),
    extractionRun('paper', 'qwen', 'other-model'),
    extractionRun('paper', 'gpt', 'again'),
  ]);
  const runs = state.get('r1')?.extractionRuns ?? [];
  assert.equal(runs.length, 3);
  // "again" takes the place of "first"; the others are other extractors and stay.
  assert.deepEqual(
    runs.map((run) => (run.source.kind === 'inline' ? run.source.event : run.source.run)),
    ['other-profile', 'other-model', 'again'],
  );
});
