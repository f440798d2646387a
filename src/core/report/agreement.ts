// Do the annotators agree? On validity (valid / invalid): Cohen's kappa per
// pair and Krippendorff's alpha (nominal, missing data allowed) over all; on
// extraction: item-level F1 between each pair; and every disagreement.
import { commentVerdict, type RequestState } from '../annotations/state';
import { cohenKappa } from '../stats/cohen-kappa';
import { krippendorffAlphaNominal } from '../stats/krippendorff-alpha';
import { decidedItems, overlap, sameSet } from './items';
import type { ReportRequest } from './load';

export interface PairAgreement {
  a: string;
  b: string;
  /** Validity: requests both decided, how many they agree on, and kappa over them. */
  validityUnits: number;
  validityAgreed: number;
  cohenKappa: number | null;
  /** Extraction: comments both reviewed, how many item lists are equal, item-level F1 (2|A∩B| / (|A|+|B|)). */
  extractionUnits: number;
  extractionAgreed: number;
  itemF1: number | null;
}

export type AnnotatorValue = { annotator: string; validity?: string; items?: string[] };

export interface Disagreement {
  kind: 'validity' | 'extraction';
  shard: string;
  request: string;
  comment?: string;
  /** What each annotator who decided said: "valid", or "invalid: <reason>"; or the items. */
  values: AnnotatorValue[];
  /** An adjudication settles it. */
  adjudicated: boolean;
}

export interface Agreement {
  annotators: string[];
  /** The one pair's kappa when exactly two annotators decided validity; null otherwise (see pairs). */
  cohenKappa: number | null;
  /** Over every annotator, on valid / invalid. */
  krippendorffAlpha: number | null;
  /** Requests that two or more annotators decided (the units alpha is computed from). */
  validityUnits: number;
  pairs: PairAgreement[];
  disagreements: Disagreement[];
}

const validityLabel = (state: RequestState | undefined): string | undefined => state?.validity?.status;
const validityText = (state: RequestState): string | undefined =>
  state.validity && (state.validity.status === 'valid' ? 'valid' : `invalid: ${state.validity.reason}`);

export function agreement(
  requests: readonly ReportRequest[],
  annotators: readonly string[],
  isAdjudicated: (request: string, comment?: string) => boolean = () => false,
): Agreement {
  const units: (string | undefined)[][] = [];
  const disagreements: Disagreement[] = [];
  for (const request of requests) {
    const labels = annotators.map((name) => validityLabel(request.byAnnotator.get(name)));
    if (labels.filter((label) => label !== undefined).length >= 2) units.push(labels);
    const said = annotators.flatMap((name) => {
      const state = request.byAnnotator.get(name);
      const text = state && validityText(state);
      return text ? [{ annotator: name, validity: text }] : [];
    });
    if (said.length >= 2 && new Set(said.map((value) => value.validity)).size > 1) {
      disagreements.push({
        kind: 'validity',
        shard: request.shard,
        request: request.record.id,
        values: said,
        adjudicated: isAdjudicated(request.record.id),
      });
    }
    for (const comment of request.record.comments) {
      if (request.comments && !request.comments.has(comment.id)) continue;
      const lists = annotators.flatMap((name) => {
        const verdict = commentVerdict(request.byAnnotator.get(name), comment.id);
        return verdict ? [{ annotator: name, set: decidedItems(comment, verdict) }] : [];
      });
      if (lists.length >= 2 && lists.some((list) => !sameSet(list.set, lists[0].set))) {
        disagreements.push({
          kind: 'extraction',
          shard: request.shard,
          request: request.record.id,
          comment: comment.id,
          values: lists.map(({ annotator, set }) => ({ annotator, items: [...set].sort() })),
          adjudicated: isAdjudicated(request.record.id, comment.id),
        });
      }
    }
  }
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) pairs.push(pairAgreement(requests, annotators[i], annotators[j]));
  }
  const validityPairs = pairs.filter((pair) => pair.validityUnits > 0);
  return {
    annotators: [...annotators],
    cohenKappa: annotators.length === 2 && validityPairs.length === 1 ? validityPairs[0].cohenKappa : null,
    krippendorffAlpha: krippendorffAlphaNominal(units),
    validityUnits: units.length,
    pairs,
    disagreements,
  };
}

function pairAgreement(requests: readonly ReportRequest[], a: string, b: string): PairAgreement {
  const validity: [string, string][] = [];
  let extractionUnits = 0;
  let extractionAgreed = 0;
  let common = 0;
  let sizes = 0;
  for (const request of requests) {
    const [stateA, stateB] = [request.byAnnotator.get(a), request.byAnnotator.get(b)];
    const [labelA, labelB] = [validityLabel(stateA), validityLabel(stateB)];
    if (labelA !== undefined && labelB !== undefined) validity.push([labelA, labelB]);
    for (const comment of request.record.comments) {
      if (request.comments && !request.comments.has(comment.id)) continue;
      const [verdictA, verdictB] = [commentVerdict(stateA, comment.id), commentVerdict(stateB, comment.id)];
      if (!verdictA || !verdictB) continue;
      const [itemsA, itemsB] = [decidedItems(comment, verdictA), decidedItems(comment, verdictB)];
      extractionUnits++;
      if (sameSet(itemsA, itemsB)) extractionAgreed++;
      common += overlap(itemsA, itemsB);
      sizes += itemsA.size + itemsB.size;
    }
  }
  return {
    a,
    b,
    validityUnits: validity.length,
    validityAgreed: validity.filter(([x, y]) => x === y).length,
    cohenKappa: cohenKappa(validity),
    extractionUnits,
    extractionAgreed,
    // Both saying "no items" on every comment is full agreement.
    itemF1: extractionUnits === 0 ? null : sizes === 0 ? 1 : (2 * common) / sizes,
  };
}
