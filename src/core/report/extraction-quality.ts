// How good the LLM extraction is, from the comments annotators confirmed or
// corrected (the final decision per comment). The paper checked 100 comments:
// no item extracted wrongly, 9% of the items missed.
import { commentVerdict } from '../annotations/state';
import { proportion, type Proportion } from '../stats/wilson';
import { decidedItems, itemSet, overlap, sameSet } from './items';
import type { ReportRequest } from './load';

export const PAPER_EXTRACTION = { comments: 100, wrongShare: 0, missedShare: 0.09 } as const;

export interface ExtractionQuality {
  /** Comments with a final verdict (confirmed or corrected) in scope. */
  comments: number;
  confirmed: number;
  corrected: number;
  /** Distinct items the extractor gave for those comments, and the annotators' true items. */
  extractedItems: number;
  trueItems: number;
  /** Extracted items the annotator removed: count over extracted items. */
  wrong: Proportion;
  /** Items the annotator added: count over true items. */
  missed: Proportion;
  /** Comments whose extraction was right as it stood. */
  exactMatch: Proportion;
  /** Micro-averaged over items: correct extracted / extracted, and / true. */
  precision: Proportion;
  recall: Proportion;
  /** Harmonic mean of precision and recall; not a binomial proportion, so no Wilson interval. */
  f1: number | null;
  paper: typeof PAPER_EXTRACTION;
}

export function extractionQuality(requests: readonly ReportRequest[]): ExtractionQuality {
  let comments = 0;
  let corrected = 0;
  let exact = 0;
  let extracted = 0;
  let truth = 0;
  let correct = 0;
  for (const request of requests) {
    for (const comment of request.record.comments) {
      if (request.comments && !request.comments.has(comment.id)) continue;
      const verdict = commentVerdict(request.final, comment.id);
      if (!verdict) continue;
      const given = itemSet(comment.extraction.items);
      const decided = decidedItems(comment, verdict);
      comments++;
      if (verdict.status === 'corrected') corrected++;
      if (sameSet(given, decided)) exact++;
      extracted += given.size;
      truth += decided.size;
      correct += overlap(given, decided);
    }
  }
  const precision = proportion(correct, extracted);
  const recall = proportion(correct, truth);
  const f1 =
    precision.value === null || recall.value === null || precision.value + recall.value === 0
      ? null
      : (2 * precision.value * recall.value) / (precision.value + recall.value);
  return {
    comments,
    confirmed: comments - corrected,
    corrected,
    extractedItems: extracted,
    trueItems: truth,
    wrong: proportion(extracted - correct, extracted),
    missed: proportion(truth - correct, truth),
    exactMatch: proportion(exact, comments),
    precision,
    recall,
    f1,
    paper: PAPER_EXTRACTION,
  };
}
