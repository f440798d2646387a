// Every stored run scored on the original ground truth and on the corrected
// one, side by side. Corrected: invalid requests leave the benchmark, Hit@k
// uses the corrected S_r items, and multiple choice keeps the released
// candidates where they are still valid; where they would be drawn again the
// stored answer cannot be scored, and the count says how many.
import { GroundTruthMatcher } from '../paper/matcher';
import { isChoiceCorrect, titleHits } from '../paper/metrics';
import { positiveItem } from '../paper/relevance';
import { correctRequest } from '../release/export-collect';
import type { MultipleChoice, ShardRecord } from '../shard/schema';
import { proportion, type Proportion } from '../stats/wilson';
import type { ReportRequest } from './load';

export interface ModelScores {
  hit1: Proportion;
  hit10: Proportion;
  hit20: Proportion;
  accuracy: Proportion;
}

export interface ModelRow {
  domain: string;
  /** A run stored in the shard, or one made inline in the editor (a model-run event; all of a model/input pooled). */
  source: 'stored' | 'inline';
  model: string;
  input: string;
  original: ModelScores;
  corrected: ModelScores;
  /** corrected − original, per figure (null when either is undefined). */
  difference: Record<keyof ModelScores, number | null>;
  /** Requests with an answer of this run left out of the corrected scores because they were marked invalid. */
  invalidLeftOut: number;
  /** Multiple-choice answers that cannot be scored: the request's candidates would have to be drawn again. */
  choiceNotScorable: number;
}

interface Tally {
  hits: { original: [number, number, number]; corrected: [number, number, number] };
  titleRequests: { original: number; corrected: number };
  correct: { original: number; corrected: number };
  choiceRequests: { original: number; corrected: number };
  invalid: Set<string>;
  notScorable: number;
}

/** Whether the released candidates still make a valid question on the corrected truth. */
export function candidatesStillValid(choice: MultipleChoice, corrected: readonly (readonly [string, number])[]): boolean {
  if (corrected.length === 0) return false;
  if (positiveItem(corrected) !== choice.choices[choice.true_index]) return false;
  const items = new Set(corrected.map(([item]) => item));
  return choice.choices.every((candidate, index) => index === choice.true_index || !items.has(candidate));
}

export function modelScores(requests: readonly ReportRequest[]): ModelRow[] {
  const tallies = new Map<string, Entry>();
  for (const { record, final } of requests) {
    const corrected = correctRequest(record, final);
    const valid = corrected.invalidReason === null;
    let matchers: { original: GroundTruthMatcher; corrected: GroundTruthMatcher | null } | undefined;
    const stillValid = record.choice !== null && valid && candidatesStillValid(record.choice, corrected.relevance);
    const runs = [
      ...record.runs.map((run) => ({ ...run, source: 'stored' as const })),
      ...(final?.runs ?? []).map((run) => ({
        model: run.model,
        input: run.input,
        task: run.task,
        answer: run.answer,
        source: 'inline' as const,
      })),
    ];
    for (const run of runs) {
      if (typeof run.answer !== 'string' || run.task === 'description') continue;
      const tally = tallyOf(tallies, record, run.source, run.model, run.input);
      if (run.task === 'rec_title' && record.relevance.length > 0) {
        matchers ??= {
          original: new GroundTruthMatcher(record.relevance.map(([item]) => item)),
          corrected: corrected.relevance.length > 0 ? new GroundTruthMatcher(corrected.relevance.map(([item]) => item)) : null,
        };
        add(tally.hits.original, titleHits(run.answer, matchers.original));
        tally.titleRequests.original++;
        if (!valid) tally.invalid.add(record.id);
        else if (matchers.corrected) {
          add(tally.hits.corrected, titleHits(run.answer, matchers.corrected));
          tally.titleRequests.corrected++;
        }
      } else if (run.task === 'rec_choice' && record.choice !== null) {
        const right = isChoiceCorrect(run.answer, record.choice.true_index);
        tally.choiceRequests.original++;
        if (right) tally.correct.original++;
        if (!valid) tally.invalid.add(record.id);
        else if (!stillValid) tally.notScorable++;
        else {
          tally.choiceRequests.corrected++;
          if (right) tally.correct.corrected++;
        }
      }
    }
  }
  return [...tallies.values()]
    .filter(({ tally }) => tally.titleRequests.original + tally.choiceRequests.original > 0)
    .sort(
      (a, b) =>
        compare(a.domain, b.domain) || compare(a.source, b.source) || compare(a.model, b.model) || compare(a.input, b.input),
    )
    .map((entry) => toRow(entry));
}

function add(sums: [number, number, number], hits: Record<1 | 10 | 20, 0 | 1>): void {
  sums[0] += hits[1];
  sums[1] += hits[10];
  sums[2] += hits[20];
}

type Entry = { domain: string; source: ModelRow['source']; model: string; input: string; tally: Tally };

function tallyOf(tallies: Map<string, Entry>, record: ShardRecord, source: Entry['source'], model: string, input: string): Tally {
  const key = JSON.stringify([record.domain, source, model, input]);
  let entry = tallies.get(key);
  if (!entry) {
    const tally: Tally = {
      hits: { original: [0, 0, 0], corrected: [0, 0, 0] },
      titleRequests: { original: 0, corrected: 0 },
      correct: { original: 0, corrected: 0 },
      choiceRequests: { original: 0, corrected: 0 },
      invalid: new Set(),
      notScorable: 0,
    };
    tallies.set(key, (entry = { domain: record.domain, source, model, input, tally }));
  }
  return entry.tally;
}

function scores(tally: Tally, side: 'original' | 'corrected'): ModelScores {
  const [h1, h10, h20] = tally.hits[side];
  const n = tally.titleRequests[side];
  return {
    hit1: proportion(h1, n),
    hit10: proportion(h10, n),
    hit20: proportion(h20, n),
    accuracy: proportion(tally.correct[side], tally.choiceRequests[side]),
  };
}

function toRow({ domain, source, model, input, tally }: Entry): ModelRow {
  const original = scores(tally, 'original');
  const corrected = scores(tally, 'corrected');
  const diff = (key: keyof ModelScores): number | null => {
    const [a, b] = [original[key].value, corrected[key].value];
    return a === null || b === null ? null : b - a;
  };
  return {
    domain,
    source,
    model,
    input,
    original,
    corrected,
    difference: { hit1: diff('hit1'), hit10: diff('hit10'), hit20: diff('hit20'), accuracy: diff('accuracy') },
    invalidLeftOut: tally.invalid.size,
    choiceNotScorable: tally.notScorable,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
