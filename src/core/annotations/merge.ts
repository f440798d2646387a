// Merging several annotators' logs into one event sequence for replay.
import type { AnnotationEvent } from './events';
import { replay, retractedIds } from './replay';
import type { ShardState } from './state';

/**
 * Replays several annotators' logs together. A retract counts only against
 * events of its own log (undo is one annotator's, never another's), so each log
 * drops its own retracted events and retracts first; then the rest is merged
 * by time and the latest decision wins.
 */
export function replayLogs(logs: readonly (readonly AnnotationEvent[])[]): ShardState {
  const effective = logs.map((log) => {
    const retracted = retractedIds(log);
    return log.filter((event) => event.type !== 'retract' && !retracted.has(event.id));
  });
  return replay(mergeByTime(effective));
}

/**
 * K-way merge by event time: each log keeps its own order (a log's order is
 * the truth for its annotator, even if their clock stepped back), and across
 * logs the earlier time comes first, so on replay the latest decision wins.
 * Equal times: the log listed first comes first. Unparsable times sort first.
 */
export function mergeByTime(logs: readonly (readonly AnnotationEvent[])[]): AnnotationEvent[] {
  if (logs.length === 1) return [...logs[0]];
  const heads = logs.map(() => 0);
  const merged: AnnotationEvent[] = [];
  for (;;) {
    let pick = -1;
    let pickTime = Infinity;
    for (let log = 0; log < logs.length; log++) {
      const event = logs[log][heads[log]];
      if (!event) continue;
      const time = timeOf(event);
      if (pick === -1 || time < pickTime) {
        pick = log;
        pickTime = time;
      }
    }
    if (pick === -1) return merged;
    merged.push(logs[pick][heads[pick]++]);
  }
}

function timeOf(event: AnnotationEvent): number {
  const time = Date.parse(event.time);
  return Number.isNaN(time) ? -Infinity : time;
}
