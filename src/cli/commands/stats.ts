// imagery stats: the paper's dataset statistics per domain.
import { datasetStats, type DomainStats, type MeanSd } from '../../core/paper/stats';
import { formatUnreadable } from '../../core/release/import-jsonl';
import { loadRecords } from '../inputs';
import { defineCommand, type CommandContext } from '../command';
import { formatTable } from '../table';

const meanSd = ({ mean, sd }: MeanSd): string => (Number.isNaN(mean) ? '-' : `${mean.toFixed(2)} ± ${sd.toFixed(2)}`);

export function formatStatsTable(domains: Partial<Record<string, DomainStats>>): string {
  const rows = Object.entries(domains).map(([domain, stats]) => [
    domain,
    String(stats!.requests),
    String(stats!.items),
    String(stats!.images.total),
    meanSd(stats!.images),
    meanSd(stats!.itemsPerRequest),
  ]);
  return formatTable(['domain', 'requests', 'items', 'images', 'images/request', 'items/request'], rows);
}

const OPTIONS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

export const statsCommand = defineCommand({
  name: 'stats',
  options: OPTIONS,
  positionals: { expects: 'a release folder or shard files' },
  run: runStats,
});

async function runStats({ values, positionals, output, progress }: CommandContext<typeof OPTIONS>): Promise<number> {
  const { records, unreadable } = await loadRecords(positionals, progress);
  for (const problem of unreadable) output.err(`imagery: warning: ${formatUnreadable(problem)}`);
  const domains = datasetStats(records);
  // JSON has no NaN: a domain without benchmark requests is simply absent.
  output.out(
    values.json
      ? JSON.stringify({ domains })
      : Object.keys(domains).length
        ? formatStatsTable(domains)
        : 'no benchmark requests (none has choices)',
  );
  return 0;
}
