// Scores every stored run of a set of records: one EvalRow per domain/model/input.
import type { Domain, ShardRecord } from '../shard/schema';
import { GroundTruthMatcher } from './matcher';
import { accuracyPercent, type EvalRow, isChoiceCorrect, meanOrNull, titleHits } from './metrics';

interface Tally {
  domain: Domain;
  model: string;
  input: string;
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
export function evaluateRecords(records: Iterable<ShardRecord>): EvalRow[] {
  const tallies = new Map<string, Tally>();
  for (const record of records) {
    let matcher: GroundTruthMatcher | undefined;
    for (const run of record.runs) {
      if (typeof run.answer !== 'string') continue;
      if (run.task === 'rec_title' && record.relevance.length > 0) {
        matcher ??= new GroundTruthMatcher(record.relevance.map(([item]) => item));
        const hits = titleHits(run.answer, matcher);
        const tally = tallyOf(tallies, record.domain, run.model, run.input);
        tally.hits[1] += hits[1];
        tally.hits[10] += hits[10];
        tally.hits[20] += hits[20];
        tally.requests++;
      } else if (run.task === 'rec_choice' && record.choice !== null) {
        const tally = tallyOf(tallies, record.domain, run.model, run.input);
        if (isChoiceCorrect(run.answer, record.choice.true_index)) tally.correct++;
        tally.choiceRequests++;
      }
    }
  }
  return [...tallies.values()].sort(compareTallies).map(toRow);
}

function tallyOf(tallies: Map<string, Tally>, domain: Domain, model: string, input: string): Tally {
  const key = JSON.stringify([domain, model, input]);
  let tally = tallies.get(key);
  if (!tally) {
    tally = { domain, model, input, hits: { 1: 0, 10: 0, 20: 0 }, requests: 0, correct: 0, choiceRequests: 0 };
    tallies.set(key, tally);
  }
  return tally;
}

function compareTallies(a: Tally, b: Tally): number {
  return compareText(a.domain, b.domain) || compareText(a.model, b.model) || compareText(a.input, b.input);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toRow(tally: Tally): EvalRow {
  return {
    domain: tally.domain,
    model: tally.model,
    input: tally.input,
    hit1: meanOrNull(tally.hits[1], tally.requests),
    hit10: meanOrNull(tally.hits[10], tally.requests),
    hit20: meanOrNull(tally.hits[20], tally.requests),
    accuracy: accuracyPercent(tally.correct, tally.choiceRequests),
    requests: tally.requests,
    choiceRequests: tally.choiceRequests,
  };
}
