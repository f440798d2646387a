// Imports one domain of the released dataset into shard records, in memory:
// requests joined with their comments, S_r (recs.json), every stored model run
// and the local images. Bad lines are reported (file:line) and skipped; the
// rest of the release still imports.
import path from 'node:path';
import type { Domain, ShardComment, ShardRecord } from '../shard/schema';
import { readComments } from './import-comments';
import { resolveImages, type ImagePlacement, type ImageSourceLine } from './import-images';
import { readJsonlFile, type UnreadableLine } from './import-jsonl';
import { readRecsFile, type RecsFile } from './import-recs';
import { buildRecord, choiceOf } from './import-record';
import { readRuns } from './import-runs';
import { countLeftOver, countRecord, emptySummary, type ImportSummary } from './import-summary';
import { ReleaseSubmission } from './import-schema';
import { domainFiles, findRunFiles, isReleaseDir, processedDir, type DomainFiles } from './layout';

export type { ImportSummary } from './import-summary';

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
  progress?: (message: string) => void;
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

async function readSubmissions(file: string, problems: UnreadableLine[]): Promise<Map<string, SubmissionLine>> {
  const byId = new Map<string, SubmissionLine>();
  for await (const entry of readJsonlFile(file, ReleaseSubmission)) {
    if (!entry.ok) problems.push(entry.problem);
    else if (byId.has(entry.value.submission_id)) {
      problems.push({ file, line: entry.line, reason: `request "${entry.value.submission_id}" appears twice (the first is kept)` });
    } else byId.set(entry.value.submission_id, { submission: entry.value, where: { file, line: entry.line } });
  }
  return byId;
}

/** The requests to import, in file order, each with its released choices. */
async function selectSubmissions(
  files: DomainFiles,
  includeUnsampled: boolean,
  problems: UnreadableLine[],
): Promise<{ source: string; submissions: SubmissionLine[] }> {
  const primary = files.submissionsNs ?? files.submissionsAll;
  if (!primary) throw new ReleaseImportError(processedDir(files.releaseDir, files.domain), 'no submissions_ns.jsonl or submissions.jsonl');
  const selected = await readSubmissions(primary, problems);
  if (!includeUnsampled || !files.submissionsNs || !files.submissionsAll) {
    return { source: primary, submissions: [...selected.values()] };
  }
  // Every request, in submissions.jsonl order; benchmark ones keep their choices.
  const all = await readSubmissions(files.submissionsAll, problems);
  const merged = [...all.values()].map((entry) => selected.get(entry.submission.submission_id) ?? entry);
  for (const [id, entry] of selected) if (!all.has(id)) merged.push(entry);
  return { source: primary, submissions: merged };
}

export async function importDomain(releaseDir: string, domain: Domain, options: ImportOptions = {}): Promise<DomainImport> {
  const progress = options.progress ?? (() => undefined);
  if (!isReleaseDir(releaseDir)) throw new ReleaseImportError(releaseDir, 'not a release folder (no data/processed)');
  const files = domainFiles(releaseDir, domain);
  const problems: UnreadableLine[] = [];

  const { source, submissions } = await selectSubmissions(files, options.includeUnsampled ?? false, problems);
  progress(`${domain}: ${submissions.length} requests from ${path.basename(source)}`);

  const recs: RecsFile = files.recs ? await readRecsFile(files.recs) : { byRequest: new Map(), problems: [] };
  problems.push(...recs.problems);
  progress(`${domain}: relevance of ${recs.byRequest.size} requests from recs.json`);

  const comments = files.comments
    ? await readComments(files.comments, files.commentsHaveExtraction)
    : { byRequest: new Map<string, ShardComment[]>(), problems: [] };
  problems.push(...comments.problems);
  progress(`${domain}: comments of ${comments.byRequest.size} requests`);

  const runFiles = findRunFiles(releaseDir, domain);
  const runs = await readRuns(runFiles);
  problems.push(...runs.problems);
  progress(`${domain}: ${runFiles.length} stored runs`);

  const placement = options.images ?? { shardDir: process.cwd() };
  const records: ShardRecord[] = [];
  const summary = emptySummary(domain, source, problems);
  const imported = new Set<string>();
  for (const { submission, where } of submissions) {
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
