// Export of the corrected dataset in the release's own layout and bytes:
//   <out>/data/processed/<domain>/{recs.json,items.csv,submissions.jsonl,submissions_ns.jsonl}
//   <out>/data/irrelevant_submissions.csv
// Every annotator's log is replayed; each decision is the adjudicated one,
// else the one all annotators agree on, else the documented rule
// (annotations/resolve.ts), and the summary reports how many took each path. Each file is written atomically (write-file-atomic).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { LogWarning } from '../annotations/log';
import type { ResolutionSummary } from '../annotations/resolve';
import { collectRequests, type CorrectedRequest } from './export-collect';
import { buildDomain, type DomainChanges, type DomainFilesText } from './export-domain';
import { formulaCells } from './csv-file';
import { readItemsCsv } from './export-items';
import { formatIrrelevant, irrelevantFile, readIrrelevant, type IrrelevantRow } from './export-irrelevant';
import { readReleasedSubmissions } from './export-unsampled';
import { processedDir, RELEASE_DOMAINS } from './layout';

export interface ExportProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
  file: string;
}

export interface ExportOptions {
  /** Seeds the negative sampling: the same seed and annotations give the same bytes. */
  seed: number;
  /**
   * The original release: its irrelevant_submissions.csv rows are kept, its items.csv and submissions.jsonl
   * order is followed, and its posts outside the benchmark that the shards lack are copied to submissions.jsonl.
   */
  releaseDir?: string;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportSummary {
  outDir: string;
  seed: number;
  domains: DomainChanges[];
  /** Rows of irrelevant_submissions.csv: kept from the release, and added by this curation. */
  irrelevantKept: number;
  irrelevantAdded: number;
  files: string[];
  /** Skipped log lines (the rest of each log was used). */
  logWarnings: LogWarning[];
  warnings: string[];
  /** Decisions adjudicated, agreed, by one annotator, or by the rule (listed). */
  resolution: ResolutionSummary;
  /** CSV files written with cells starting with = + - @ (a spreadsheet may run them), and how many. */
  formulaCells: { file: string; cells: number }[];
}

export async function exportCorrected(shardFiles: string[], outDir: string, opts: ExportOptions): Promise<ExportSummary> {
  if (!Number.isSafeInteger(opts.seed)) throw new Error(`export seed must be an integer, got ${opts.seed}`);
  if (opts.releaseDir && path.resolve(opts.releaseDir) === path.resolve(outDir)) {
    throw new Error(`export folder ${outDir} is the release itself: choose another folder`);
  }
  const collected = await collectRequests(shardFiles, (file, index) =>
    opts.onProgress?.({ phase: 'read', done: index + 1, total: shardFiles.length, file }),
  );

  const outputs = new Map<string, string>();
  const domains: DomainChanges[] = [];
  for (const domain of RELEASE_DOMAINS) {
    const requests = collected.requests.filter((request) => request.record.domain === domain);
    if (requests.length === 0) continue;
    const releaseOrder = opts.releaseDir ? await readItemsCsv(path.join(processedDir(opts.releaseDir, domain), 'items.csv')) : [];
    const released = opts.releaseDir ? await readReleasedSubmissions(opts.releaseDir, domain) : null;
    collected.warnings.push(...(released?.warnings ?? []));
    const { files, changes } = buildDomain(domain, requests, opts.seed, releaseOrder, released);
    domains.push(changes);
    for (const name of Object.keys(files) as (keyof DomainFilesText)[]) {
      outputs.set(path.join(processedDir(outDir, domain), name), files[name]);
    }
  }
  const kept = opts.releaseDir ? await readIrrelevant(irrelevantFile(opts.releaseDir)) : [];
  const added = newIrrelevantRows(collected.requests, kept);
  outputs.set(irrelevantFile(outDir), formatIrrelevant([...kept, ...added]));

  const formulas = [...outputs]
    .filter(([file]) => file.endsWith('.csv'))
    .map(([file, text]) => ({ file, cells: formulaCells(text) }))
    .filter((entry) => entry.cells > 0);
  let done = 0;
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text, { encoding: 'utf8' });
    opts.onProgress?.({ phase: 'write', done: ++done, total: outputs.size, file });
  }
  return {
    outDir,
    seed: opts.seed,
    domains,
    irrelevantKept: kept.length,
    irrelevantAdded: added.length,
    files: [...outputs.keys()],
    logWarnings: collected.logWarnings,
    warnings: collected.warnings,
    resolution: collected.resolution,
    formulaCells: formulas,
  };
}

/** Newly invalid posts, with the release's lowercase subreddit names; posts already listed are not repeated. */
function newIrrelevantRows(requests: readonly CorrectedRequest[], kept: readonly IrrelevantRow[]): IrrelevantRow[] {
  const listed = new Set(kept.map((row) => row.submission_id));
  return requests
    .filter((request) => request.invalidReason !== null && !listed.has(request.record.id))
    .map((request) => ({
      subreddit: request.record.subreddit.toLowerCase(),
      submission_id: request.record.id,
      reason: request.invalidReason!,
    }));
}
