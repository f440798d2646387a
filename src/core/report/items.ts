// The items one decision says a comment contains, in a comparable form.
import { itemSet } from '../annotations/items';
import type { CommentVerdict } from '../annotations/state';
import type { ShardComment } from '../shard/schema';

export { itemSet, normalizeItem } from '../annotations/items';

/** The true items by a verdict: the extraction as it stands when confirmed, the annotator's list when corrected. */
export function decidedItems(comment: ShardComment, verdict: CommentVerdict): Set<string> {
  return itemSet(verdict.status === 'confirmed' ? comment.extraction.items : verdict.items);
}

/** |a ∩ b| */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count++;
  return count;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && overlap(a, b) === a.size;
}
