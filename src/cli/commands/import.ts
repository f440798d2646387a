// imagery import: release folder -> <out>/<domain>-NNN.shard.jsonl
import path from 'node:path';
import { importDomain } from '../../core/release/import';
import type { ImportSummary } from '../../core/release/import-summary';
import { formatUnreadable } from '../../core/release/import-jsonl';
import { DEFAULT_SHARD_SIZE, existingShards, writeImportShards } from '../../core/release/import-shards';
import { physicalPath, recordImageFolder } from '../../core/release/image-manifest';
import { domainFiles, isReleaseDir, releaseDomains } from '../../core/release/layout';
import { Domain } from '../../core/shard/schema';
import { integerOption, parseCommand } from '../args';
import { CliError, usageError } from '../cli-error';
import { HELP } from '../help';
import type { Output } from '../output';

export type ImportResult = ImportSummary & { shards: string[] };

function describe(result: ImportResult): string {
  const { images, runs } = result;
  const lines = [
    `${result.domain}: ${result.requests} requests (${result.requestsWithChoice} with choices) from ${result.source}`,
    `  comments: ${result.comments} on ${result.requestsWithComments} requests` +
      (result.extractionMissing ? ` (${result.extractionMissing} without extraction)` : '') +
      (result.orphanComments ? `, ${result.orphanComments} of requests not imported` : ''),
    `  items: ${result.extractedItems} extracted from comments, ${result.relevanceItems} with relevance (recs.json)`,
    `  runs: ${runs.length}` + runs.map((run) => `\n    ${run.model}/${run.input}/${run.task}: ${run.answers - run.unmatched} answers`).join(''),
    `  images: ${images.found} found, ${images.missing} missing (URL only)` +
      (images.refused ? `, ${images.refused} refused` : '') +
      result.imageWarnings.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  unreadable lines: ${result.unreadable.length}` + result.unreadable.map((problem) => `\n    ${formatUnreadable(problem)}`).join(''),
    `  shards: ${result.shards.length} in ${result.shards.length ? path.dirname(result.shards[0]) : '-'}`,
  ];
  return lines.join('\n');
}

export async function importCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommand('import', argv, {
    domain: { type: 'string' },
    out: { type: 'string' },
    'shard-size': { type: 'string' },
    'include-unsampled': { type: 'boolean' },
    'copy-images': { type: 'boolean' },
    force: { type: 'boolean' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(HELP.import);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('import: expects one release folder');
  const releaseDir = positionals[0];
  if (!values.out) throw usageError('import: --out <dir> is required');
  const shardSize = integerOption('import', 'shard-size', values['shard-size'], 1) ?? DEFAULT_SHARD_SIZE;
  if (values.domain !== undefined && !Domain.safeParse(values.domain).success) {
    throw usageError(`import: --domain must be music or books, got "${values.domain}"`);
  }
  if (!isReleaseDir(releaseDir)) throw new CliError('not a release folder (no data/processed)', releaseDir);
  const domains = values.domain ? [values.domain as Domain] : releaseDomains(releaseDir);
  if (domains.length === 0) throw new CliError('no domain folder (books, music) under data/processed', releaseDir);

  const progress = values.quiet ? () => undefined : (message: string) => output.err(message);
  const outDir = path.resolve(values.out);
  // Image paths are relative to the folder the OS will see, links resolved (see physicalPath).
  const shardDir = physicalPath(outDir);
  for (const domain of domains) {
    const existing = existingShards(outDir, domain);
    // Checked before importing so a refusal costs nothing.
    if (existing.length > 0 && !values.force) {
      throw new CliError(`${domain} shards already exist here (use --force to replace them)`, path.join(outDir, existing[0]));
    }
  }
  const results: ImportResult[] = [];
  for (const domain of domains) {
    const copyTo = values['copy-images'] ? path.join(shardDir, 'images', domain) : undefined;
    const { records, summary } = await importDomain(releaseDir, domain, {
      includeUnsampled: values['include-unsampled'],
      images: { shardDir, copyTo },
      progress,
    });
    for (const problem of [...summary.unreadable, ...summary.imageWarnings]) output.err(`imagery: warning: ${formatUnreadable(problem)}`);
    const shards = await writeImportShards(records, outDir, domain, { shardSize, overwrite: values.force, progress });
    // The editor lets its webview load this folder, and no other outside the dataset (docs/shard-format.md).
    await recordImageFolder(shardDir, domain, copyTo ?? path.resolve(domainFiles(releaseDir, domain).imagesDir));
    results.push({ ...summary, shards });
  }
  output.out(values.json ? JSON.stringify({ imports: results }) : results.map(describe).join('\n'));
  const warnings = results.reduce((total, result) => total + result.unreadable.length + result.imageWarnings.length, 0);
  return values.strict && warnings > 0 ? 1 : 0;
}
