// Second extractors (extraction-run events) measured against the comments a
// human confirmed or corrected, beside the stored extraction on the same
// comments: item precision, recall and F1, and how many of the items humans
// added (the stored extraction's misses) each extractor found.
import { parseExtraction } from '../paper/extraction';
import { commentVerdict } from '../annotations/state';
import { proportion, type Proportion } from '../stats/wilson';
import { decidedItems, itemSet, overlap } from './items';
import type { ReportRequest } from './load';

export interface ItemScores {
  precision: Proportion;
  recall: Proportion;
  /** Harmonic mean of precision and recall; no Wilson interval (not a proportion). */
  f1: number | null;
}

export interface ExtractorRow {
  /** "<model> (<profile>)": one row per extractor. */
  extractor: string;
  /** Decided comments it answered (its latest answer per comment counts). */
  comments: number;
  scores: ItemScores;
  /** The stored extraction on the same comments. */
  stored: ItemScores;
  /** Items humans added to the stored extraction that this extractor found. */
  missesFound: Proportion;
}

/** Per comment, the extractor's items as the paper parses its answer. */
export type ExtractorAnswers = Map<string, Map<string, string>>;

function scores(correct: number, given: number, truth: number): ItemScores {
  const precision = proportion(correct, given);
  const recall = proportion(correct, truth);
  const f1 =
    precision.value === null || recall.value === null || precision.value + recall.value === 0
      ? null
      : (2 * precision.value * recall.value) / (precision.value + recall.value);
  return { precision, recall, f1 };
}

export function extractorScores(requests: readonly ReportRequest[]): ExtractorRow[] {
  const totals = new Map<
    string,
    { comments: number; correct: number; given: number; truth: number; stored: [number, number]; misses: [number, number] }
  >();
  for (const request of requests) {
    for (const [extractor, answers] of request.extractionRuns) {
      const total = totals.get(extractor) ?? { comments: 0, correct: 0, given: 0, truth: 0, stored: [0, 0], misses: [0, 0] };
      totals.set(extractor, total);
      for (const comment of request.record.comments) {
        const answer = answers.get(comment.id);
        if (answer === undefined || (request.comments && !request.comments.has(comment.id))) continue;
        const verdict = commentVerdict(request.final, comment.id);
        if (!verdict) continue;
        const truth = decidedItems(comment, verdict);
        const model = itemSet(parseExtraction(answer));
        const stored = itemSet(comment.extraction.items);
        const added = [...truth].filter((item) => !stored.has(item));
        total.comments++;
        total.correct += overlap(model, truth);
        total.given += model.size;
        total.truth += truth.size;
        total.stored[0] += overlap(stored, truth);
        total.stored[1] += stored.size;
        total.misses[0] += added.filter((item) => model.has(item)).length;
        total.misses[1] += added.length;
      }
    }
  }
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([extractor, total]) => ({
      extractor,
      comments: total.comments,
      scores: scores(total.correct, total.given, total.truth),
      stored: scores(total.stored[0], total.stored[1], total.truth),
      missesFound: proportion(total.misses[0], total.misses[1]),
    }));
}
