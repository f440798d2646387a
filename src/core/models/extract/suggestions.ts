// What a second extractor suggests for each comment, as the editor shows it:
// the runs (inline extraction-run events, or a batch run's output file), and
// per comment the possible misses and possible wrong items against the
// current extraction, less the ones an annotator dismissed.
import { normalizeItem } from '../../annotations/items';
import { own } from '../../dict';
import { compareItems } from './compare-items';
import type { ExtractionSuggestionRun, SuggestionSource } from './suggestion-run';

export type { ExtractionSuggestionRun, SuggestionSource };

/** An item of a disagreement, with the runs that make it one. */
export interface SuggestedItem {
  item: string;
  sources: SuggestionSource[];
}

export interface CommentSuggestions {
  /** Items some run found that the current extraction lacks (possible misses), as the first run wrote them. */
  misses: SuggestedItem[];
  /** Items of the current extraction some run did not find (possible wrong items), as the extraction holds them. */
  wrong: SuggestedItem[];
}

/** "miss:<normalised item>" or "wrong:<normalised item>": how a dismissal is kept in the state. */
export function dismissalKey(kind: 'miss' | 'wrong', item: string): string {
  return `${kind}:${normalizeItem(item)}`;
}

/** The label of a source, for tooltips and accessible names. */
export function sourceLabel(source: SuggestionSource): string {
  return source.kind === 'inline' ? `${source.model} (${source.profile})` : `batch run ${source.run}`;
}

/**
 * A comment's disagreements with every run on it. An item counts as a possible
 * wrong one when at least one run lacks it; dismissed ones are left out.
 */
export function commentSuggestions(
  runs: readonly ExtractionSuggestionRun[],
  current: readonly string[],
  dismissed: readonly string[] = [],
): CommentSuggestions {
  const gone = new Set(dismissed);
  const misses = new Map<string, SuggestedItem>();
  const wrong = new Map<string, SuggestedItem>();
  const add = (into: Map<string, SuggestedItem>, kind: 'miss' | 'wrong', item: string, source: SuggestionSource) => {
    const key = dismissalKey(kind, item);
    if (gone.has(key)) return;
    const found = into.get(key);
    if (found) found.sources.push(source);
    else into.set(key, { item, sources: [source] });
  };
  for (const run of runs) {
    const comparison = compareItems(run.items, current);
    for (const item of comparison.added) add(misses, 'miss', item, run.source);
    for (const item of comparison.lacking) add(wrong, 'wrong', item, run.source);
  }
  return { misses: [...misses.values()], wrong: [...wrong.values()] };
}

/** The runs on one comment. */
export function runsOnComment(runs: readonly ExtractionSuggestionRun[] | undefined, comment: string): ExtractionSuggestionRun[] {
  return (runs ?? []).filter((run) => run.comment === comment);
}

/** The dismissal keys of one comment in a replayed state's record of them. */
export function dismissalsOf(dismissed: Readonly<Record<string, string[]>> | undefined, comment: string): string[] {
  return own(dismissed, comment) ?? [];
}
