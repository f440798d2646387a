// A whole import, as `imagery import` and VS Code's "Import Release…" both run
// it: check the layout, refuse to replace shards unless asked, import every
// domain, stage every shard, and only then put them all in place. Cancelling
// (an AbortSignal) before that last step leaves the target folder as it was.
import { existsSync, statSync } from 'node:fs';
import { rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Domain } from '../shard/schema';
import { importDomain, ReleaseImportError, type ImportSummary } from './import';
import type { ImportProgressFn } from './import-progress';
import { planLogMoves, type AnnotationsMoved, type LogPlan } from './import-logs';
import { DEFAULT_SHARD_SIZE, existingShards, shardFileName, stageImportShards, type StagedImport } from './import-shards';
import { physicalPath, recordImageFolder } from './image-manifest';
import { domainFiles, processedDir, RELEASE_DOMAINS } from './layout';

export type ImportResult = ImportSummary & {
  shards: string[];
  /** Annotations moved to the logs beside their requests' new shards (a re-import with other options). */
  annotationsMoved: AnnotationsMoved;
};

export interface ReleaseLayout {
  /** Domains with a processed folder that has requests to import. */
  domains: Domain[];
  /** What is missing, as paths relative to the release folder; empty when it can be imported. */
  missing: string[];
}

/** Which domains `dir` can import, and what is missing when it cannot. */
export function checkReleaseLayout(dir: string): ReleaseLayout {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { domains: [], missing: ['data/processed/'] };
  const present = RELEASE_DOMAINS.filter((domain) => existsSync(processedDir(dir, domain)));
  if (present.length === 0) {
    const expected = RELEASE_DOMAINS.map((domain) => `data/processed/${domain}/`).join(' or ');
    return { domains: [], missing: existsSync(path.join(dir, 'data', 'processed')) ? [expected] : ['data/processed/', expected] };
  }
  const missing: string[] = [];
  const domains: Domain[] = [];
  // A release may hold one domain only: an absent one is not missing.
  for (const domain of present) {
    const files = domainFiles(dir, domain);
    if (files.submissionsNs || files.submissionsAll) domains.push(domain);
    else missing.push(`data/processed/${domain}/submissions_ns.jsonl (or submissions.jsonl)`);
  }
  return { domains, missing };
}

/** One sentence naming everything missing. */
export function describeMissing(dir: string, layout: ReleaseLayout): string {
  if (!existsSync(dir)) return `Not a release folder: ${dir} does not exist.`;
  return `Not a release folder: ${dir} has no ${layout.missing.join(', no ')}.`;
}

export interface ReleaseImportOptions {
  domains: readonly Domain[];
  outDir: string;
  /** An extraction run's file used as the extraction of the (one) domain imported. */
  extraction?: string;
  shardSize?: number;
  includeUnsampled?: boolean;
  /** Copy found images to <outDir>/images/<domain>/ instead of pointing into the release. */
  copyImages?: boolean;
  /**
   * Replace numbered shards of these domains already in outDir. Annotation
   * logs follow their requests into the new shards (import-logs.ts); an
   * import that would leave an annotated request out is refused.
   */
  overwrite?: boolean;
  progress?: ImportProgressFn;
  signal?: AbortSignal;
}

/** Numbered shards of `domains` already in `outDir`, as paths. */
export function existingImportShards(outDir: string, domains: readonly Domain[]): string[] {
  return domains.flatMap((domain) => existingShards(outDir, domain).map((name) => path.join(outDir, name)));
}

export async function importRelease(releaseDir: string, options: ReleaseImportOptions): Promise<ImportResult[]> {
  const { outDir, signal } = options;
  const progress = options.progress ?? (() => undefined);
  const layout = checkReleaseLayout(releaseDir);
  if (layout.domains.length === 0 && !layout.missing.some((what) => what.includes('submissions'))) {
    throw new ReleaseImportError(releaseDir, describeMissing(releaseDir, layout));
  }
  // A chosen domain without requests fails in importDomain, naming its folder, before anything is written.
  const domains = [...options.domains];
  const existing = existingImportShards(outDir, domains);
  // Checked before importing so a refusal costs nothing.
  if (existing.length > 0 && !options.overwrite) {
    throw new ReleaseImportError(existing[0], 'shards already exist here (use --force to replace them)');
  }
  // Image paths are relative to the folder the OS will see, links resolved (see physicalPath).
  const shardDir = physicalPath(outDir);
  const copyFolder = (domain: Domain): string | undefined =>
    options.copyImages ? path.join(shardDir, 'images', domain) : undefined;
  const created: string[] = [];
  // Folders this import would create, deepest first: removed again (when empty) if it stops.
  const newFolders = [
    ...domains.map((domain) => path.join(shardDir, 'images', domain)),
    path.join(shardDir, 'images'),
    outDir,
  ].filter((folder) => !existsSync(folder));
  const staged: StagedImport[] = [];
  const summaries: ImportSummary[] = [];
  const logPlans: LogPlan[] = [];
  try {
    for (const domain of domains) {
      const { records, summary } = await importDomain(releaseDir, domain, {
        includeUnsampled: options.includeUnsampled,
        extraction: options.extraction,
        images: { shardDir, copyTo: copyFolder(domain), created },
        progress,
        signal,
      });
      summaries.push(summary);
      const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
      staged.push(
        await stageImportShards(records, outDir, domain, { shardSize, overwrite: options.overwrite, progress, signal }),
      );
      // Annotations follow their requests into the new shards, or the import stops here, nothing written.
      const placement = new Map(
        records.map((record, index) => [record.id, path.join(outDir, shardFileName(domain, Math.floor(index / shardSize)))]),
      );
      logPlans.push(await planLogMoves(outDir, domain, placement));
    }
    signal?.throwIfAborted();
  } catch (error) {
    for (const domain of staged) await domain.discard();
    for (const file of created) await unlink(file).catch(() => undefined);
    for (const folder of newFolders) await rmdir(folder).catch(() => undefined);
    throw error;
  }
  // From here on nothing is cancelled: every shard goes in place.
  const results: ImportResult[] = [];
  for (const [index, domain] of staged.entries()) {
    const shards = await domain.commit();
    await logPlans[index].commit();
    // The editor lets its webview load this folder, and no other outside the dataset (docs/shard-format.md).
    await recordImageFolder(
      shardDir,
      domain.domain,
      copyFolder(domain.domain) ?? path.resolve(domainFiles(releaseDir, domain.domain).imagesDir),
    );
    const { events, requests, moves } = logPlans[index];
    results.push({ ...summaries[index], shards, annotationsMoved: { events, requests, moves } });
  }
  return results;
}
