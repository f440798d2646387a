// Relevance S_r(i) of the items recommended in one request, and the live
// (corrected) S_r that the editor shows and the export writes.

/** One first-level comment as far as relevance is concerned. */
export type CommentItems = { upvotes: number; items: readonly string[] };

/**
 * S_r(i): the sum of the upvotes of the comments mentioning i, in first-mention
 * order. Comments with negative upvotes are skipped; zero-upvote comments still
 * add their items (score 0). An item listed twice in one comment counts twice,
 * as in the release (see parseExtraction).
 */
export function relevance(comments: readonly CommentItems[]): [string, number][] {
  return [...relevanceMap(comments)];
}

function relevanceMap(comments: readonly CommentItems[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const comment of comments) {
    if (comment.upvotes < 0) continue;
    for (const item of comment.items) scores.set(item, (scores.get(item) ?? 0) + comment.upvotes);
  }
  return scores;
}

/** The multiple-choice positive: the highest score, the first in order on ties; null when empty. */
export function positiveItem(rel: readonly (readonly [string, number])[]): string | null {
  let best: readonly [string, number] | undefined;
  for (const entry of rel) if (best === undefined || entry[1] > best[1]) best = entry;
  return best === undefined ? null : best[0];
}

/**
 * The released S_r corrected by an annotator's edits, without recomputing it
 * from the comments (the release's extraction is partly reconstructed, so a
 * recomputation would not give back recs.json):
 *
 *   score(i) = release(i) (0 if absent) + relevance(corrected)(i) - relevance(original)(i)
 *
 * `original` and `corrected` are the same comments before and after the
 * correction. An item "changed" when its delta is non-zero or whether a
 * (non-negative-upvote) comment mentions it differs between the two.
 * - An item some original comment mentioned and no corrected comment mentions
 *   any more is dropped, whatever its score: every mention of it was removed.
 * - Unchanged items stay exactly as released (unchanged comments => output
 *   deep-equals `release`, same order). Released items that no comment
 *   mentions before or after (the reconstructed extraction missed them) stay.
 * - A changed item is kept only while a corrected comment with upvotes >= 0
 *   still mentions it, even at score 0 (as the release keeps zero-upvote
 *   mentions): release items in release order, new items appended in
 *   first-mention order of `corrected`.
 * The editor's item list, the model panel's hits and the export all use this.
 */
export function correctedRelevance(
  release: readonly (readonly [string, number])[],
  original: readonly CommentItems[],
  corrected: readonly CommentItems[],
): [string, number][] {
  const before = relevanceMap(original);
  const after = relevanceMap(corrected);
  // Mentions by any comment, negative upvotes included: what "every mention removed" is about.
  const mentionedBefore = new Set(original.flatMap((comment) => comment.items));
  const mentionedAfter = new Set(corrected.flatMap((comment) => comment.items));
  const released = new Set(release.map(([item]) => item));
  const result: [string, number][] = [];
  const consider = (item: string, base: number): void => {
    if (mentionedBefore.has(item) && !mentionedAfter.has(item)) return;
    const delta = (after.get(item) ?? 0) - (before.get(item) ?? 0);
    const mentioned = after.has(item);
    const changed = delta !== 0 || mentioned !== before.has(item);
    if (!changed) {
      if (released.has(item)) result.push([item, base]);
      return;
    }
    if (mentioned) result.push([item, base + delta]);
  };
  for (const [item, score] of release) consider(item, score);
  for (const item of after.keys()) if (!released.has(item)) consider(item, 0);
  // Items only the original mentioned and the release lacks end at a score <= 0, unmentioned: dropped.
  return result;
}
