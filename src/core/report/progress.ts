// Progress over time per annotator: the running count of decisions
// (extraction verdicts and validity), thinned to a plottable number of points.
import type { Decision } from './load';

export const MAX_POINTS_PER_ANNOTATOR = 200;

export interface ProgressSeries {
  annotator: string;
  decisions: number;
  requests: number;
  /** [ISO time, decisions so far], in time order; the last point is always kept. */
  points: { time: string; count: number }[];
}

export function progress(decisions: readonly Decision[], annotators: readonly string[]): ProgressSeries[] {
  return annotators.map((annotator) => {
    const own = decisions
      .filter((decision) => decision.annotator === annotator && !Number.isNaN(Date.parse(decision.time)))
      .sort((x, y) => Date.parse(x.time) - Date.parse(y.time));
    const step = Math.max(1, Math.ceil(own.length / MAX_POINTS_PER_ANNOTATOR));
    const points = own.flatMap((decision, index) =>
      (index + 1) % step === 0 || index === own.length - 1 ? [{ time: decision.time, count: index + 1 }] : [],
    );
    return { annotator, decisions: own.length, requests: new Set(own.map((decision) => decision.request)).size, points };
  });
}
