// Comments by upvotes, highest first; ties keep the file order. Cached per
// record object so moving between comments does not re-sort.
import type { ShardComment, ShardRecord } from '../src/core/shard/schema';

const cache = new WeakMap<ShardRecord, ShardComment[]>();

export function sortedComments(record: ShardRecord): ShardComment[] {
  let sorted = cache.get(record);
  if (!sorted) {
    sorted = [...record.comments].sort((a, b) => b.upvotes - a.upvotes);
    cache.set(record, sorted);
  }
  return sorted;
}
