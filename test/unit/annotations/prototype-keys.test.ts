// Keys that come from a log line (run keys, comment ids, request ids) are data:
// "__proto__" or "constructor" must neither change Object.prototype nor be
// found on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseEventLine } from '../../../src/core/annotations/log-lines';
import { replay } from '../../../src/core/annotations/replay';
import { commentVerdict, isReviewed } from '../../../src/core/annotations/state';
import { requestSummary } from '../../../src/core/annotations/summary';
import { correctRequest } from '../../../src/core/release/export-collect';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { applyDraft } from '../../../webview/optimistic';
import { eventBuilder } from '../../builders/events';

const ev = eventBuilder({ idPrefix: 'p', stepMs: 1 });

test('a model verdict on the run "__proto__" stays in the state and leaves Object.prototype alone', () => {
  const line = JSON.stringify({
    v: 1,
    id: 'x',
    time: '2024-01-01T00:00:00.000Z',
    annotator: 'ana',
    request: 'r1',
    type: 'model-verdict',
    run: '__proto__',
    target: { kind: 'choice' },
    verdict: 'correct',
  });
  const parsed = parseEventLine(line);
  assert.ok(parsed.ok);
  try {
    const state = replay([parsed.event]).get('r1');
    assert.equal(({} as { choice?: unknown }).choice, undefined, 'Object.prototype was changed');
    assert.deepEqual(JSON.parse(JSON.stringify(state?.modelVerdicts)), { ['__proto__']: { choice: 'correct' } });
    const cleared = replay([
      parsed.event,
      ev({ type: 'model-verdict', request: 'r1', run: '__proto__', target: { kind: 'choice' }, verdict: 'unreviewed' }),
    ]);
    assert.equal(cleared.has('r1'), false);
  } finally {
    delete (Object.prototype as { choice?: unknown }).choice;
  }
});

test('a verdict on a comment with the id "constructor" or "__proto__" is recorded as any other', () => {
  const state = replay([
    ev({ type: 'extraction', request: 'r1', comment: '__proto__', verdict: 'confirmed' }),
    ev({ type: 'extraction', request: 'r1', comment: 'constructor', verdict: 'corrected', items: ['a - b'] }),
  ]).get('r1');
  assert.deepEqual(Object.keys(state?.comments ?? {}).sort(), ['__proto__', 'constructor']);
  assert.deepEqual(commentVerdict(state, '__proto__'), { status: 'confirmed' });
  assert.deepEqual(commentVerdict(state, 'constructor'), { status: 'corrected', items: ['a - b'] });
});

test('a comment with the id "constructor" and no verdict is not reviewed, also after a trip through JSON', () => {
  const state = replay([ev({ type: 'validity', request: 'r1', verdict: 'valid' })]).get('r1');
  assert.equal(isReviewed(state, ['constructor']), false);
  assert.equal(isReviewed(state, ['toString', 'hasOwnProperty']), false);
  const viaJson = JSON.parse(JSON.stringify(state));
  assert.equal(isReviewed(viaJson, ['constructor']), false);
  assert.equal(commentVerdict(viaJson, 'constructor'), undefined);
  const summary = requestSummary(state, { comments: [{ id: 'constructor' }] } as Pick<ShardRecord, 'comments'>);
  assert.deepEqual([summary.reviewed, summary.commentsReviewed, summary.corrected], [false, 0, false]);
});

test('the export does not take an inherited key for a correction', () => {
  const state = replay([ev({ type: 'validity', request: 'r1', verdict: 'valid' })]).get('r1');
  const record = {
    id: 'r1',
    comments: [{ id: 'constructor', upvotes: 2, extraction: { raw: 'x - y', items: ['x - y'] } }],
    relevance: [['x - y', 2]],
  } as unknown as ShardRecord;
  const corrected = correctRequest(record, JSON.parse(JSON.stringify(state)));
  assert.equal(corrected.corrected, false);
  assert.deepEqual(corrected.relevance, [['x - y', 2]]);
});

test('the webview\'s optimistic state takes a comment id "__proto__" as a key, not as a prototype', () => {
  const state = JSON.parse(JSON.stringify(replay([ev({ type: 'validity', request: 'r1', verdict: 'valid' })]).get('r1')));
  const next = applyDraft(state, { type: 'extraction', request: 'r1', comment: '__proto__', verdict: 'confirmed' });
  assert.deepEqual(commentVerdict(next, '__proto__'), { status: 'confirmed' });
  assert.deepEqual(Object.keys(next.comments), ['__proto__']);
});
