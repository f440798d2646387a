// imagery eval: scores every stored run of a release or of shards, and the
// inline runs kept in the annotators' logs beside the shards, and with --runs
// DIR the answers of `imagery run --shards ... --out DIR`.
import { inlineRunsBeside } from '../../core/models/inline-runs';
import { evaluateRecords } from '../../core/paper/evaluate';
import type { EvalRow } from '../../core/paper/metrics';
import { formatUnreadable } from '../../core/release/import-jsonl';
import { loadRecords, resolveInputs } from '../inputs';
import { defineCommand, type CommandContext } from '../command';
import { formatTable } from '../table';
import { formatJoined, formatSkipped, joinRunsDir, type JoinedRuns } from './eval-runs';

const fraction = (value: number | null): string => (value === null ? '-' : value.toFixed(4));
const percent = (value: number | null): string => (value === null ? '-' : `${value.toFixed(2)}%`);

export function formatEvalTable(rows: readonly EvalRow[]): string {
  return formatTable(
    ['domain', 'model', 'input', 'Hit@1', 'Hit@10', 'Hit@20', 'n', 'accuracy', 'n'],
    rows.map((row) => [
      row.domain,
      row.source === 'inline' ? `${row.model} (inline${row.prompt === 'coi' ? ', CoI' : ''})` : row.model,
      row.input,
      fraction(row.hit1),
      fraction(row.hit10),
      fraction(row.hit20),
      String(row.requests),
      percent(row.accuracy),
      String(row.choiceRequests),
    ]),
  );
}

const OPTIONS = {
  json: { type: 'boolean' },
  runs: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
} as const;

export const evalCommand = defineCommand({
  name: 'eval',
  options: OPTIONS,
  positionals: { expects: 'a release folder or shard files' },
  run: runEval,
});

async function runEval({ values, positionals, output, progress }: CommandContext<typeof OPTIONS>): Promise<number> {
  const { records, unreadable } = await loadRecords(positionals, progress);
  for (const problem of unreadable) output.err(`imagery: warning: ${formatUnreadable(problem)}`);
  const inline = await inlineRunsBeside(resolveInputs(positionals).shards);
  for (const warning of inline.warnings) output.err(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
  const added: JoinedRuns['runs'] = [];
  const skipped: JoinedRuns['skipped'] = [];
  for (const dir of values.runs ?? []) {
    const joined = await joinRunsDir(dir, records);
    for (const warning of joined.warnings) output.err(`imagery: warning: ${warning}`);
    added.push(...joined.runs);
    skipped.push(...joined.skipped);
  }
  const rows = evaluateRecords(records, (record) => inline.runs.get(record.id) ?? []);
  if (values.json) output.out(JSON.stringify(values.runs ? { rows, runs: added, skipped } : { rows }));
  else if (rows.length === 0) output.out('no stored runs to score');
  else {
    // n: the requests each figure averages over (with ground truth / with candidates, and an answer).
    const table = formatEvalTable(rows);
    output.out(
      added.length
        ? `${table}

from --runs (n in the table: requests each figure covers):
${[formatJoined(added), ...formatSkipped(skipped)].join('\n')}`
        : table,
    );
  }
  return 0;
}
