// Scoring one answer against a request's CURRENT ground truth: the released
// S_r corrected by the annotators' extraction edits. Used for inline runs the
// moment they end, and for spot-checking stored runs.
import type { RequestState } from '../annotations/state';
import { LETTERS, parseChoice } from '../paper/choice';
import { GroundTruthMatcher, type TitleMatch } from '../paper/matcher';
import { HIT_KS, hitAtK } from '../paper/metrics';
import { parseTitles } from '../paper/titles';
import { correctRequest } from '../release/export-collect';
import type { ShardRecord, Task } from '../shard/schema';

export type { TitleMatch } from '../paper/matcher';

/** Hit@k looks at the first 20 titles; the rest are shown but never count. */
export const SCORED_TITLES = HIT_KS[HIT_KS.length - 1];

export interface ScoredTitle {
  /** As the paper's parser cleans it (lowercase). */
  title: string;
  /** null: a miss. */
  match: TitleMatch | null;
}

export type RunScore =
  | {
      task: 'rec_title';
      /** Every parsed title in rank order. */
      titles: ScoredTitle[];
      /** null when the request has no ground truth (nothing to hit). */
      hit1: 0 | 1 | null;
      hit10: 0 | 1 | null;
      hit20: 0 | 1 | null;
      /** The ground-truth items scored against (corrected S_r, in order). */
      groundTruth: string[];
    }
  | {
      task: 'rec_choice';
      /** Index the paper's parser reads from the answer (its "A" quirk included); null: no letter, counted wrong. */
      pick: number | null;
      pickLetter: string | null;
      /** null when the request has no multiple-choice candidates. */
      trueIndex: number | null;
      correct: boolean | null;
    }
  | { task: 'description'; descriptions: string[] };

/** The request's ground-truth items now: the released S_r with every annotator's corrections applied. */
export function currentGroundTruth(record: ShardRecord, state: RequestState | undefined): string[] {
  return correctRequest(record, state).relevance.map(([item]) => item);
}

/** Whether an answer gives anything to score: a title (rec_title) or a letter (rec_choice). */
export function isParseable(score: RunScore): boolean {
  if (score.task === 'rec_title') return score.titles.length > 0;
  if (score.task === 'rec_choice') return score.pick !== null;
  return score.descriptions.some((text) => text.trim() !== '');
}

export function scoreAnswer(
  task: Task,
  answer: string | readonly string[],
  record: ShardRecord,
  state: RequestState | undefined,
): RunScore {
  if (task === 'description') return { task, descriptions: typeof answer === 'string' ? [answer] : [...answer] };
  const text = typeof answer === 'string' ? answer : answer.join('\n');
  if (task === 'rec_choice') {
    const pick = parseChoice(text);
    const trueIndex = record.choice?.true_index ?? null;
    return {
      task,
      pick,
      pickLetter: pick === null ? null : LETTERS[pick],
      trueIndex,
      correct: trueIndex === null ? null : pick === trueIndex,
    };
  }
  const groundTruth = currentGroundTruth(record, state);
  const matcher = new GroundTruthMatcher(groundTruth);
  const titles = parseTitles(text).map((title) => ({
    title,
    match: matcher.explain(title),
  }));
  const matches = titles.map((title) => title.match !== null);
  const hit = (k: number): 0 | 1 | null => (groundTruth.length === 0 ? null : hitAtK(matches, k));
  return { task, titles, hit1: hit(1), hit10: hit(10), hit20: hit(20), groundTruth };
}
