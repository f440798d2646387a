import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { mergeByTime } from '../../../src/core/annotations/merge';
import { replay } from '../../../src/core/annotations/replay';

function validity(id: string, time: string, annotator: string, verdict: 'valid' | 'invalid'): AnnotationEvent {
  return {
    v: 1,
    id,
    time,
    annotator,
    request: 'r1',
    type: 'validity',
    verdict,
    ...(verdict === 'invalid' ? { reason: 'Image is text' } : {}),
  } as AnnotationEvent;
}

test('across annotators the latest decision in time wins', () => {
  const ana = [validity('a1', '2024-01-01T10:00:00.000Z', 'ana', 'invalid')];
  const bea = [
    validity('b1', '2024-01-01T09:00:00.000Z', 'bea', 'valid'),
    validity('b2', '2024-01-01T11:00:00.000Z', 'bea', 'invalid'),
  ];
  assert.deepEqual(
    mergeByTime([ana, bea]).map((e) => e.id),
    ['b1', 'a1', 'b2'],
  );
  assert.equal(replay(mergeByTime([ana, bea.slice(0, 1)])).get('r1')?.validity?.status, 'invalid');
  assert.equal(replay(mergeByTime([bea.slice(0, 1), ana])).get('r1')?.validity?.status, 'invalid', 'file order does not matter');
});

test("one annotator's own order is kept even if their clock stepped back", () => {
  const ana = [
    validity('a1', '2024-01-01T10:00:00.000Z', 'ana', 'invalid'),
    validity('a2', '2024-01-01T08:00:00.000Z', 'ana', 'valid'),
  ];
  const bea = [validity('b1', '2024-01-01T09:00:00.000Z', 'bea', 'invalid')];
  assert.deepEqual(
    mergeByTime([ana, bea]).map((e) => e.id),
    ['b1', 'a1', 'a2'],
  );
});

test('equal times: the log listed first comes first, so the later-listed log wins on replay', () => {
  const time = '2024-01-01T10:00:00.000Z';
  const ana = [validity('a1', time, 'ana', 'valid')];
  const bea = [validity('b1', time, 'bea', 'invalid')];
  assert.deepEqual(
    mergeByTime([ana, bea]).map((e) => e.id),
    ['a1', 'b1'],
  );
  assert.deepEqual(
    mergeByTime([bea, ana]).map((e) => e.id),
    ['b1', 'a1'],
  );
  assert.equal(replay(mergeByTime([ana, bea])).get('r1')?.validity?.status, 'invalid');
  assert.equal(replay(mergeByTime([bea, ana])).get('r1')?.validity?.status, 'valid');
});

test("an unparsable time sorts first, so it never overrides another annotator's dated decision", () => {
  const broken = [validity('x1', 'yesterday-ish', 'ana', 'invalid')];
  const bea = [validity('b1', '2024-01-01T09:00:00.000Z', 'bea', 'valid')];
  for (const logs of [
    [broken, bea],
    [bea, broken],
  ]) {
    assert.deepEqual(
      mergeByTime(logs).map((e) => e.id),
      ['x1', 'b1'],
    );
    assert.equal(replay(mergeByTime(logs)).get('r1')?.validity?.status, 'valid');
  }
});

test('with three or more logs the earliest head always comes next, whichever log it is in', () => {
  // The head of the second log was picked first in this round; the third log's later head must not displace it.
  const ana = [validity('a1', '2024-01-01T12:00:00.000Z', 'ana', 'valid')];
  const bea = [validity('b1', '2024-01-01T09:00:00.000Z', 'bea', 'valid')];
  const cid = [validity('c1', '2024-01-01T10:00:00.000Z', 'cid', 'invalid')];
  assert.deepEqual(
    mergeByTime([ana, bea, cid]).map((e) => e.id),
    ['b1', 'c1', 'a1'],
  );
});
