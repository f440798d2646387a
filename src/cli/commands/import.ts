// imagery import: release folder -> <out>/<domain>-NNN.shard.jsonl
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatUnreadable } from '../../core/release/import-jsonl';
import type { ImportProgressFn } from '../../core/release/import-progress';
import { existingImportShards, importRelease } from '../../core/release/import-release';
import { formatImportResult } from '../../core/release/import-result-text';
import { DEFAULT_SHARD_SIZE } from '../../core/release/import-shards';
import { isReleaseDir, releaseDomains } from '../../core/release/layout';
import { Domain } from '../../core/shard/schema';
import { integerOption } from '../args';
import { CliError, usageError } from '../cli-error';
import { defineCommand, type CommandContext } from '../command';

export type { ImportResult } from '../../core/release/import-release';

const OPTIONS = {
  domain: { type: 'string' },
  extraction: { type: 'string' },
  out: { type: 'string' },
  'shard-size': { type: 'string' },
  'include-unsampled': { type: 'boolean' },
  'copy-images': { type: 'boolean' },
  force: { type: 'boolean' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

export const importCommand = defineCommand({
  name: 'import',
  options: OPTIONS,
  positionals: { expects: 'one release folder', count: 1 },
  run: runImport,
});

async function runImport({ values, positionals, output }: CommandContext<typeof OPTIONS>): Promise<number> {
  const releaseDir = positionals[0];
  if (!values.out) throw usageError('import: --out <dir> is required');
  const shardSize = integerOption('import', 'shard-size', values['shard-size'], 1) ?? DEFAULT_SHARD_SIZE;
  if (values.domain !== undefined && !Domain.safeParse(values.domain).success) {
    throw usageError(`import: --domain must be music or books, got "${values.domain}"`);
  }
  if (!isReleaseDir(releaseDir)) throw new CliError('not a release folder (no data/processed)', releaseDir);
  const domains = values.domain ? [values.domain as Domain] : releaseDomains(releaseDir);
  if (domains.length === 0) throw new CliError('no domain folder (books, music) under data/processed', releaseDir);
  if (values.extraction !== undefined && !values.domain)
    throw usageError("import: --extraction takes one domain's run: give --domain too");
  if (values.extraction !== undefined && !existsSync(values.extraction))
    throw new CliError('no such extraction file', values.extraction);

  // Per-request ticks are for progress bars; the terminal gets the phases.
  const progress: ImportProgressFn = values.quiet
    ? () => undefined
    : (message, step) => step?.phase !== 'build' && output.err(message);
  const outDir = path.resolve(values.out);
  for (const domain of domains) {
    const existing = existingImportShards(outDir, [domain]);
    if (existing.length > 0 && !values.force)
      throw new CliError(`${domain} shards already exist here (use --force to replace them)`, existing[0]);
  }
  const results = await importRelease(releaseDir, {
    domains,
    outDir,
    shardSize,
    includeUnsampled: values['include-unsampled'],
    extraction: values.extraction,
    copyImages: values['copy-images'],
    overwrite: values.force,
    progress,
  });
  for (const result of results) {
    for (const problem of [...result.unreadable, ...result.imageWarnings])
      output.err(`imagery: warning: ${formatUnreadable(problem)}`);
  }
  output.out(values.json ? JSON.stringify({ imports: results }) : results.map(formatImportResult).join('\n'));
  const warnings = results.reduce((total, result) => total + result.unreadable.length + result.imageWarnings.length, 0);
  return values.strict && warnings > 0 ? 1 : 0;
}
