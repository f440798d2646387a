// Whether a generated title hits the request's ground truth (the release's
// match_titles.py): edit distance < 5 to any item, else a creator-only item
// contained in the part of the title before its first "-".
import { distance } from 'fastest-levenshtein';
import { hasAstral, pyLength } from './python-text';

/** A title matches an item when their edit distance is below this. */
export const MAX_MATCH_DISTANCE_EXCLUSIVE = 5;

/** Why a title matches: the nearest item (distance < 5), else a creator-only item inside its head. */
export type TitleMatch = { kind: 'item'; item: string; distance: number } | { kind: 'creator'; item: string };

interface Candidate {
  text: string;
  length: number;
  astral: boolean;
}

export class GroundTruthMatcher {
  private readonly exact: Set<string>;
  private readonly candidates: Candidate[];
  private readonly creators: string[];
  /** Lowercase item -> the ground-truth text as given (first one wins), for showing which item matched. */
  private readonly originals = new Map<string, string>();

  constructor(items: readonly string[]) {
    for (const item of items) if (!this.originals.has(item.toLowerCase())) this.originals.set(item.toLowerCase(), item);
    const unique = [...this.originals.keys()];
    this.exact = new Set(unique);
    // Sorted by length so a title only visits items within the distance bound.
    this.candidates = unique
      .map((text) => ({ text, length: pyLength(text), astral: hasAstral(text) }))
      .sort((a, b) => a.length - b.length);
    // Creator-only items are those without " - " (the release compares them as stored, lowercase).
    this.creators = unique.filter((item) => !item.includes(' - '));
  }

  matches(title: string): boolean {
    const text = title.toLowerCase();
    return this.isNear(text) || this.hasCreator(text);
  }

  /**
   * The same verdict as `matches` (non-null exactly when it is true), with the
   * reason: the nearest ground-truth item and its distance (first in length
   * order on ties), else the first creator-only item found in the title's head.
   */
  explain(title: string): TitleMatch | null {
    const text = title.toLowerCase();
    const near = this.nearest(text, true);
    if (near) return { kind: 'item', item: this.originals.get(near.text) ?? near.text, distance: near.distance };
    const creator = this.creatorIn(text);
    return creator === undefined ? null : { kind: 'creator', item: this.originals.get(creator) ?? creator };
  }

  private isNear(text: string): boolean {
    return this.nearest(text, false) !== null;
  }

  /** An item within the distance bound: any (the first found) or, with `best`, the nearest. */
  private nearest(text: string, best: boolean): { text: string; distance: number } | null {
    if (this.exact.has(text)) return { text, distance: 0 };
    const length = pyLength(text);
    const astral = hasAstral(text);
    let found: { text: string; distance: number } | null = null;
    // Cheap exact bound: the distance is at least the length difference, so only
    // items with |length difference| < 5 can match.
    for (let i = this.firstWithLengthAbove(length - MAX_MATCH_DISTANCE_EXCLUSIVE); i < this.candidates.length; i++) {
      const candidate = this.candidates[i];
      if (candidate.length >= length + MAX_MATCH_DISTANCE_EXCLUSIVE) break;
      const d = astral || candidate.astral ? codePointDistance(text, candidate.text) : distance(text, candidate.text);
      if (d < MAX_MATCH_DISTANCE_EXCLUSIVE && (found === null || d < found.distance)) {
        found = { text: candidate.text, distance: d };
        if (!best) return found;
      }
    }
    return found;
  }

  /** Index of the first candidate longer than `length` (binary search over the sorted lengths). */
  private firstWithLengthAbove(length: number): number {
    let low = 0;
    let high = this.candidates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.candidates[middle].length > length) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private hasCreator(text: string): boolean {
    return this.creatorIn(text) !== undefined;
  }

  private creatorIn(text: string): string | undefined {
    if (this.creators.length === 0) return undefined;
    const head = text.split('-', 1)[0];
    return this.creators.find((creator) => head.includes(creator));
  }
}

/** One-off form of GroundTruthMatcher (build the class once per request when matching many titles). */
export function matchesGroundTruth(title: string, items: readonly string[]): boolean {
  return new GroundTruthMatcher(items).matches(title);
}

/**
 * Levenshtein distance over code points, as Python's editdistance counts them;
 * fastest-levenshtein counts UTF-16 units, which differs for astral characters.
 */
export function codePointDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}
