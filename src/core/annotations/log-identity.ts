// Whose words a log holds, when several logs are read together (report,
// export, the adjudication panel). Logs travel (git, zips), so what an event
// claims is not trusted: the FILE NAME is the annotator. An event naming
// someone else is ignored, and one dated after the log was last written does
// not win by its date. Each is reported as file:line.
import path from 'node:path';
import type { EventVet, LogWarning } from './log-lines';
import { LOG_EXTENSION, sanitizeAnnotatorName } from './paths';

/** Clocks of two machines differ a little: an event up to this far after the log's last write is taken as dated. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** An event's time, once checked: the time merges and "decided last" use. */
const EPOCH = new Date(0).toISOString();

/** The annotator a log file speaks for: its name without `.jsonl`, as a file stem (null when it has none). */
export function logOwner(file: string): string | null {
  return annotatorStem(path.basename(file, LOG_EXTENSION));
}

/** Whether `annotator` maps to the log file stem `owner` (names equal but for case and punctuation do). */
export function speaksFor(annotator: string, owner: string | null): boolean {
  return owner !== null && annotatorStem(annotator) === owner;
}

/**
 * The vet of one log file: events naming another annotator than the file's
 * are dropped; an event dated later than the log was last written (its
 * modification time, or now if that is earlier) plus `CLOCK_SKEW_MS` is kept
 * in its place but takes the time of the log's previous event (the epoch
 * when it is the first), so it wins nothing by its date. Both are warnings.
 */
export function vetLog(file: string, writtenMs: number, warnings: LogWarning[], now = Date.now()): EventVet {
  const owner = logOwner(file);
  const latest = Math.min(writtenMs, now) + CLOCK_SKEW_MS;
  const named = new Map<string, boolean>();
  let previous = EPOCH;
  return (event, line) => {
    let ours = named.get(event.annotator);
    if (ours === undefined) named.set(event.annotator, (ours = speaksFor(event.annotator, owner)));
    if (!ours) {
      warnings.push({
        file,
        line,
        reason: `event ${event.id} names annotator ${JSON.stringify(event.annotator)}, but this is the log of ${JSON.stringify(owner ?? path.basename(file))} (the file name decides); ignored`,
      });
      return null;
    }
    const time = Date.parse(event.time);
    if (time > latest) {
      warnings.push({
        file,
        line,
        reason: `event ${event.id} is dated ${event.time}, after the log was last written (${new Date(Math.min(writtenMs, now)).toISOString()}); taken as ${previous}, the time of the event before it`,
      });
      return { ...event, time: previous };
    }
    if (!Number.isNaN(time)) previous = event.time;
    return event;
  };
}

/** The log file stem a name maps to (paths.ts), null for a name with no letter or digit. */
export function annotatorStem(name: string): string | null {
  try {
    // Twice: a long name cut where punctuation stood leaves a trailing "_" in its log's file name, which a
    // second pass trims; so a name and its own log's stem always meet.
    return sanitizeAnnotatorName(sanitizeAnnotatorName(name));
  } catch {
    return null;
  }
}
