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

/** An item whose released score (null: not released) the stored extraction gives otherwise (null: not at all). */
export type ReleaseMismatch = { item: string; released: number | null; recomputed: number | null };

/**
 * The items whose released score the paper's rule over `comments` does not
 * give back: a score that differs, a released item no comment yields, or an
 * item the comments yield that the release lacks. Empty when the stored
 * extraction reproduces the release (the release's extraction is partly
 * reconstructed: in the shared music release 33 of the 81 requests with
 * comments differ).
 */
export function releaseMismatches(
  release: readonly (readonly [string, number])[],
  comments: readonly CommentItems[],
): ReleaseMismatch[] {
  const recomputed = relevanceMap(comments);
  const released = new Map(release);
  const differ: ReleaseMismatch[] = [];
  for (const [item, score] of release) {
    const again = recomputed.get(item);
    if (again !== score) differ.push({ item, released: score, recomputed: again ?? null });
  }
  for (const [item, score] of recomputed) if (!released.has(item)) differ.push({ item, released: null, recomputed: score });
  return differ;
}

/**
 * S_r as the export writes it, after an annotator's corrections. One rule:
 * - while the corrections leave the paper's S_r over the comments unchanged
 *   (no edit, or edits only to negative comments), the released S_r stays
 *   exactly (a copy, same order);
 * - once they change it, S_r is the paper's rule over the corrected
 *   extraction, `relevance(corrected)`: never negative, an item present
 *   only while a comment with upvotes >= 0 mentions it (score 0 for a
 *   zero-upvote comment, as in the release), in first-mention order.
 * Released scores are never offset by a delta: where the stored extraction
 * does not reproduce the release (`releaseMismatches`), a delta could push a
 * score below zero ("2 -> -65"). Such requests are flagged at import and in
 * the items panel. The editor's item list, the model panel's hits and the
 * export all use this.
 */
export function correctedRelevance(
  release: readonly (readonly [string, number])[],
  original: readonly CommentItems[],
  corrected: readonly CommentItems[],
): [string, number][] {
  const after = relevance(corrected);
  const before = relevance(original);
  const unchanged =
    after.length === before.length && after.every(([item, score], i) => before[i][0] === item && before[i][1] === score);
  return unchanged ? release.map(([item, score]) => [item, score]) : after;
}
