// imagery audit: where the annotators' verdicts on model answers disagree with
// the automatic scoring (false hits, false misses, choice agreement).
import { MatcherAudit, type AuditReport } from '../../core/models/audit';
import { AUDIT_COLUMNS, auditCountCells } from '../../core/models/audit-table';
import { readShardStates } from '../../core/models/inline-runs';
import { ShardReader } from '../../core/shard/reader';
import { usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import { defineCommand, type CommandContext } from '../command';
import { formatTable } from '../table';

const share = (value: number | null): string => (value === null ? '-' : `${(100 * value).toFixed(1)}%`);

export function formatAudit(report: AuditReport): string {
  if (report.rows.length === 0) return 'no verdicts on model answers yet';
  const rows = report.rows.map((row) => [row.source, row.model, row.input, row.task, ...auditCountCells(row, share)]);
  rows.push(['all', '', '', '', ...auditCountCells(report.overall, share)]);
  return formatTable(AUDIT_COLUMNS, rows);
}

const OPTIONS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

export const auditCommand = defineCommand({
  name: 'audit',
  options: OPTIONS,
  positionals: { expects: 'shard files or folders' },
  run: runAudit,
});

async function runAudit({ values, positionals, output }: CommandContext<typeof OPTIONS>): Promise<number> {
  const { releases, shards } = resolveInputs(positionals);
  if (releases.length > 0)
    throw usageError(`audit: ${releases[0]} is a release; audit reads shards and the annotators' logs beside them`);
  const { states, warnings } = await readShardStates(shards);
  for (const warning of warnings) output.err(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
  const audit = new MatcherAudit();
  for (const file of shards) {
    const state = states.get(file);
    if (!state || state.size === 0) continue;
    const reader = await ShardReader.open(file);
    try {
      for await (const entry of reader.entries()) {
        if (entry.kind === 'record') audit.add(entry.record, state.get(entry.record.id));
        else output.err(`imagery: warning: ${entry.file}:${entry.line}: ${entry.reason}`);
      }
    } finally {
      await reader.close();
    }
    if (!values.quiet) output.err(`read ${file}`);
  }
  const report = audit.report();
  output.out(values.json ? JSON.stringify(report) : formatAudit(report));
  return 0;
}
