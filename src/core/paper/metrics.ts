// The paper's scores: Hit@k over parsed titles, multiple-choice accuracy.
import type { Domain } from '../shard/schema';
import { parseChoice } from './choice';
import type { GroundTruthMatcher } from './matcher';
import { parseTitles } from './titles';

export const HIT_KS = [1, 10, 20] as const;
export type HitK = (typeof HIT_KS)[number];
export type Hits = Record<HitK, 0 | 1>;

/** One stored run's scores over a domain. Hits are fractions, accuracy a percentage. */
export interface EvalRow {
  domain: Domain;
  model: string;
  /** "image" or the description source model. */
  input: string;
  /** Present for runs made inline (editor or `imagery run`), with the prompt they used; absent for stored runs. */
  source?: 'inline';
  prompt?: 'standard' | 'coi';
  /** null when no request with ground truth had a rec_title answer of this run. */
  hit1: number | null;
  hit10: number | null;
  hit20: number | null;
  /** Percent (64.7 means 64.70%); null when no benchmark request had a rec_choice answer. */
  accuracy: number | null;
  /** Requests scored for titles (the Hit@k denominator). */
  requests: number;
  /** Requests scored for multiple choice (the accuracy denominator). */
  choiceRequests: number;
}

/** 1 when any of the first k titles matches. */
export function hitAtK(matches: readonly boolean[], k: number): 0 | 1 {
  return matches.slice(0, k).some(Boolean) ? 1 : 0;
}

/** Every parsed title of one rec_title answer with whether it matches, in rank order. */
export function matchTitles(answer: string, matcher: GroundTruthMatcher): { title: string; matched: boolean }[] {
  return parseTitles(answer).map((title) => ({ title, matched: matcher.matches(title) }));
}

export function titleHits(answer: string, matcher: GroundTruthMatcher): Hits {
  // Only the first max(k) titles can count; matching the rest would be wasted work.
  const matches = parseTitles(answer)
    .slice(0, HIT_KS[HIT_KS.length - 1])
    .map((title) => matcher.matches(title));
  return { 1: hitAtK(matches, 1), 10: hitAtK(matches, 10), 20: hitAtK(matches, 20) };
}

/** Whether a rec_choice answer picks the true candidate (no letter counts as wrong). */
export function isChoiceCorrect(answer: string, trueIndex: number): boolean {
  return parseChoice(answer) === trueIndex;
}

/** Mean of 0/1 scores; null for an empty set. */
export function meanOrNull(sum: number, count: number): number | null {
  return count === 0 ? null : sum / count;
}

export function accuracyPercent(correct: number, total: number): number | null {
  return total === 0 ? null : (100 * correct) / total;
}
