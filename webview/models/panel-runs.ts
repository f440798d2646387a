// The runs the model panel lists for one request, stored (from the shard)
// and inline (replayed model-run events), scored against the live corrected
// ground truth. Pure: no DOM, so the rules are easy to test.
import type { InlineRun, RequestState } from '../../src/core/annotations/state';
import { parseChoice } from '../../src/core/paper/choice';
import { own } from '../../src/core/dict';
import { GroundTruthMatcher, type TitleMatch } from '../../src/core/paper/matcher';
import { parseTitles } from '../../src/core/paper/titles';
import { runKey, type MultipleChoice, type ShardRecord, type Task } from '../../src/core/shard/schema';

/** Titles scored per run, as the paper's Hit@20 reads at most 20. */
export const MAX_TITLES = 20;
export const HIT_AT = [1, 10, 20] as const;

export interface PanelRun {
  /** The key model verdicts use: "model/input/task" (stored) or "inline:<id>". */
  key: string;
  origin: 'stored' | 'inline';
  model: string;
  input: string;
  task: Task;
  answer: string | string[];
  /** Inline runs: their provenance. */
  inline?: InlineRun;
  /** Another annotator's inline run (from their log): whose it is. Verdicts on it are ours; the run is theirs. */
  by?: string;
}

export type { TitleMatch };

export interface ScoredTitle {
  title: string;
  match: TitleMatch | null;
}

export function answerText(answer: string | string[]): string {
  return Array.isArray(answer) ? answer.join('\n') : answer;
}

const inlinePanelRun = (run: InlineRun, by?: string): PanelRun => ({
  key: run.key,
  origin: 'inline',
  model: run.model,
  input: run.input,
  task: run.task,
  answer: run.answer,
  inline: run,
  ...(by === undefined ? {} : { by }),
});

/** Stored runs, then ours made inline, then other annotators' inline runs (`colleagues`), each in the order made. */
export function panelRuns(record: ShardRecord, state: RequestState | null, colleagues: readonly InlineRun[] = []): PanelRun[] {
  const stored: PanelRun[] = record.runs.map((run) => ({
    key: runKey(run),
    origin: 'stored',
    model: run.model,
    input: run.input,
    task: run.task,
    answer: run.answer,
  }));
  const ours = (state?.runs ?? []).map((run) => inlinePanelRun(run));
  const seen = new Set(ours.map((run) => run.key));
  const theirs = colleagues.filter((run) => !seen.has(run.key)).map((run) => inlinePanelRun(run, run.annotator));
  // New results first: our newest inline run on top, then colleagues' runs, then the shard's stored runs.
  return [...ours.reverse(), ...theirs, ...stored];
}

/** One matcher per ground-truth array: building it sorts every item, and a request scores all its runs against one truth. */
const matchers = new WeakMap<readonly string[], GroundTruthMatcher>();

function matcherFor(groundTruth: readonly string[]): GroundTruthMatcher {
  let matcher = matchers.get(groundTruth);
  if (!matcher) matchers.set(groundTruth, (matcher = new GroundTruthMatcher(groundTruth)));
  return matcher;
}

/**
 * The first 20 parsed titles, each with the ground-truth item it hits (edit distance, or a creator match), by the paper's
 * matcher. The array is read as given each time it is passed: do not change it in place between calls.
 */
export function scoreTitles(answer: string | string[], groundTruth: readonly string[]): ScoredTitle[] {
  const matcher = matcherFor(groundTruth);
  return parseTitles(answerText(answer), MAX_TITLES).map((title) => ({ title, match: matcher.explain(title) }));
}

/** Hit@k of one run: 1 when any of the first k titles hits. */
export function hitAt(titles: readonly ScoredTitle[], k: number): 0 | 1 {
  return titles.slice(0, k).some((title) => title.match !== null) ? 1 : 0;
}

export interface ChoiceScore {
  /** The letter index as the paper's parser reads the answer (its quirk included); null: none, counted wrong. */
  picked: number | null;
  truth: number | null;
  /** null when the request has no stored truth. */
  correct: boolean | null;
}

export function scoreChoice(answer: string | string[], choice: MultipleChoice | null): ChoiceScore {
  const picked = parseChoice(answerText(answer));
  if (!choice) return { picked, truth: null, correct: null };
  return { picked, truth: choice.true_index, correct: picked === choice.true_index };
}

/** A verdict recorded on one target of a run ("title:3" / "choice"); data keys are looked up as own properties only. */
export function verdictOf(state: RequestState | null, run: string, target: string): string | undefined {
  return own(own(state?.modelVerdicts, run), target);
}
