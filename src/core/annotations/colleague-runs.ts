// The inline model runs other annotators made on one request, from their logs
// beside the shard: a reviewer spot-checks a colleague's run as their own, so
// the model panel lists it, marked with whose run it is. Each log is replayed
// alone (its own retractions apply, nobody else's).
import type { AnnotationEvent } from './events';
import { replay } from './replay';
import type { InlineRun } from './state';

/** Every inline run of `request` in `logs` (one event list per other annotator's log), log by log, in the order made. */
export function colleagueRuns(logs: readonly (readonly AnnotationEvent[])[], request: string): InlineRun[] {
  return logs.flatMap((events) => replay(events).get(request)?.runs ?? []);
}
