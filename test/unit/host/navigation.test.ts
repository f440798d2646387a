// Where navigation lands, from per-position facts alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  land,
  matchingPositions,
  settleAfterFilter,
  UNTOUCHED,
  type RequestFacts,
} from '../../../src/host/editor/state/navigation';

const facts: RequestFacts[] = [
  { ...UNTOUCHED, reviewed: true, invalid: true },
  UNTOUCHED,
  { ...UNTOUCHED, hasNotes: true },
  { ...UNTOUCHED, reviewed: true, corrected: true },
  UNTOUCHED,
];
const factsAt = (position: number) => facts[position];
const context = (current: number, filter: Parameters<typeof matchingPositions>[1] = 'all') => ({
  current,
  size: facts.length,
  matching: matchingPositions(facts.length, filter, factsAt),
  factsAt,
  positionOfId: async (id: string) => (id === 'r2' ? 2 : undefined),
});

test('filters select positions from the facts', () => {
  assert.deepEqual(matchingPositions(5, 'unreviewed', factsAt), [1, 2, 4]);
  assert.deepEqual(matchingPositions(5, 'invalid', factsAt), [0]);
  assert.deepEqual(matchingPositions(5, 'corrected', factsAt), [3]);
  assert.deepEqual(matchingPositions(5, 'has-notes', factsAt), [2]);
});

test('next/previous move within the filter, by position, and stop at the ends', async () => {
  assert.deepEqual(await land({ kind: 'next' }, context(2, 'unreviewed')), { position: 4 });
  // Standing on a request that no longer matches still has neighbours.
  assert.deepEqual(await land({ kind: 'next' }, context(3, 'unreviewed')), { position: 4 });
  assert.deepEqual(await land({ kind: 'previous' }, context(3, 'unreviewed')), { position: 2 });
  assert.ok('error' in (await land({ kind: 'next' }, context(4, 'unreviewed'))));
  assert.ok('error' in (await land({ kind: 'previous' }, context(0))));
  assert.deepEqual(await land({ kind: 'last' }, context(0, 'unreviewed')), { position: 4 });
});

test('nextUnreviewed wraps and ignores the filter; position and id jump anywhere', async () => {
  assert.deepEqual(await land({ kind: 'nextUnreviewed' }, context(4, 'invalid')), { position: 1 });
  assert.deepEqual(await land({ kind: 'position', position: 3 }, context(0, 'unreviewed')), { position: 3 });
  assert.ok('error' in (await land({ kind: 'position', position: 5 }, context(0))));
  assert.deepEqual(await land({ kind: 'id', id: 'r2' }, context(0)), { position: 2 });
  assert.ok('error' in (await land({ kind: 'id', id: 'nope' }, context(0))));
});

test('after a filter change: stay if matching, else the next match, else the first', () => {
  assert.equal(settleAfterFilter(2, [1, 2, 4]), 2);
  assert.equal(settleAfterFilter(3, [1, 2, 4]), 4);
  assert.equal(settleAfterFilter(4, [0, 1]), 0);
  assert.equal(settleAfterFilter(3, []), 3);
});
