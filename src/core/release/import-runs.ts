// Loads every stored model run of a domain and indexes its answers by request.
// Lines are joined to requests by submission_id; text-only runs also carry the
// image descriptions they were given, kept as `descriptions`.
import type { StoredRun } from '../shard/schema';
import { readJsonlFile, type UnreadableLine } from './import-jsonl';
import { ReleaseRunLine } from './import-schema';
import type { RunFile } from './layout';

export interface RunSummary {
  model: string;
  input: string;
  task: StoredRun['task'];
  file: string;
  /** Lines with a usable answer. */
  answers: number;
}

export interface RunsByRequest {
  byRequest: Map<string, StoredRun[]>;
  runs: RunSummary[];
  problems: UnreadableLine[];
}

function answerOf(line: ReleaseRunLine, task: StoredRun['task']): string | string[] | undefined {
  const answer = line[task];
  return answer === null ? undefined : answer;
}

export async function readRuns(runFiles: readonly RunFile[], signal?: AbortSignal): Promise<RunsByRequest> {
  const byRequest = new Map<string, StoredRun[]>();
  const problems: UnreadableLine[] = [];
  const runs: RunSummary[] = [];
  for (const runFile of runFiles) {
    const { model, input, task, file } = runFile;
    const summary: RunSummary = { model, input, task, file, answers: 0 };
    runs.push(summary);
    const seen = new Set<string>();
    for await (const entry of readJsonlFile(file, ReleaseRunLine, signal)) {
      if (!entry.ok) {
        problems.push(entry.problem);
        continue;
      }
      const { line, value } = entry;
      const answer = answerOf(value, task);
      if (answer === undefined) {
        problems.push({ file, line, reason: `no "${task}" answer` });
        continue;
      }
      if (seen.has(value.submission_id)) {
        problems.push({ file, line, reason: `second answer for request "${value.submission_id}" (the first is kept)` });
        continue;
      }
      seen.add(value.submission_id);
      const run: StoredRun = { model, input, task, answer };
      if (task !== 'description' && value.description) run.descriptions = value.description;
      let list = byRequest.get(value.submission_id);
      if (!list) byRequest.set(value.submission_id, (list = []));
      list.push(run);
      summary.answers += 1;
    }
  }
  return { byRequest, runs, problems };
}
