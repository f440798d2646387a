// Everything a report needs, read once: every record of the shards, each
// annotator's own replayed state (for agreement), the merged final state (for
// quality, curation and models) and the decisions' times (for progress).
// A review queue narrows all of it to its sample.
import path from 'node:path';
import type { AnnotationEvent, KnownEvent } from '../annotations/events';
import { AnnotationLog } from '../annotations/log';
import { isKnownType } from '../annotations/log-lines';
import { retractedIds } from '../annotations/replay';
import { mergeResolutionSummaries, Resolver, type ResolutionSummary } from '../annotations/resolve';
import { readReviewers } from '../annotations/reviewers';
import type { RequestState } from '../annotations/state';
import type { ShardRecord } from '../shard/schema';
import { queueShardPath, type ReviewQueue } from '../validation/queue';
import { readShards } from '../validation/queue-file';

export interface ReportRequest {
  shard: string;
  record: ShardRecord;
  /** Each annotator's own state of this request (annotators who never touched it are absent). */
  byAnnotator: Map<string, RequestState>;
  /** The decision the export takes (adjudicated, agreed, or by the documented rule: annotations/resolve.ts). */
  final: RequestState | undefined;
  /** Comments in scope for extraction figures: null means every comment (no comment queue). */
  comments: ReadonlySet<string> | null;
  /** Extraction runs in every log: "<model> (<profile>)" -> comment -> its latest answer. */
  extractionRuns: Map<string, Map<string, string>>;
}

export interface Decision {
  annotator: string;
  time: string;
  request: string;
}

export interface ReportData {
  requests: ReportRequest[];
  /** Every annotator with a log event on a request in scope, sorted. */
  annotators: string[];
  /** Extraction and validity decisions in scope (not undone), in log order. */
  decisions: Decision[];
  warnings: string[];
  /** How the final decisions were reached, over the requests in scope. */
  resolution: ResolutionSummary;
  /** Whether a reviewer settled a request's validity (no comment) or a comment. */
  isAdjudicated: (request: string, comment?: string) => boolean;
  queue: { name: string; unit: ReviewQueue['unit']; items: number; found: number } | null;
}

export async function loadReportData(
  shardFiles: readonly string[],
  queue?: { file: string; queue: ReviewQueue },
): Promise<ReportData> {
  const { shards, warnings } = await readShards(shardFiles);
  const scope = queue ? queueScope(queue.file, queue.queue) : null;
  const requests: ReportRequest[] = [];
  const annotators = new Set<string>();
  const decisions: Decision[] = [];
  const seen = new Set<string>();
  const resolvers = new Map<string, Resolver>();
  let found = 0;
  for (const { file, records } of shards) {
    const logs = await AnnotationLog.readAll(file);
    warnings.push(...logs.warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.reason}`));
    const reviewers = await readReviewers(file);
    const resolver = new Resolver(logs.perFile, { reviewers: reviewers.stems, reviewersFile: reviewers.file });
    resolvers.set(file, resolver);
    const perAnnotator = resolver.annotatorStates();
    const extractionRuns = extractionRunsOf(logs.perFile);
    const inScope = (id: string): boolean => !scope || scope.get(queueKey(file, id)) !== undefined;
    for (const record of records) {
      if (seen.has(record.id)) {
        warnings.push(`${file}: request ${record.id} already read from an earlier line or shard; this copy is skipped`);
        continue;
      }
      seen.add(record.id);
      if (!inScope(record.id)) continue;
      const comments = scope?.get(queueKey(file, record.id)) ?? null;
      if (scope) found += comments === null ? 1 : comments.size;
      const states = new Map<string, RequestState>();
      for (const [name, state] of perAnnotator) {
        const request = state.get(record.id);
        if (request) states.set(name, request);
        if (request) annotators.add(name);
      }
      const runs = extractionRuns.get(record.id) ?? new Map<string, Map<string, string>>();
      requests.push({
        shard: file,
        record,
        byAnnotator: states,
        final: resolver.resolve(record),
        comments,
        extractionRuns: runs,
      });
    }
    const ids = new Set(requests.filter((request) => request.shard === file).map((request) => request.record.id));
    for (const log of logs.perFile) decisions.push(...decisionsOf(log, ids));
  }
  return {
    requests,
    annotators: [...annotators].sort(),
    decisions,
    warnings,
    resolution: mergeResolutionSummaries([...resolvers.values()].map((resolver) => resolver.summary())),
    isAdjudicated: (request, comment) => {
      const shard = requests.find((candidate) => candidate.record.id === request)?.shard;
      return shard !== undefined && resolvers.get(shard)!.isAdjudicated(request, comment);
    },
    queue: queue ? { name: queue.queue.name, unit: queue.queue.unit, items: queue.queue.items.length, found } : null,
  };
}

const queueKey = (shard: string, request: string): string => `${path.resolve(shard)}\n${request}`;

/** shard+request -> the comments sampled (comment queue), or null for the whole request (request queue). */
function queueScope(file: string, queue: ReviewQueue): Map<string, Set<string> | null> {
  const dir = path.dirname(file);
  const scope = new Map<string, Set<string> | null>();
  for (const item of queue.items) {
    const key = queueKey(queueShardPath(dir, item.shard), item.request);
    if (item.comment === undefined) scope.set(key, null);
    else {
      const comments = scope.get(key) ?? new Set<string>();
      comments.add(item.comment);
      scope.set(key, comments);
    }
  }
  return scope;
}

/** request -> extractor -> comment -> latest answer, over every log (each log's own retracts applied). */
function extractionRunsOf(logs: readonly (readonly AnnotationEvent[])[]): Map<string, Map<string, Map<string, string>>> {
  const runs = new Map<string, Map<string, Map<string, string>>>();
  const latest = new Map<string, string>();
  for (const events of logs) {
    const retracted = retractedIds(events);
    for (const event of events) {
      if (!isKnownType(event) || retracted.has(event.id) || event.type !== 'extraction-run') continue;
      const run = event as Extract<KnownEvent, { type: 'extraction-run' }>;
      const extractor = `${run.model} (${run.profile})`;
      const key = JSON.stringify([run.request, extractor, run.comment]);
      // Across logs, the answer that ended last is the one kept.
      if ((latest.get(key) ?? '') > run.endedAt) continue;
      latest.set(key, run.endedAt);
      const byExtractor = runs.get(run.request) ?? new Map<string, Map<string, string>>();
      runs.set(run.request, byExtractor);
      const byComment = byExtractor.get(extractor) ?? new Map<string, string>();
      byExtractor.set(extractor, byComment);
      byComment.set(run.comment, run.answer);
    }
  }
  return runs;
}

/** One log's decisions (its own retracts applied). */
function decisionsOf(events: readonly AnnotationEvent[], requests: ReadonlySet<string>): Decision[] {
  const retracted = retractedIds(events);
  const decisions: Decision[] = [];
  for (const event of events) {
    if (!isKnownType(event) || retracted.has(event.id) || !requests.has(event.request)) continue;
    const known = event as KnownEvent;
    const decided =
      known.type === 'bulk-confirm' ||
      ((known.type === 'extraction' || known.type === 'validity') && known.verdict !== 'unreviewed');
    if (decided) {
      decisions.push({ annotator: known.annotator, time: known.time, request: known.request });
    }
  }
  return decisions;
}
