// The inline runs kept in the annotators' logs beside shard files, by request id.
import { AnnotationLog, type LogWarning } from '../annotations/log';
import { replayLogs } from '../annotations/merge';
import type { InlineRun, ShardState } from '../annotations/state';

export interface ShardStates {
  /** Shard file -> replayed state of every annotator's log beside it. */
  states: Map<string, ShardState>;
  warnings: LogWarning[];
}

/** Replays every annotator's log of each shard (merged by time; a retract counts only within its own log). */
export async function readShardStates(shardFiles: readonly string[]): Promise<ShardStates> {
  const states = new Map<string, ShardState>();
  const warnings: LogWarning[] = [];
  for (const file of shardFiles) {
    const read = await AnnotationLog.readAll(file);
    states.set(file, replayLogs(read.perFile));
    warnings.push(...read.warnings);
  }
  return { states, warnings };
}

export async function inlineRunsBeside(
  shardFiles: readonly string[],
): Promise<{ runs: Map<string, InlineRun[]>; warnings: LogWarning[] }> {
  const { states, warnings } = await readShardStates(shardFiles);
  const runs = new Map<string, InlineRun[]>();
  for (const state of states.values()) {
    for (const [request, requestState] of state) {
      if (requestState.runs?.length) runs.set(request, [...(runs.get(request) ?? []), ...requestState.runs]);
    }
  }
  return { runs, warnings };
}
