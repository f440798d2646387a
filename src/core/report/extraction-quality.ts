// How good the LLM extraction is, from the comments annotators confirmed or
// corrected (the final decision per comment). The paper checked 100 comments:
// no item extracted wrongly, 9% of the items missed.
import { commentVerdict, type RequestState } from '../annotations/state';
import { proportion, type Proportion } from '../stats/wilson';
import { decidedItems, itemSet, overlap, sameSet } from './items';
import type { ReportRequest } from './load';

export const PAPER_EXTRACTION = { comments: 100, wrongShare: 0, missedShare: 0.09 } as const;

export interface ExtractionQuality {
  /** Comments with a final verdict (confirmed or corrected) in scope, read one by one. */
  comments: number;
  /**
   * Comments confirmed in bulk ("confirm the rest") and read one by one by nobody: left out of every
   * figure here, as they say nothing of the extraction. `byAnnotator`: each annotator's own bulk confirmations.
   */
  bulk: { leftOut: number; byAnnotator: { annotator: string; comments: number }[] };
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
  let leftOut = 0;
  const bulkBy = new Map<string, number>();
  for (const request of requests) {
    for (const comment of request.record.comments) {
      if (request.comments && !request.comments.has(comment.id)) continue;
      for (const [annotator, state] of request.byAnnotator)
        if (isBulk(state, comment.id)) bulkBy.set(annotator, (bulkBy.get(annotator) ?? 0) + 1);
      const verdict = commentVerdict(request.final, comment.id);
      if (!verdict) continue;
      if (onlyInBulk(request, comment.id)) {
        leftOut++;
        continue;
      }
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
    bulk: {
      leftOut,
      byAnnotator: [...bulkBy].sort(([a], [b]) => (a < b ? -1 : 1)).map(([annotator, count]) => ({ annotator, comments: count })),
    },
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

function isBulk(state: RequestState | undefined, commentId: string): boolean {
  const verdict = commentVerdict(state, commentId);
  return verdict?.status === 'confirmed' && verdict.bulk === true;
}

/** The final verdict is a bulk confirmation and no annotator gave this comment a verdict of their own. */
function onlyInBulk(request: ReportRequest, commentId: string): boolean {
  if (!isBulk(request.final, commentId)) return false;
  for (const state of request.byAnnotator.values()) {
    if (commentVerdict(state, commentId) !== undefined && !isBulk(state, commentId)) return false;
  }
  return true;
}
