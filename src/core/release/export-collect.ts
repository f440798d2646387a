// Gathering what an export needs: every record of the shards with its
// resolved annotation state (adjudicated, agreed, or by the rule reported in
// `resolution`; see annotations/resolve.ts) and its corrected relevance.
import { AnnotationLog, type LogWarning } from '../annotations/log';
import { mergeResolutionSummaries, Resolver, type ResolutionSummary } from '../annotations/resolve';
import { readReviewers } from '../annotations/reviewers';
import { commentVerdict, type RequestState } from '../annotations/state';
import { correctedRelevance, type CommentItems } from '../paper/relevance';
import { ShardReader } from '../shard/reader';
import type { ShardRecord } from '../shard/schema';

export interface CorrectedRequest {
  record: ShardRecord;
  state: RequestState | undefined;
  /** The reason when an annotator marked the post invalid. */
  invalidReason: string | null;
  /** S_r after the extraction corrections (equal to `record.relevance` when none). */
  relevance: [string, number][];
  /** Some comment's extraction was corrected. */
  corrected: boolean;
}

export interface Collected {
  requests: CorrectedRequest[];
  logWarnings: LogWarning[];
  /** Human-readable notes (a request id seen twice: later copies are skipped). */
  warnings: string[];
  /** How each decision was reached where several annotators (or a reviewer) spoke. */
  resolution: ResolutionSummary;
}

const MAX_LISTED_PROBLEMS = 10;

/** Reads every shard and its logs. A shard line that cannot be read fails the export (it would silently drop a request). */
export async function collectRequests(
  shardFiles: readonly string[],
  onShardRead?: (file: string, index: number) => void,
): Promise<Collected> {
  const requests: CorrectedRequest[] = [];
  const logWarnings: LogWarning[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const resolutions: ResolutionSummary[] = [];
  for (const [index, file] of shardFiles.entries()) {
    const logs = await AnnotationLog.readAll(file);
    logWarnings.push(...logs.warnings);
    const reviewers = await readReviewers(file);
    const resolver = new Resolver(logs.perFile, { reviewers: reviewers.stems, reviewersFile: reviewers.file });
    const reader = await ShardReader.open(file);
    try {
      for await (const entry of reader.entries()) {
        if (entry.kind === 'unreadable') {
          problems.push(`${entry.file}:${entry.line}: ${entry.reason}`);
          continue;
        }
        const { record } = entry;
        if (seen.has(record.id)) {
          warnings.push(
            `${file}:${entry.line}: request ${record.id} already exported from an earlier line or shard; this copy is skipped`,
          );
          continue;
        }
        seen.add(record.id);
        requests.push(correctRequest(record, resolver.resolve(record)));
      }
    } finally {
      await reader.close();
    }
    resolutions.push(resolver.summary());
    onShardRead?.(file, index);
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('\n');
    const more = problems.length > MAX_LISTED_PROBLEMS ? `\n(and ${problems.length - MAX_LISTED_PROBLEMS} more)` : '';
    throw new Error(`cannot export: ${problems.length} shard line(s) unreadable\n${listed}${more}`);
  }
  return { requests, logWarnings, warnings, resolution: mergeResolutionSummaries(resolutions) };
}

export function correctRequest(record: ShardRecord, state: RequestState | undefined): CorrectedRequest {
  const original: CommentItems[] = record.comments.map((comment) => ({
    upvotes: comment.upvotes,
    items: comment.extraction.items,
  }));
  let corrected = false;
  const final: CommentItems[] = record.comments.map((comment, i) => {
    const verdict = commentVerdict(state, comment.id);
    if (verdict?.status !== 'corrected') return original[i];
    corrected = true;
    return { upvotes: comment.upvotes, items: verdict.items };
  });
  const validity = state?.validity;
  return {
    record,
    state,
    invalidReason: validity?.status === 'invalid' ? validity.reason : null,
    relevance: corrected ? correctedRelevance(record.relevance, original, final) : record.relevance.map(([i, s]) => [i, s]),
    corrected,
  };
}
