// What the export takes when several people annotated a request, in order:
//   1. the adjudicated value (a reviewer's `adjudication` event);
//   2. the value every annotator who decided agrees on;
//   3. otherwise the rule: the most common answer, and among equally common
//      answers the one decided last. Every use of the rule is reported.
import type { AdjudicationEvent, AnnotationEvent, KnownEvent } from './events';
import { itemSetKey } from './items';
import { isKnownType } from './log-lines';
import { annotatorStem } from './log-identity';
import { mergeByTime, replayLogs } from './merge';
import { REVIEWERS_FILE } from './reviewers';
import { replay, retractedIds } from './replay';
import {
  commentVerdict,
  emptyRequestState,
  type CommentVerdict,
  type RequestState,
  type ShardState,
  type Validity,
} from './state';
import { dict } from '../dict';

export const RESOLUTION_RULE =
  'where annotators disagree and no adjudication settles it, the most common answer wins; among equally common answers, the one decided last';

export type DecisionSource = 'adjudicated' | 'agreed' | 'single' | 'rule';

export interface RuleDecision {
  request: string;
  /** Absent for validity. */
  comment?: string;
  /** Each annotator's answer, and whose answer the rule took. */
  answers: { annotator: string; answer: string }[];
  chosen: string;
}

export interface ResolutionSummary {
  rule: string;
  validity: Record<DecisionSource, number>;
  extraction: Record<DecisionSource, number>;
  byRule: RuleDecision[];
  /** Adjudications that could not apply (e.g. a validity verdict naming a comment). */
  warnings: string[];
}

/** What a request needs for resolving: its comments' extracted items (a "confirmed" verdict means those). */
export interface ResolvableRecord {
  id: string;
  comments: readonly { id: string; extraction: { items: readonly string[] } }[];
}

/** One reviewer's settled value of one question, and when (in merged order) it was set. */
type Settled<T> = { value: T; order: number };
/** Per question ("" for the request's validity, else the comment id): each reviewer's settled value. */
type Adjudicated = Map<string, Map<string, Settled<Validity | CommentVerdict>>>;

export interface ResolverOptions {
  /**
   * The log owners (file stems, paths.ts `sanitizeAnnotatorName`) whose
   * adjudications count: the reviewers file beside the shards
   * (reviewers.ts). Absent or null: no such file, every annotator's count
   * and the summary names them.
   */
  reviewers?: ReadonlySet<string> | null;
  /** Named in warnings: the reviewers file, or where it would be. */
  reviewersFile?: string;
}
/** `rank`: the annotator's place in log order, which breaks a tie of times as `mergeByTime` does (the later log last). */
type Candidate<T> = { annotator: string; value: T; key: string; time: number; rank: number };

const emptyCounts = (): Record<DecisionSource, number> => ({ adjudicated: 0, agreed: 0, single: 0, rule: 0 });

export class Resolver {
  private readonly merged: ShardState;
  private readonly perAnnotator = new Map<string, ShardState>();
  /** "annotator\nrequest\ncomment-or-empty" -> time of the event that set the current value. */
  private readonly decidedAt = new Map<string, number>();
  private readonly adjudicated = new Map<string, Adjudicated>();
  private readonly outcomes = new Map<
    string,
    { validity?: DecisionSource; comments: Map<string, DecisionSource>; byRule: RuleDecision[] }
  >();
  private readonly warnings: string[] = [];
  /** Adjudicators counted while no reviewers file says who may adjudicate. */
  private readonly unlistedAdjudicators = new Set<string>();
  private order = 0;

  /**
   * `logs`: every annotator's log of one shard, one array per file (a retract undoes only its own log's events),
   * each holding only its owner's events (AnnotationLog.readAll sees to it).
   */
  constructor(
    logs: readonly (readonly AnnotationEvent[])[],
    private readonly options: ResolverOptions = {},
  ) {
    this.merged = replayLogs(logs);
    const effective = logs.map((log) => {
      const retracted = retractedIds(log);
      return log.filter((event) => isKnownType(event) && event.type !== 'retract' && !retracted.has(event.id)) as KnownEvent[];
    });
    // Each annotator's own state; two files of one name (e.g. renamed by hand) count as one annotator.
    const byName = new Map<string, KnownEvent[][]>();
    for (const log of effective) {
      const name = log[0]?.annotator;
      if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), log]);
    }
    for (const [name, own] of byName) this.perAnnotator.set(name, replay(mergeByTime(own)));
    for (const known of mergeByTime(effective) as KnownEvent[]) {
      if (known.type === 'adjudication') this.adjudicate(known);
      else if (known.type === 'bulk-confirm') {
        const time = Date.parse(known.time) || 0;
        for (const comment of known.comments) {
          const key = `${known.annotator}\n${known.request}\n${comment}`;
          // Only comments without a verdict yet, as replay has it.
          if (!this.decidedAt.has(key)) this.decidedAt.set(key, time);
        }
      } else if (known.type === 'validity' || known.type === 'extraction') {
        const key = `${known.annotator}\n${known.request}\n${known.type === 'extraction' ? known.comment : ''}`;
        if (known.verdict === 'unreviewed') this.decidedAt.delete(key);
        else this.decidedAt.set(key, Date.parse(known.time) || 0);
      }
    }
    if (this.unlistedAdjudicators.size > 0)
      this.warnings.push(
        `adjudications by ${[...this.unlistedAdjudicators].sort().join(', ')} count, as no reviewers file lists who may adjudicate ` +
          `(${this.options.reviewersFile ?? REVIEWERS_FILE}); write one to restrict adjudication to the reviewers it names`,
      );
  }

  /** Each annotator's own replayed state (adjudications aside), by annotator name. */
  annotatorStates(): ReadonlyMap<string, ShardState> {
    return this.perAnnotator;
  }

  /** Whether a reviewer settled this request's validity (no comment) or this comment. */
  isAdjudicated(request: string, comment?: string): boolean {
    return this.adjudicatedValue(request, comment) !== undefined;
  }

  /** The reviewers' settled value of a request's validity (no comment) or of one comment: the latest reviewer's, if any. */
  adjudicatedValue(request: string, comment?: string): Validity | CommentVerdict | undefined {
    let latest: Settled<Validity | CommentVerdict> | undefined;
    for (const settled of this.adjudicated
      .get(request)
      ?.get(comment ?? '')
      ?.values() ?? [])
      if (!latest || settled.order > latest.order) latest = settled;
    return latest?.value;
  }

  /** The request's state as exported: notes and model verdicts merged, validity and extraction resolved. */
  resolve(record: ResolvableRecord): RequestState | undefined {
    const base = this.merged.get(record.id);
    const state: RequestState = base ? { ...base, comments: dict() } : emptyRequestState();
    delete state.validity;
    const outcome = { comments: new Map<string, DecisionSource>(), byRule: [] as RuleDecision[] } as {
      validity?: DecisionSource;
      comments: Map<string, DecisionSource>;
      byRule: RuleDecision[];
    };
    const settled = this.adjudicated.get(record.id);
    const settledValidity = this.adjudicatedValue(record.id) as Validity | undefined;
    const validity = this.decide(record.id, undefined, settledValidity, (s) => s.validity, validityText, outcome.byRule);
    if (validity) {
      state.validity = validity.value;
      outcome.validity = validity.source;
    }
    const extracted = new Map(record.comments.map((comment) => [comment.id, comment.extraction.items] as const));
    const commentIds = new Set<string>([...(settled?.keys() ?? [])].filter((key) => key !== ''));
    for (const annotated of this.perAnnotator.values())
      for (const id of Object.keys(annotated.get(record.id)?.comments ?? {})) commentIds.add(id);
    for (const id of commentIds) {
      const text = (verdict: CommentVerdict): string =>
        itemSetKey(verdict.status === 'confirmed' ? (extracted.get(id) ?? []) : verdict.items);
      const adjudicated = this.adjudicatedValue(record.id, id) as CommentVerdict | undefined;
      const decided = this.decide(record.id, id, adjudicated, (s) => commentVerdict(s, id), text, outcome.byRule);
      if (!decided) continue;
      state.comments[id] = decided.value;
      outcome.comments.set(id, decided.source);
    }
    this.outcomes.set(record.id, outcome);
    const empty =
      !state.validity &&
      !Object.keys(state.comments).length &&
      !state.notes.length &&
      !Object.keys(state.modelVerdicts).length &&
      !state.runs?.length;
    return empty ? undefined : state;
  }

  /** Counts over every request resolved so far. */
  summary(): ResolutionSummary {
    const validity = emptyCounts();
    const extraction = emptyCounts();
    const byRule: RuleDecision[] = [];
    for (const outcome of this.outcomes.values()) {
      if (outcome.validity) validity[outcome.validity]++;
      for (const source of outcome.comments.values()) extraction[source]++;
      byRule.push(...outcome.byRule);
    }
    return { rule: RESOLUTION_RULE, validity, extraction, byRule, warnings: [...this.warnings] };
  }

  private decide<T>(
    request: string,
    comment: string | undefined,
    adjudicated: T | undefined,
    pick: (state: RequestState) => T | undefined,
    key: (value: T) => string,
    byRule: RuleDecision[],
  ): { value: T; source: DecisionSource } | undefined {
    if (adjudicated !== undefined) return { value: adjudicated, source: 'adjudicated' };
    const candidates: Candidate<T>[] = [];
    for (const [annotator, states] of this.perAnnotator) {
      const state = states.get(request);
      const value = state && pick(state);
      if (value === undefined) continue;
      const time = this.decidedAt.get(`${annotator}\n${request}\n${comment ?? ''}`) ?? 0;
      candidates.push({ annotator, value, key: key(value), time, rank: candidates.length });
    }
    if (candidates.length === 0) return undefined;
    const groups = new Map<string, Candidate<T>[]>();
    for (const candidate of candidates) groups.set(candidate.key, [...(groups.get(candidate.key) ?? []), candidate]);
    const later = (a: Candidate<T>, b: Candidate<T>): boolean => b.time > a.time || (b.time === a.time && b.rank > a.rank);
    const latest = (group: Candidate<T>[]): Candidate<T> => group.reduce((a, b) => (later(a, b) ? b : a));
    if (groups.size === 1) return { value: latest(candidates).value, source: candidates.length > 1 ? 'agreed' : 'single' };
    const most = Math.max(...[...groups.values()].map((group) => group.length));
    const winner = latest([...groups.values()].filter((group) => group.length === most).map(latest));
    byRule.push({
      request,
      ...(comment === undefined ? {} : { comment }),
      answers: candidates.map((candidate) => ({ annotator: candidate.annotator, answer: candidate.key })),
      chosen: winner.annotator,
    });
    return { value: winner.value, source: 'rule' };
  }

  /**
   * Only a listed reviewer's adjudication counts (anyone's while no reviewers
   * file exists); `withdrawn` takes back only the reviewer's own, and among
   * several reviewers the latest word stands.
   */
  private adjudicate(event: AdjudicationEvent): void {
    const where = `adjudication ${event.id} (request ${event.request}${event.comment ? `, comment ${event.comment}` : ''})`;
    const { reviewers } = this.options;
    const reviewer = annotatorStem(event.annotator);
    if (reviewers && (reviewer === null || !reviewers.has(reviewer))) {
      this.warnings.push(
        `${where} by ${JSON.stringify(event.annotator)}: not a reviewer listed in ${this.options.reviewersFile ?? REVIEWERS_FILE}; ignored`,
      );
      return;
    }
    if (!reviewers) this.unlistedAdjudicators.add(event.annotator);
    let value: Validity | CommentVerdict | undefined;
    if (event.verdict === 'withdrawn') value = undefined;
    else if (event.comment === undefined) {
      if (event.verdict === 'valid') value = withNote({ status: 'valid' }, event.note);
      else if (event.verdict === 'invalid') value = withNote({ status: 'invalid', reason: event.reason ?? 'Other' }, event.note);
      else return void this.warnings.push(`${where}: "${event.verdict}" settles a comment, but no comment is named; ignored`);
    } else if (event.verdict === 'confirmed') value = { status: 'confirmed' };
    else if (event.verdict === 'corrected') value = { status: 'corrected', items: [...(event.items ?? [])] };
    else return void this.warnings.push(`${where}: "${event.verdict}" settles validity, but a comment is named; ignored`);
    let questions = this.adjudicated.get(event.request);
    if (!questions) this.adjudicated.set(event.request, (questions = new Map()));
    const question = event.comment ?? '';
    let byReviewer = questions.get(question);
    if (!byReviewer) questions.set(question, (byReviewer = new Map()));
    const key = reviewer ?? event.annotator;
    if (value === undefined) byReviewer.delete(key);
    else byReviewer.set(key, { value, order: this.order++ });
  }
}

/** Sums the summaries of several shards. */
export function mergeResolutionSummaries(summaries: readonly ResolutionSummary[]): ResolutionSummary {
  const total: ResolutionSummary = {
    rule: RESOLUTION_RULE,
    validity: emptyCounts(),
    extraction: emptyCounts(),
    byRule: [],
    warnings: [],
  };
  for (const summary of summaries) {
    for (const source of ['adjudicated', 'agreed', 'single', 'rule'] as const) {
      total.validity[source] += summary.validity[source];
      total.extraction[source] += summary.extraction[source];
    }
    total.byRule.push(...summary.byRule);
    // Each shard says the same of a missing reviewers file: once is enough.
    for (const warning of summary.warnings) if (!total.warnings.includes(warning)) total.warnings.push(warning);
  }
  return total;
}

function validityText(validity: Validity): string {
  return validity.status === 'valid' ? 'valid' : `invalid: ${validity.reason}`;
}

function withNote(validity: Validity, note: string | undefined): Validity {
  return note === undefined ? validity : { ...validity, note };
}
