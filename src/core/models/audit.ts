// The matcher audit: where the annotators' verdicts on model answers disagree
// with the automatic scoring. False hits: a title the matcher counted, that a
// human called a "wrong match"; false misses: a title it did not count, that
// a human called "really relevant"; on choices, how often humans agree with
// the automatic right/wrong. Titles are matched against the current corrected
// truth, as the editor shows them. `imagery audit` and the report use this.
import type { RequestState } from '../annotations/state';
import { runKey, type ShardRecord, type Task } from '../shard/schema';
import { scoreAnswer } from './score';

export interface AuditCounts {
  /** Titles with a relevant / not-relevant / unsure verdict. */
  titlesJudged: number;
  falseHits: number;
  falseMisses: number;
  /** Matched and called relevant; not matched and called a wrong match. */
  confirmedHits: number;
  confirmedMisses: number;
  unsure: number;
  /** Choice answers with a verdict. */
  choicesJudged: number;
  agree: number;
  disagree: number;
  /** agree / (agree + disagree); null when no choice was judged. */
  agreement: number | null;
}

export interface AuditRow extends AuditCounts {
  /** Stored runs: the release's model name; inline runs: the model called. */
  model: string;
  input: string;
  task: Task;
  source: 'stored' | 'inline';
  /** Requests with at least one verdict on this run. */
  requests: number;
}

export interface AuditReport {
  /** Sorted by source, model, input, task. */
  rows: AuditRow[];
  overall: AuditCounts & { requests: number };
}

function emptyCounts(): AuditCounts {
  return {
    titlesJudged: 0,
    falseHits: 0,
    falseMisses: 0,
    confirmedHits: 0,
    confirmedMisses: 0,
    unsure: 0,
    choicesJudged: 0,
    agree: 0,
    disagree: 0,
    agreement: null,
  };
}

interface RunView {
  key: string;
  model: string;
  input: string;
  task: Task;
  source: 'stored' | 'inline';
  answer: string | string[];
}

function runsOf(record: ShardRecord, state: RequestState): RunView[] {
  return [
    ...record.runs.map((run) => ({
      key: runKey(run),
      model: run.model,
      input: run.input,
      task: run.task,
      source: 'stored' as const,
      answer: run.answer,
    })),
    ...(state.runs ?? []).map((run) => ({
      key: run.key,
      model: run.model,
      input: run.input,
      task: run.task,
      source: 'inline' as const,
      answer: run.answer,
    })),
  ];
}

/** Adds one request's verdicts on one run to `counts`; returns whether there was any. */
function tallyRun(
  counts: AuditCounts,
  run: RunView,
  verdicts: Readonly<Record<string, string>>,
  record: ShardRecord,
  state: RequestState,
): boolean {
  if (run.task === 'description') return false;
  const score = scoreAnswer(run.task, run.answer, record, state);
  let any = false;
  for (const [target, verdict] of Object.entries(verdicts)) {
    if (score.task === 'rec_title' && target.startsWith('title:')) {
      const title = score.titles[Number(target.slice('title:'.length))];
      if (!title || !['relevant', 'not-relevant', 'unsure'].includes(verdict)) continue;
      any = true;
      counts.titlesJudged++;
      const matched = title.match !== null;
      if (verdict === 'unsure') counts.unsure++;
      else if (verdict === 'relevant') {
        if (matched) counts.confirmedHits++;
        else counts.falseMisses++;
      } else if (matched) counts.falseHits++;
      else counts.confirmedMisses++;
    } else if (score.task === 'rec_choice' && target === 'choice' && score.correct !== null) {
      // Older logs judged the answer itself (correct/incorrect): agreement is whether that equals the automatic verdict.
      const agrees =
        verdict === 'agree' || (verdict === 'correct' && score.correct) || (verdict === 'incorrect' && !score.correct);
      const disagrees =
        verdict === 'disagree' || (verdict === 'correct' && !score.correct) || (verdict === 'incorrect' && score.correct);
      if (!agrees && !disagrees) continue;
      any = true;
      counts.choicesJudged++;
      if (agrees) counts.agree++;
      else counts.disagree++;
    }
  }
  return any;
}

function withAgreement<T extends AuditCounts>(counts: T): T {
  const judged = counts.agree + counts.disagree;
  return { ...counts, agreement: judged === 0 ? null : counts.agree / judged };
}

const SUMMED = [
  'titlesJudged',
  'falseHits',
  'falseMisses',
  'confirmedHits',
  'confirmedMisses',
  'unsure',
  'choicesJudged',
  'agree',
  'disagree',
] as const;

function add(into: AuditCounts, from: AuditCounts): void {
  for (const key of SUMMED) into[key] += from[key];
}

/** Collects verdicts request by request (several shards may be added), then `report()`. */
export class MatcherAudit {
  private readonly rows = new Map<string, AuditRow>();
  private readonly judgedRequests = new Set<string>();

  add(record: ShardRecord, state: RequestState | undefined): void {
    if (!state) return;
    for (const run of runsOf(record, state)) {
      const verdicts = Object.hasOwn(state.modelVerdicts, run.key) ? state.modelVerdicts[run.key] : undefined;
      if (!verdicts) continue;
      const counts = emptyCounts();
      if (!tallyRun(counts, run, verdicts, record, state)) continue;
      const id = JSON.stringify([run.source, run.model, run.input, run.task]);
      let row = this.rows.get(id);
      if (!row)
        this.rows.set(
          id,
          (row = { model: run.model, input: run.input, task: run.task, source: run.source, requests: 0, ...emptyCounts() }),
        );
      add(row, counts);
      row.requests++;
      this.judgedRequests.add(`${record.domain}\u0000${record.id}`);
    }
  }

  report(): AuditReport {
    const rows = [...this.rows.values()].map(withAgreement).sort(compareRows);
    const overall = { ...emptyCounts(), requests: this.judgedRequests.size };
    for (const row of rows) add(overall, row);
    return { rows, overall: withAgreement(overall) };
  }
}

function compareRows(a: AuditRow, b: AuditRow): number {
  const keyOf = (row: AuditRow): string => [row.source, row.model, row.input, row.task].join('\u0000');
  return keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
}
