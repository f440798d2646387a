// The per-request facts the shard list filters on: invalid, corrected and has-notes each say exactly that,
// also for a request touched without a validity decision.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replay } from '../../../src/core/annotations/replay';
import { requestSummary } from '../../../src/core/annotations/summary';
import { eventBuilder } from '../../builders/events';

const ev = eventBuilder();
const record = { comments: [{ id: 'c1' }, { id: 'c2' }] } as Parameters<typeof requestSummary>[1];

test('a post marked invalid is summarised as invalid; a valid one is not', () => {
  const invalid = replay([ev({ type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' })]).get('r1');
  assert.equal(requestSummary(invalid, record).invalid, true);
  const valid = replay([ev({ type: 'validity', request: 'r1', verdict: 'valid' })]).get('r1');
  assert.equal(requestSummary(valid, record).invalid, false);
});

test('only a correction makes a request "corrected": confirmations do not', () => {
  const confirmed = replay([
    ev({ type: 'validity', request: 'r1', verdict: 'valid' }),
    ev({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' }),
    ev({ type: 'bulk-confirm', request: 'r1', comments: ['c2'] }),
  ]).get('r1');
  const summary = requestSummary(confirmed, record);
  assert.deepEqual([summary.reviewed, summary.corrected], [true, false]);
});

test('a request with only a note (validity undecided) has notes, is not invalid, and is not reviewed', () => {
  const noted = replay([ev({ type: 'note', request: 'r1', text: 'ask Ben about this one' })]).get('r1');
  assert.equal(noted?.validity, undefined, 'the case this test is about: a state without validity');
  assert.deepEqual(requestSummary(noted, record), {
    reviewed: false,
    invalid: false,
    corrected: false,
    hasNotes: true,
    commentsReviewed: 0,
    commentsTotal: 2,
  });
});
