// Imports one domain of the released dataset into shard records, in memory:
// requests joined with their comments, S_r (recs.json), every stored model run
// and the local images. Bad lines are reported (file:line) and skipped; the
// rest of the release still imports.
import path from 'node:path';
import type { Domain, ShardComment, ShardRecord } from '../shard/schema';
import { readExtractionOutput } from '../models/extract/batch-output';
import { readComments, replaceExtraction } from './import-comments';
import { resolveImages, type ImagePlacement, type ImageSourceLine } from './import-images';
import { readJsonlFile, type UnreadableLine } from './import-jsonl';
import { readRecsFile, type RecsFile } from './import-recs';
import { buildRecord, choiceOf } from './import-record';
import { readRuns } from './import-runs';
import { BUILD_REPORT_EVERY, type ImportProgressFn } from './import-progress';
import { countLeftOver, countRecord, emptySummary, type ImportSummary } from './import-summary';
import { ReleaseSubmission } from './import-schema';
import { domainFiles, findRunFiles, isReleaseDir, processedDir, type DomainFiles } from './layout';

export type { ImportSummary } from './import-summary';
export type { ImportProgressFn, ImportStep } from './import-progress';

/** A release that cannot be imported at all (as opposed to a bad line in it). */
export class ReleaseImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportOptions {
  /**
   * Also import the requests of submissions.jsonl that are not in
   * submissions_ns.jsonl (they get `choice: null`). Default: only the
   * benchmark's requests (submissions_ns) when that file exists.
   */
  includeUnsampled?: boolean;
  /** Where image paths point; default: relative to the current folder, no copy. */
  images?: ImagePlacement;
  /** Messages (and, for a progress bar, the step: phase, done, total). */
  progress?: ImportProgressFn;
  /** Stops the import between lines or requests, throwing the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** An extraction run's comments_processed.jsonl whose answers replace the release's extraction. */
  extraction?: string;
}

export interface DomainImport {
  records: ShardRecord[];
  summary: ImportSummary;
}

/** A released request and the line it came from (image warnings name it). */
interface SubmissionLine {
  submission: ReleaseSubmission;
  where: ImageSourceLine;
}

async function readSubmissions(
  file: string,
  problems: UnreadableLine[],
  signal?: AbortSignal,
): Promise<Map<string, SubmissionLine>> {
  const byId = new Map<string, SubmissionLine>();
  for await (const entry of readJsonlFile(file, ReleaseSubmission, signal)) {
    if (!entry.ok) problems.push(entry.problem);
    else if (byId.has(entry.value.submission_id)) {
      problems.push({
        file,
        line: entry.line,
        reason: `request "${entry.value.submission_id}" appears twice (the first is kept)`,
      });
    } else byId.set(entry.value.submission_id, { submission: entry.value, where: { file, line: entry.line } });
  }
  return byId;
}

/** The requests to import, in file order, each with its released choices. */
async function selectSubmissions(
  files: DomainFiles,
  includeUnsampled: boolean,
  problems: UnreadableLine[],
  signal?: AbortSignal,
): Promise<{ source: string; submissions: SubmissionLine[] }> {
  const primary = files.submissionsNs ?? files.submissionsAll;
  if (!primary)
    throw new ReleaseImportError(processedDir(files.releaseDir, files.domain), 'no submissions_ns.jsonl or submissions.jsonl');
  const selected = await readSubmissions(primary, problems, signal);
  if (!includeUnsampled || !files.submissionsNs || !files.submissionsAll) {
    return { source: primary, submissions: [...selected.values()] };
  }
  // Every request, in submissions.jsonl order; benchmark ones keep their choices.
  const all = await readSubmissions(files.submissionsAll, problems, signal);
  const merged = [...all.values()].map((entry) => selected.get(entry.submission.submission_id) ?? entry);
  for (const [id, entry] of selected) if (!all.has(id)) merged.push(entry);
  return { source: primary, submissions: merged };
}

export async function importDomain(releaseDir: string, domain: Domain, options: ImportOptions = {}): Promise<DomainImport> {
  const progress = options.progress ?? (() => undefined);
  const { signal } = options;
  signal?.throwIfAborted();
  if (!isReleaseDir(releaseDir)) throw new ReleaseImportError(releaseDir, 'not a release folder (no data/processed)');
  const files = domainFiles(releaseDir, domain);
  const problems: UnreadableLine[] = [];

  const read = (done: number) => ({ domain, phase: 'read' as const, done, total: 4 });
  const { source, submissions } = await selectSubmissions(files, options.includeUnsampled ?? false, problems, signal);
  progress(`${domain}: ${submissions.length} requests from ${path.basename(source)}`, read(1));

  const recs: RecsFile = files.recs ? await readRecsFile(files.recs) : { byRequest: new Map(), problems: [] };
  signal?.throwIfAborted();
  problems.push(...recs.problems);
  progress(`${domain}: relevance of ${recs.byRequest.size} requests from recs.json`, read(2));

  const comments = files.comments
    ? await readComments(files.comments, files.commentsHaveExtraction, signal)
    : { byRequest: new Map<string, ShardComment[]>(), problems: [] };
  problems.push(...comments.problems);
  if (options.extraction) {
    const run = await readExtractionOutput(options.extraction, signal);
    problems.push(...run.problems);
    const answered = replaceExtraction(comments.byRequest, run.byComment);
    progress(`${domain}: extraction from ${options.extraction} (${answered} comments answered)`);
  }
  progress(`${domain}: comments of ${comments.byRequest.size} requests`, read(3));

  const runFiles = findRunFiles(releaseDir, domain);
  const runs = await readRuns(runFiles, signal);
  problems.push(...runs.problems);
  progress(`${domain}: ${runFiles.length} stored runs`, read(4));

  const placement = options.images ?? { shardDir: process.cwd() };
  const records: ShardRecord[] = [];
  const summary = emptySummary(domain, source, problems);
  const imported = new Set<string>();
  for (const [index, { submission, where }] of submissions.entries()) {
    signal?.throwIfAborted();
    if (index % BUILD_REPORT_EVERY === 0) {
      progress(`${domain}: request ${index + 1} of ${submissions.length}`, {
        domain,
        phase: 'build',
        done: index,
        total: submissions.length,
      });
    }
    const id = submission.submission_id;
    const images = await resolveImages(submission.images, submission.image_urls, files.imagesDir, placement, where);
    const record = buildRecord({
      domain,
      submission,
      choice: choiceOf(submission),
      comments: comments.byRequest.get(id) ?? [],
      relevance: recs.byRequest.get(id) ?? [],
      runs: runs.byRequest.get(id) ?? [],
      images: images.images,
    });
    records.push(record);
    imported.add(id);
    countRecord(summary, record, images);
  }
  countLeftOver(summary, imported, comments.byRequest, runs);
  return { records, summary };
}
