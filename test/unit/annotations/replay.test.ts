import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { replay } from '../../../src/core/annotations/replay';
import { requestSummary } from '../../../src/core/annotations/summary';
import { eventBuilder } from '../../builders/events';

const ev = eventBuilder();
const retract = (target: string, id?: string) => ev({ type: 'retract', request: 'r1', target }, id);
const fix = (items: string[], id?: string) =>
  ev({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'corrected', items }, id);

test('the later event wins', () => {
  const state = replay([fix(['a - x']), fix(['b - y'])]);
  assert.deepEqual(state.get('r1')?.comments.c1, { status: 'corrected', items: ['b - y'] });
});

test('undo, redo, undo again: retracts of retracts resolve from the end', () => {
  const base = [ev({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' }), fix(['a - x'], 'fix')];
  const undo = retract('fix', 'undo');
  const redo = retract('undo', 'redo');
  const undoAgain = retract('redo', 'undo2');
  assert.deepEqual(replay([...base, undo]).get('r1')?.comments.c1, { status: 'confirmed' });
  assert.deepEqual(replay([...base, undo, redo]).get('r1')?.comments.c1, { status: 'corrected', items: ['a - x'] });
  assert.deepEqual(replay([...base, undo, redo, undoAgain]).get('r1')?.comments.c1, { status: 'confirmed' });
});

test('undoing the only event leaves the request untouched', () => {
  assert.equal(replay([fix(['a - x'], 'only'), retract('only')]).has('r1'), false);
});

test('unreviewed verdicts clear what was set', () => {
  const events = [
    fix(['a - x']),
    ev({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'unreviewed' }),
    ev({ type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Image is text' }),
    ev({ type: 'validity', request: 'r1', verdict: 'unreviewed' }),
    ev({
      type: 'model-verdict',
      request: 'r1',
      run: 'm/image/rec_title',
      target: { kind: 'title', index: 2 },
      verdict: 'relevant',
    }),
    ev({ type: 'model-verdict', request: 'r1', run: 'm/image/rec_title', target: { kind: 'choice' }, verdict: 'correct' }),
    ev({
      type: 'model-verdict',
      request: 'r1',
      run: 'm/image/rec_title',
      target: { kind: 'title', index: 2 },
      verdict: 'unreviewed',
    }),
  ];
  const state = replay(events).get('r1');
  assert.deepEqual(Object.keys(state?.comments ?? { x: 1 }), []);
  assert.equal(state?.validity, undefined);
  // As the webview receives it (the state's keyed parts have no prototype).
  assert.deepEqual(JSON.parse(JSON.stringify(state?.modelVerdicts)), { 'm/image/rec_title': { choice: 'correct' } });
});

test('validity keeps reason and note', () => {
  const state = replay([ev({ type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Not a rec request', note: 'meme' })]);
  assert.deepEqual(state.get('r1')?.validity, { status: 'invalid', reason: 'Not a rec request', note: 'meme' });
});

test('notes accumulate in order and a retracted note disappears', () => {
  const events = [
    ev({ type: 'note', request: 'r1', text: 'one' }, 'n1'),
    ev({ type: 'note', request: 'r1', text: 'two' }, 'n2'),
    ev({ type: 'note', request: 'r1', text: 'three' }, 'n3'),
    retract('n2'),
  ];
  assert.deepEqual(
    replay(events)
      .get('r1')
      ?.notes.map((note) => note.text),
    ['one', 'three'],
  );
});

test('unknown event types and future versions are ignored by replay', () => {
  const future = {
    v: 2,
    id: 'f',
    time: '2024-01-01T00:00:00.000Z',
    annotator: 'ana',
    request: 'r1',
    type: 'extraction',
    comment: 'c1',
    verdict: 'confirmed',
  };
  const unknown = {
    v: 1,
    id: 'u',
    time: '2024-01-01T00:00:00.000Z',
    annotator: 'ana',
    request: 'r1',
    type: 'highlight',
    span: [1, 2],
  };
  assert.equal(replay([future, unknown] as AnnotationEvent[]).size, 0);
});

test('requestSummary: reviewed needs validity and every comment', () => {
  const record = { comments: [{ id: 'c1' }, { id: 'c2' }] } as Parameters<typeof requestSummary>[1];
  const partial = replay([ev({ type: 'validity', request: 'r1', verdict: 'valid' }), fix(['a - x'])]).get('r1');
  assert.deepEqual(requestSummary(partial, record), {
    reviewed: false,
    invalid: false,
    corrected: true,
    hasNotes: false,
    commentsReviewed: 1,
    commentsTotal: 2,
  });
  const invalid = replay([ev({ type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' })]).get('r1');
  assert.equal(requestSummary(invalid, record).reviewed, true);
  assert.equal(requestSummary(undefined, record).reviewed, false);
});
