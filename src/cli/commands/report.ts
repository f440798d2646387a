// imagery report: extraction quality, curation, models on original vs
// corrected truth, and agreement, from shards and every annotator's log.
import { loadReportData } from '../../core/report/load';
import { buildReport } from '../../core/report/report';
import { reportBlocks } from '../../core/report/report-blocks';
import { blocksToMarkdown } from '../../core/report/report-format';
import { commonFolder, readQueue, resolveQueueFile } from '../../core/validation/queue-file';
import { CliError, usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import { defineCommand, type CommandContext } from '../command';

const FORMATS = ['md', 'json', 'html'] as const;

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  queue: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

export const reportCommand = defineCommand({
  name: 'report',
  options: OPTIONS,
  run: runReport,
});

async function runReport({ values, positionals, output }: CommandContext<typeof OPTIONS>): Promise<number> {
  const format = values.json ? 'json' : (values.format ?? 'md');
  if (!(FORMATS as readonly string[]).includes(format))
    throw usageError(`report: --format must be md, json or html, got "${format}"`);
  if (positionals.length === 0) throw usageError('report: expects shard files or folders');
  const { releases, shards } = resolveInputs(positionals);
  if (releases.length > 0) throw usageError(`report: ${releases[0]} is a release; import it first, then report on the shards`);
  let queue;
  if (values.queue !== undefined) {
    const file = resolveQueueFile(values.queue, commonFolder(shards));
    try {
      queue = { file, queue: await readQueue(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new CliError('no such review queue (write one with imagery sample)', file);
      throw error;
    }
  }
  const data = await loadReportData(shards, queue);
  if (!values.quiet) output.err(`read ${shards.length} shard(s), ${data.requests.length} requests in scope`);
  for (const warning of data.warnings) output.err(`imagery: warning: ${warning}`);
  const report = buildReport(data);
  if (format === 'json') output.out(JSON.stringify(report));
  else if (format === 'md') output.out(blocksToMarkdown(reportBlocks(report)));
  // Plot and linkedom load only for an HTML report.
  else output.out((await import('../../core/report/report-html')).reportHtml(report));
  return 0;
}
