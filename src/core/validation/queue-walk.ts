// Walking a review queue: where next / previous land, and how much of it one
// annotator has done. "Done" for an annotator means their own log decides the
// item: a request item once its validity is decided; a comment item once the
// comment has an extraction verdict, or the request is marked invalid (an
// invalid post's comments need none, as for a reviewed request).
import { commentVerdict, type RequestState, type ShardState } from '../annotations/state';
import type { QueueItem, ReviewQueue } from './queue';

export interface QueueProgress {
  done: number;
  total: number;
}

export function isItemDone(item: QueueItem, state: RequestState | undefined): boolean {
  if (!state?.validity) return item.comment === undefined ? false : commentVerdict(state, item.comment) !== undefined;
  if (item.comment === undefined || state.validity.status === 'invalid') return true;
  return commentVerdict(state, item.comment) !== undefined;
}

/** `stateOf(shard)`: this annotator's replayed state of a queue shard (its relative path as the queue names it). */
export function queueProgress(queue: ReviewQueue, stateOf: (shard: string) => ShardState | undefined): QueueProgress {
  let done = 0;
  for (const item of queue.items) if (isItemDone(item, stateOf(item.shard)?.get(item.request))) done++;
  return { done, total: queue.items.length };
}

/** The item `delta` steps from `index`, or why there is none. */
export function stepQueue(queue: ReviewQueue, index: number, delta: number): { index: number } | { error: string } {
  const next = index + delta;
  if (queue.items.length === 0) return { error: `The queue ${queue.name} is empty` };
  if (next < 0) return { error: `Already at the first item of the queue ${queue.name}` };
  if (next >= queue.items.length) return { error: `Already at the last item of the queue ${queue.name}` };
  return { index: next };
}

/** The queue item for a request shown in a shard: the current one if it matches, else the first of that request. */
export function itemIndexOf(queue: ReviewQueue, shard: string, request: string, current: number): number {
  const here = queue.items[current];
  if (here && here.shard === shard && here.request === request) return current;
  return queue.items.findIndex((item) => item.shard === shard && item.request === request);
}

/** Where a walk starts: the first item this annotator has not done, or the first item. */
export function firstOpenItem(queue: ReviewQueue, stateOf: (shard: string) => ShardState | undefined): number {
  const open = queue.items.findIndex((item) => !isItemDone(item, stateOf(item.shard)?.get(item.request)));
  return open === -1 ? 0 : open;
}
