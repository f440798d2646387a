// imagery audit: where the annotators' verdicts on model answers disagree with
// the automatic scoring (false hits, false misses, choice agreement).
import { MatcherAudit, type AuditCounts, type AuditReport } from '../../core/models/audit';
import { readShardStates } from '../../core/models/inline-runs';
import { ShardReader } from '../../core/shard/reader';
import { parseCommand } from '../args';
import { usageError } from '../cli-error';
import { HELP } from '../help';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';
import { formatTable } from '../table';

const share = (value: number | null): string => (value === null ? '-' : `${(100 * value).toFixed(1)}%`);

function cells(counts: AuditCounts): string[] {
  return [counts.titlesJudged, counts.falseHits, counts.falseMisses, counts.unsure, counts.choicesJudged]
    .map(String)
    .concat(share(counts.agreement));
}

export function formatAudit(report: AuditReport): string {
  if (report.rows.length === 0) return 'no verdicts on model answers yet';
  const rows = report.rows.map((row) => [row.source, row.model, row.input, row.task, String(row.requests), ...cells(row)]);
  rows.push(['all', '', '', '', String(report.overall.requests), ...cells(report.overall)]);
  return formatTable(
    [
      'source',
      'model',
      'input',
      'task',
      'requests',
      'titles judged',
      'false hits',
      'false misses',
      'unsure',
      'choices judged',
      'agreement',
    ],
    rows,
  );
}

export async function auditCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommand('audit', argv, {
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(HELP.audit);
    return 0;
  }
  if (positionals.length === 0) throw usageError('audit: expects shard files or folders');
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
