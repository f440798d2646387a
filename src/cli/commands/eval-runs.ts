// imagery eval --runs DIR: the answers of batch runs (DIR/intermediate/, the
// release's layout) joined to the records as stored runs, so they are scored
// beside the release's own. A run of the same model/input/task as a stored
// one takes its place for the requests it answers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatUnreadable } from '../../core/release/import-jsonl';
import { readRuns, type RunSummary } from '../../core/release/import-runs';
import { findRunFiles, RELEASE_DOMAINS } from '../../core/release/layout';
import { runKey, type ShardRecord } from '../../core/shard/schema';
import { countReasons, readSkippedDir } from '../../core/models/batch/skipped-file';
import { CliError } from '../cli-error';

export interface JoinedRuns {
  runs: (RunSummary & { domain: string; matched: number })[];
  warnings: string[];
  /** Requests the batch run could never answer, per <model>/<input>/<task>, and why. */
  skipped: { run: string; count: number; reasons: string }[];
}

export async function joinRunsDir(dir: string, records: ShardRecord[]): Promise<JoinedRuns> {
  if (!existsSync(path.join(dir, 'intermediate')))
    throw new CliError('no intermediate/ folder here (the --out of imagery run)', dir);
  const warnings: string[] = [];
  const joined: JoinedRuns['runs'] = [];
  for (const domain of RELEASE_DOMAINS) {
    const files = findRunFiles(dir, domain);
    if (files.length === 0) continue;
    const { byRequest, runs, problems } = await readRuns(files);
    warnings.push(...problems.map(formatUnreadable));
    const matched = new Map<string, number>();
    for (const record of records) {
      if (record.domain !== domain) continue;
      for (const run of byRequest.get(record.id) ?? []) {
        const key = runKey(run);
        record.runs = [...record.runs.filter((stored) => runKey(stored) !== key), run];
        matched.set(key, (matched.get(key) ?? 0) + 1);
      }
    }
    for (const run of runs) joined.push({ ...run, domain, matched: matched.get(runKey(run)) ?? 0 });
  }
  if (joined.length === 0)
    warnings.push(`${path.join(dir, 'intermediate')}: no run files (<model>/<domain>/<input>/<task>.jsonl)`);
  const skipped = readSkippedDir(dir).map(({ run, skipped: list }) => ({
    run,
    count: list.length,
    reasons: countReasons(list),
  }));
  return { runs: joined, warnings, skipped };
}

/** One line per run file: how many answers it holds and how many join a request given to eval. */
export function formatJoined(runs: JoinedRuns['runs']): string {
  return runs
    .map(
      (run) =>
        `${run.domain} ${run.model}/${run.input}/${run.task}: ${run.answers} answers, ${run.matched} of them for the requests given` +
        ` (${path.basename(run.file)})`,
    )
    .join('\n');
}

/** One line per run with requests it could never answer: "skipped by the run model/input/task: 2 (no usable image: 2)". */
export function formatSkipped(skipped: JoinedRuns['skipped']): string[] {
  return skipped.map((entry) => `skipped by the run ${entry.run}: ${entry.count} (${entry.reasons})`);
}
