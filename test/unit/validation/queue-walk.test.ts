// Walking a review queue: "done" per annotator, steps, and where a walk starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replay } from '../../../src/core/annotations/replay';
import { QUEUE_FORMAT, QUEUE_VERSION, type ReviewQueue } from '../../../src/core/validation/queue';
import { firstOpenItem, isItemDone, itemIndexOf, queueProgress, stepQueue } from '../../../src/core/validation/queue-walk';
import { events, T0 } from '../report/fixture';

const queue: ReviewQueue = {
  format: QUEUE_FORMAT,
  version: QUEUE_VERSION,
  name: 'q',
  unit: 'comments',
  seed: 1,
  population: 9,
  shards: ['a.shard.jsonl', 'b.shard.jsonl'],
  items: [
    { shard: 'a.shard.jsonl', request: 'r1', comment: 'c1' },
    { shard: 'a.shard.jsonl', request: 'r1', comment: 'c2' },
    { shard: 'a.shard.jsonl', request: 'r2', comment: 'c1' },
    { shard: 'b.shard.jsonl', request: 'r1', comment: 'c1' },
  ],
};

test('a comment item is done by its extraction verdict, or by the request marked invalid', () => {
  const state = replay(
    events(
      'ana',
      [
        { type: 'extraction', request: 'r1', comment: 'c2', verdict: 'confirmed' },
        { type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Other' },
        { type: 'validity', request: 'r1', verdict: 'valid' },
      ],
      T0,
    ),
  );
  const a = (item: number) => isItemDone(queue.items[item], state.get(queue.items[item].request));
  assert.deepEqual([a(0), a(1), a(2)], [false, true, true], 'valid alone does not settle r1/c1');
  assert.equal(isItemDone({ shard: 'a', request: 'r1' }, state.get('r1')), true, 'a request item: validity decided');
  assert.equal(isItemDone({ shard: 'a', request: 'r9' }, undefined), false);

  // Each annotator counts their own log only; the other shard's state is separate.
  const progress = queueProgress(queue, (shard) => (shard === 'a.shard.jsonl' ? state : undefined));
  assert.deepEqual(progress, { done: 2, total: 4 });
  assert.equal(
    firstOpenItem(queue, (shard) => (shard === 'a.shard.jsonl' ? state : undefined)),
    0,
  );
  const first = replay(events('ben', [{ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' }], T0));
  assert.equal(
    firstOpenItem(queue, (shard) => (shard === 'a.shard.jsonl' ? first : undefined)),
    1,
  );
});

test('steps stay inside the queue and say why at its ends', () => {
  assert.deepEqual(stepQueue(queue, 0, 1), { index: 1 });
  assert.deepEqual(stepQueue(queue, 2, 1), { index: 3 });
  assert.match((stepQueue(queue, 3, 1) as { error: string }).error, /last item of the queue q/);
  assert.match((stepQueue(queue, 0, -1) as { error: string }).error, /first item of the queue q/);
});

test('a request shown by id finds its item: the current one first, else the first of that request', () => {
  assert.equal(itemIndexOf(queue, 'a.shard.jsonl', 'r1', 1), 1);
  assert.equal(itemIndexOf(queue, 'a.shard.jsonl', 'r1', 3), 0);
  assert.equal(itemIndexOf(queue, 'b.shard.jsonl', 'r1', 0), 3);
  assert.equal(itemIndexOf(queue, 'b.shard.jsonl', 'r2', 0), -1);
});

test('steps: an empty queue says so; a step back to the first item is allowed', () => {
  assert.match((stepQueue({ ...queue, items: [] }, 0, 1) as { error: string }).error, /^The queue q is empty$/);
  assert.deepEqual(stepQueue(queue, 1, -1), { index: 0 });
});

test('itemIndexOf: the current item counts only when both its shard and request match', () => {
  assert.equal(itemIndexOf(queue, 'a.shard.jsonl', 'r2', 0), 2);
  assert.equal(itemIndexOf(queue, 'b.shard.jsonl', 'r1', 2), 3);
});

test('firstOpenItem: a shard without a state has every item open; a queue all done starts at its first item', () => {
  assert.equal(
    firstOpenItem(queue, () => undefined),
    0,
  );
  const all = replay(
    events(
      'ana',
      [
        { type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' },
        { type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Other' },
      ],
      T0,
    ),
  );
  assert.deepEqual(
    queueProgress(queue, () => all),
    { done: 4, total: 4 },
  );
  assert.equal(
    firstOpenItem(queue, () => all),
    0,
  );
});
