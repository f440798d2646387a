// The disputes of one request as the adjudication panel shows them: every
// annotator's log of the shard, with this document's unsaved events in place
// of its own log on disk (manual save mode), resolved by the core.
import path from 'node:path';
import { disputesOf, type Dispute } from '../../core/annotations/disputes';
import type { AnnotationEvent } from '../../core/annotations/events';
import { AnnotationLog } from '../../core/annotations/log';
import { Resolver } from '../../core/annotations/resolve';
import type { AnnotatorDocument } from './document';

/** The disputes of the request at `position`; undefined for an unreadable line. */
export async function disputesAt(
  document: AnnotatorDocument,
  position: number,
): Promise<{ requestId: string; disputes: Dispute[] } | undefined> {
  const entry = await document.read(position);
  if (entry.kind !== 'record') return undefined;
  const record = entry.record;
  const read = await AnnotationLog.readAll(document.uri.fsPath);
  const own = path.resolve(document.logFile);
  const logs: (readonly AnnotationEvent[])[] = read.perFile.filter((_, i) => path.resolve(read.files[i]) !== own);
  logs.push(document.allEvents());
  return { requestId: record.id, disputes: disputesOf(record, new Resolver(logs)) };
}
