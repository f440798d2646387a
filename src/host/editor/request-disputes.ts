// The disputes of one request as the adjudication panel shows them, and the
// other annotators' inline model runs for the model panel: every
// annotator's log of the shard, with this document's unsaved events in place
// of its own log on disk (manual save mode), resolved by the core. Each other
// log speaks only for the annotator it is named after (other-logs.ts).
import { colleagueRuns } from '../../core/annotations/colleague-runs';
import { disputesOf, type Dispute } from '../../core/annotations/disputes';
import { Resolver } from '../../core/annotations/resolve';
import { readReviewers } from '../../core/annotations/reviewers';
import type { InlineRun } from '../../core/annotations/state';
import type { AnnotatorDocument } from './document';
import { LogsByRequest } from './other-logs';

const otherLogs = new WeakMap<AnnotatorDocument, LogsByRequest>();

/** The disputes and colleagues' runs of the request at `position`; undefined for an unreadable line. */
export async function disputesAt(
  document: AnnotatorDocument,
  position: number,
): Promise<{ requestId: string; disputes: Dispute[]; colleagueRuns: InlineRun[] } | undefined> {
  const entry = await document.read(position);
  if (entry.kind !== 'record') return undefined;
  const record = entry.record;
  let logs = otherLogs.get(document);
  if (!logs) otherLogs.set(document, (logs = new LogsByRequest(document.uri.fsPath)));
  // Only this request's events: a retract names its target's request, so the resolution is the same.
  const events = await logs.eventsOf(record.id, document.logFile);
  const runs = colleagueRuns(events, record.id);
  events.push(document.allEvents().filter((event) => event.request === record.id));
  // The same reviewers file the report and the export read: only a listed reviewer's adjudication settles.
  const reviewers = await readReviewers(document.uri.fsPath);
  const resolver = new Resolver(events, { reviewers: reviewers.stems, reviewersFile: reviewers.file });
  return { requestId: record.id, disputes: disputesOf(record, resolver), colleagueRuns: runs };
}
