// imagery export: annotated shards -> corrected dataset in the release layout.
import { exportCorrected } from '../../core/release/export';
import { formatExportSummary } from '../../core/release/export-summary';
import { integerOption } from '../args';
import { usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import { defineCommand, type CommandContext } from '../command';

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  release: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

export const exportCommand = defineCommand({
  name: 'export',
  options: OPTIONS,
  positionals: { expects: 'shard files or folders' },
  run: runExport,
});

async function runExport({ values, positionals, output }: CommandContext<typeof OPTIONS>): Promise<number> {
  if (!values.out) throw usageError('export: --out <dir> is required');
  const seed = integerOption('export', 'seed', values.seed, Number.MIN_SAFE_INTEGER);
  if (seed === undefined) throw usageError('export: --seed <n> is required (it makes the negative sampling reproducible)');
  const { releases, shards } = resolveInputs(positionals);
  if (releases.length > 0) throw usageError(`export: ${releases[0]} is a release; import it first, then export the shards`);
  const summary = await exportCorrected(shards, values.out, {
    seed,
    releaseDir: values.release,
    onProgress: values.quiet ? undefined : ({ phase, done, total, file }) => output.err(`${phase} ${done}/${total}: ${file}`),
  });
  output.out(values.json ? JSON.stringify(summary) : formatExportSummary(summary));
  return 0;
}
