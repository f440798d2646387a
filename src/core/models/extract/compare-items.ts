// A second extractor's items against the current (corrected) extraction of
// one comment, by the project's item normalisation (case, blanks, NFC):
// what it adds (possible misses), what it lacks (possible wrong items), and
// what both have.
import { normalizeItem } from '../../annotations/items';
import { commentVerdict, type RequestState } from '../../annotations/state';
import type { ShardComment } from '../../shard/schema';

export interface ItemComparison {
  /** Items the model found that the current extraction lacks, as the model wrote them. */
  added: string[];
  /** Items of the current extraction the model did not find, as the extraction holds them. */
  lacking: string[];
  /** Items both have, as the current extraction holds them. */
  agreed: string[];
}

/** The comment's items as they stand: the annotator's correction, else the stored extraction. */
export function currentItems(comment: ShardComment, state: RequestState | undefined): string[] {
  const verdict = commentVerdict(state, comment.id);
  return verdict?.status === 'corrected' ? verdict.items : comment.extraction.items;
}

/** Items in first-seen order, one per normalised form, blanks dropped. */
function distinct(items: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const item of items) {
    const key = normalizeItem(item);
    if (key !== '' && !byKey.has(key)) byKey.set(key, item);
  }
  return byKey;
}

export function compareItems(modelItems: readonly string[], current: readonly string[]): ItemComparison {
  const model = distinct(modelItems);
  const stored = distinct(current);
  return {
    added: [...model].filter(([key]) => !stored.has(key)).map(([, item]) => item),
    lacking: [...stored].filter(([key]) => !model.has(key)).map(([, item]) => item),
    agreed: [...stored].filter(([key]) => model.has(key)).map(([, item]) => item),
  };
}

/** True when the two extractions name different items. */
export function disagrees(comparison: ItemComparison): boolean {
  return comparison.added.length > 0 || comparison.lacking.length > 0;
}
