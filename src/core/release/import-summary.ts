// What an import found, counted as records are built: the summary the CLI
// prints (and emits with --json, see docs/cli.md).
import { releaseMismatches, type CommentItems } from '../paper/relevance';
import type { Domain, ShardComment, ShardRecord } from '../shard/schema';
import type { ResolvedImages } from './import-images';
import type { UnreadableLine } from './import-jsonl';
import type { RunsByRequest, RunSummary } from './import-runs';

export interface RunImportSummary extends RunSummary {
  /** Answers whose submission_id is not among the imported requests. */
  unmatched: number;
}

/** Printed by "imagery import --json". */
export interface ImportSummary {
  domain: Domain;
  /** The submissions file the requests came from (the other one only adds with includeUnsampled). */
  source: string;
  requests: number;
  requestsWithChoice: number;
  comments: number;
  requestsWithComments: number;
  /** Comments with no extractor answer in the release (raw comments only). */
  extractionMissing: number;
  /** Items parsed from the extractor's answers. */
  extractedItems: number;
  /** [item, S_r] pairs taken from recs.json. */
  relevanceItems: number;
  /** Comments whose request was not imported. */
  orphanComments: number;
  /**
   * Requests with comments whose stored extraction does not give back their
   * released S_r by the paper's rule (paper/relevance.ts `releaseMismatches`),
   * in file order. Unedited, they export the released S_r; once corrected,
   * the S_r recomputed over the corrected extraction.
   */
  relevanceMismatch: { count: number; requests: string[] };
  runs: RunImportSummary[];
  /** refused: names leaving the image folder, symlinks, files that could not be copied (each in imageWarnings). */
  images: { found: number; missing: number; refused: number };
  unreadable: UnreadableLine[];
  /** One per refused image, naming the request's line in the release. */
  imageWarnings: UnreadableLine[];
}

export function emptySummary(domain: Domain, source: string, unreadable: UnreadableLine[]): ImportSummary {
  return {
    domain,
    source,
    requests: 0,
    requestsWithChoice: 0,
    comments: 0,
    requestsWithComments: 0,
    extractionMissing: 0,
    extractedItems: 0,
    relevanceItems: 0,
    orphanComments: 0,
    relevanceMismatch: { count: 0, requests: [] },
    runs: [],
    images: { found: 0, missing: 0, refused: 0 },
    unreadable,
    imageWarnings: [],
  };
}

export function countRecord(summary: ImportSummary, record: ShardRecord, images: ResolvedImages): void {
  summary.requests += 1;
  if (record.choice) summary.requestsWithChoice += 1;
  if (record.comments.length > 0) summary.requestsWithComments += 1;
  summary.comments += record.comments.length;
  for (const comment of record.comments) {
    summary.extractedItems += comment.extraction.items.length;
    if (comment.extraction.raw === null) summary.extractionMissing += 1;
  }
  summary.relevanceItems += record.relevance.length;
  if (record.comments.length > 0 && releaseMismatches(record.relevance, extractedItems(record)).length > 0) {
    summary.relevanceMismatch.count += 1;
    summary.relevanceMismatch.requests.push(record.id);
  }
  summary.images.found += images.found;
  summary.images.missing += images.missing;
  summary.images.refused += images.refused;
  summary.imageWarnings.push(...images.problems);
}

/** Comments and run answers that belong to no imported request. */
export function countLeftOver(
  summary: ImportSummary,
  imported: ReadonlySet<string>,
  comments: ReadonlyMap<string, ShardComment[]>,
  runs: RunsByRequest,
): void {
  for (const [id, list] of comments) if (!imported.has(id)) summary.orphanComments += list.length;
  summary.runs = runs.runs.map((run) => ({ ...run, unmatched: 0 }));
  for (const [id, list] of runs.byRequest) {
    if (imported.has(id)) continue;
    for (const run of list) {
      const target = summary.runs.find((s) => s.model === run.model && s.input === run.input && s.task === run.task);
      if (target) target.unmatched += 1;
    }
  }
}

/** The stored extraction of a request's comments, as the relevance rule reads it. */
export function extractedItems(record: Pick<ShardRecord, 'comments'>): CommentItems[] {
  return record.comments.map((comment) => ({ upvotes: comment.upvotes, items: comment.extraction.items }));
}
