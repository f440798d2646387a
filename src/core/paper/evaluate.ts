// Scores every stored run of a set of records: one EvalRow per domain/model/input.
// Inline runs (made in the editor or with `imagery run`) get rows of their own.
import type { InlineRun } from '../annotations/state';
import type { Domain, ShardRecord, StoredRun } from '../shard/schema';
import { GroundTruthMatcher } from './matcher';
import { accuracyPercent, type EvalRow, isChoiceCorrect, meanOrNull, titleHits } from './metrics';

interface Tally {
  domain: Domain;
  model: string;
  input: string;
  inline?: { prompt: InlineRun['prompt'] };
  hits: { 1: number; 10: number; 20: number };
  requests: number;
  correct: number;
  choiceRequests: number;
}

/**
 * Denominators, as in the release: Hit@k averages over the requests that have
 * ground truth (non-empty `relevance`, i.e. in recs.json) and an answer of the
 * run; accuracy over the requests with multiple-choice candidates (`choice`,
 * i.e. in submissions_ns) and an answer. Runs stored for requests outside the
 * benchmark (music: 804 rec_title lines, 796 requests) are therefore ignored.
 * Rows come sorted by domain, model, input.
 */
export function evaluateRecords(
  records: Iterable<ShardRecord>,
  inlineRunsOf?: (record: ShardRecord) => readonly InlineRun[],
): EvalRow[] {
  const tallies = new Map<string, Tally>();
  for (const record of records) {
    let matcher: GroundTruthMatcher | undefined;
    const runs: (StoredRun & { prompt?: InlineRun['prompt'] })[] = [
      ...record.runs,
      ...latestInline(inlineRunsOf?.(record) ?? []),
    ];
    for (const run of runs) {
      if (typeof run.answer !== 'string') continue;
      if (run.task === 'rec_title' && record.relevance.length > 0) {
        matcher ??= new GroundTruthMatcher(record.relevance.map(([item]) => item));
        const hits = titleHits(run.answer, matcher);
        const tally = tallyOf(tallies, record.domain, run.model, run.input, run.prompt);
        tally.hits[1] += hits[1];
        tally.hits[10] += hits[10];
        tally.hits[20] += hits[20];
        tally.requests++;
      } else if (run.task === 'rec_choice' && record.choice !== null) {
        const tally = tallyOf(tallies, record.domain, run.model, run.input, run.prompt);
        if (isChoiceCorrect(run.answer, record.choice.true_index)) tally.correct++;
        tally.choiceRequests++;
      }
    }
  }
  return [...tallies.values()].sort(compareTallies).map(toRow);
}

/**
 * Inline runs scored like stored ones (against the released S_r, so their
 * rows compare with the paper's): per request, only the latest run of each
 * model/prompt/input/task counts, so a request run twice weighs once.
 */
function latestInline(runs: readonly InlineRun[]): (StoredRun & { prompt: InlineRun['prompt'] })[] {
  const latest = new Map<string, InlineRun>();
  for (const run of runs) latest.set(JSON.stringify([run.model, run.prompt, run.input, run.task]), run);
  return [...latest.values()].map((run) => ({
    model: run.model,
    input: run.input,
    task: run.task,
    answer: run.answer,
    prompt: run.prompt,
  }));
}

function tallyOf(tallies: Map<string, Tally>, domain: Domain, model: string, input: string, prompt?: InlineRun['prompt']): Tally {
  const key = JSON.stringify([domain, model, input, prompt ?? null]);
  let tally = tallies.get(key);
  if (!tally) {
    tally = {
      domain,
      model,
      input,
      ...(prompt ? { inline: { prompt } } : {}),
      hits: { 1: 0, 10: 0, 20: 0 },
      requests: 0,
      correct: 0,
      choiceRequests: 0,
    };
    tallies.set(key, tally);
  }
  return tally;
}

function compareTallies(a: Tally, b: Tally): number {
  return (
    compareText(a.domain, b.domain) ||
    Number(a.inline !== undefined) - Number(b.inline !== undefined) ||
    compareText(a.model, b.model) ||
    compareText(a.input, b.input) ||
    compareText(a.inline?.prompt ?? '', b.inline?.prompt ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toRow(tally: Tally): EvalRow {
  return {
    domain: tally.domain,
    model: tally.model,
    input: tally.input,
    ...(tally.inline ? { source: 'inline' as const, prompt: tally.inline.prompt } : {}),
    hit1: meanOrNull(tally.hits[1], tally.requests),
    hit10: meanOrNull(tally.hits[10], tally.requests),
    hit20: meanOrNull(tally.hits[20], tally.requests),
    accuracy: accuracyPercent(tally.correct, tally.choiceRequests),
    requests: tally.requests,
    choiceRequests: tally.choiceRequests,
  };
}
