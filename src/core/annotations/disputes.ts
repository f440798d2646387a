// What annotators disagree on in one request, for the editor's adjudication
// panel: each annotator's answer (as plain text, and as the adjudication it
// would become if the reviewer takes it) and what a reviewer settled, if anyone did.
import { itemSetKey } from './items';
import type { Resolver, ResolvableRecord } from './resolve';
import { commentVerdict, type CommentVerdict, type Validity } from './state';
import type { InvalidReason } from './events';

/** The fields of an adjudication event that decide a value (the event type's own vocabulary). */
export interface AdjudicationChoice {
  verdict: 'valid' | 'invalid' | 'confirmed' | 'corrected';
  reason?: InvalidReason;
  items?: string[];
}

export interface DisputeAnswer {
  annotator: string;
  /** The answer as words: "valid", "invalid: Image is text", or the items joined with "; " ("(no items)"). */
  text: string;
  choice: AdjudicationChoice;
}

export interface Dispute {
  kind: 'validity' | 'extraction';
  /** The comment in dispute (extraction only). */
  comment?: string;
  answers: DisputeAnswer[];
  /** The settled value as words, when a reviewer adjudicated it. */
  settled?: string;
}

export function validityAnswer(validity: Validity): { text: string; choice: AdjudicationChoice } {
  return validity.status === 'valid'
    ? { text: 'valid', choice: { verdict: 'valid' } }
    : { text: `invalid: ${validity.reason}`, choice: { verdict: 'invalid', reason: validity.reason } };
}

export function itemsText(items: readonly string[]): string {
  return items.length === 0 ? '(no items)' : items.join('; ');
}

function extractionAnswer(verdict: CommentVerdict, extracted: readonly string[]): { text: string; choice: AdjudicationChoice } {
  if (verdict.status === 'confirmed') return { text: itemsText(extracted), choice: { verdict: 'confirmed' } };
  return { text: itemsText(verdict.items), choice: { verdict: 'corrected', items: [...verdict.items] } };
}

/** Every validity or extraction question of `record` on which two or more annotators gave different answers. */
export function disputesOf(record: ResolvableRecord, resolver: Resolver): Dispute[] {
  const states = [...resolver.annotatorStates()]
    .map(([annotator, shard]) => ({ annotator, state: shard.get(record.id) }))
    .sort((a, b) => a.annotator.localeCompare(b.annotator));
  const disputes: Dispute[] = [];
  const validity = states.flatMap(({ annotator, state }) =>
    state?.validity ? [{ annotator, ...validityAnswer(state.validity) }] : [],
  );
  if (new Set(validity.map((answer) => answer.text)).size > 1) {
    const settled = resolver.adjudicatedValue(record.id) as Validity | undefined;
    disputes.push({ kind: 'validity', answers: validity, ...(settled ? { settled: validityAnswer(settled).text } : {}) });
  }
  for (const comment of record.comments) {
    const extracted = comment.extraction.items;
    const answers = states.flatMap(({ annotator, state }) => {
      const verdict = commentVerdict(state, comment.id);
      if (!verdict) return [];
      const key = itemSetKey(verdict.status === 'confirmed' ? extracted : verdict.items);
      return [{ annotator, key, ...extractionAnswer(verdict, extracted) }];
    });
    if (new Set(answers.map((answer) => answer.key)).size <= 1) continue;
    const settled = resolver.adjudicatedValue(record.id, comment.id) as CommentVerdict | undefined;
    disputes.push({
      kind: 'extraction',
      comment: comment.id,
      answers: answers.map(({ annotator, text, choice }) => ({ annotator, text, choice })),
      ...(settled ? { settled: extractionAnswer(settled, extracted).text } : {}),
    });
  }
  return disputes;
}
