// The matcher audit as a table, the same in `imagery audit` and the report.
// Apart from audit.ts so that the report's webview bundle does not take in the scorer.
import type { AuditCounts } from './audit';

/** The columns. */
export const AUDIT_COLUMNS = [
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
];

/** The cells from "requests" on; `share` formats the agreement (null when no choice was judged). */
export function auditCountCells(counts: AuditCounts & { requests: number }, share: (value: number | null) => string): string[] {
  const { requests, titlesJudged, falseHits, falseMisses, unsure, choicesJudged, agreement } = counts;
  return [requests, titlesJudged, falseHits, falseMisses, unsure, choicesJudged].map(String).concat(share(agreement));
}
