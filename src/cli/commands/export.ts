// imagery export: annotated shards -> corrected dataset in the release layout.
import { exportCorrected } from '../../core/release/export';
import { formatExportSummary } from '../../core/release/export-summary';
import { integerOption, parseCommand } from '../args';
import { usageError } from '../cli-error';
import { HELP } from '../help';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';

export async function exportCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommand('export', argv, {
    out: { type: 'string' },
    seed: { type: 'string' },
    release: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(HELP.export);
    return 0;
  }
  if (positionals.length === 0) throw usageError('export: expects shard files or folders');
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
