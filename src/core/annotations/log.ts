// The append-only annotation log of one annotator for one shard
// (`<shard>.annotations/<annotator>.jsonl`, one event per line). Writes only
// ever append, in one write() per batch, and are fsync'd; the file is never
// rewritten, so a crash loses at most the batch being written and git sees
// each annotator's work as additions to their own file.
import { randomUUID } from '../node-crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EVENT_SCHEMA_VERSION, EventDraft, type AnnotationEvent, type KnownEvent } from './events';
import { appendDurably, isMissing, readBytesFrom, statOrNull } from './log-file';
import {
  LOG_START,
  parseLogBytes,
  parseLogBytesInSlices,
  serializeEvent,
  type LogCursor,
  type LogWarning,
  type ParsedChunk,
} from './log-lines';
import { vetLog } from './log-identity';
import { mergeByTime } from './merge';
import { annotationLogPath, annotationsDir, LOG_EXTENSION, sameAnnotator, SharedLogError } from './paths';

export type { LogCursor, LogWarning } from './log-lines';

export interface LogRead {
  events: AnnotationEvent[];
  warnings: LogWarning[];
  /** Pass to `readFrom` to get only what is appended later. */
  cursor: LogCursor;
}

export interface AllLogsRead {
  /** Every annotator's events, merged by time (each file's own order kept). */
  events: AnnotationEvent[];
  /** The events of each file, in `files` order: replay with `replayLogs`, so a retract stays within its own log. */
  perFile: AnnotationEvent[][];
  warnings: LogWarning[];
  /** The log files read, sorted by name. */
  files: string[];
}

export class AnnotationLog {
  /** Another annotator whose events the file holds (their name maps to the same file); appends are refused. */
  private foreignOwner: string | null = null;
  /** Whether the whole file was seen, so `foreignOwner` is known without another read. */
  private ownerKnown = false;

  private constructor(
    readonly file: string,
    readonly annotator: string,
  ) {}

  /** The log of `annotator` for `shardFile`; nothing is created until the first append. */
  static open(shardFile: string, annotator: string): AnnotationLog {
    return new AnnotationLog(annotationLogPath(shardFile, annotator), annotator);
  }

  /** Every event of the file. A missing file is an empty log. */
  async read(): Promise<LogRead> {
    const read = await this.readChunk(LOG_START, true);
    this.ownerKnown = true;
    return read;
  }

  /**
   * Only what was appended after `cursor` (from `read` or an earlier
   * `readFrom`): for picking up external changes (another window, git pull).
   * Only complete lines are consumed; a line still being written stays for the
   * next call. If the file was replaced (another inode, e.g. after a git
   * checkout or merge) or shrank, everything is read from the start:
   * `restarted` says so, and the caller should replay afresh.
   */
  async readFrom(cursor: LogCursor): Promise<LogRead & { restarted: boolean }> {
    const stat = await statOrNull(this.file);
    const replaced = cursor.ino !== undefined && cursor.ino !== 0 && stat !== null && stat.ino !== cursor.ino;
    const restarted = replaced || (stat?.size ?? 0) < cursor.offset;
    if (restarted) this.foreignOwner = null;
    const chunk = await this.readChunk(restarted ? LOG_START : cursor, false);
    return { ...chunk, restarted };
  }

  /**
   * Validates drafts, completes them (v, id, time, annotator), appends them in
   * one fsync'd write and returns them. An invalid draft throws before anything
   * is written: the reader would otherwise skip it as a bad line.
   */
  async append(...drafts: EventDraft[]): Promise<KnownEvent[]> {
    const time = new Date().toISOString();
    const events = drafts.map((draft, index) => {
      const parsed = EventDraft.safeParse(draft);
      if (!parsed.success)
        throw new Error(`annotation event ${index + 1} of ${drafts.length} is invalid: ${parsed.error.issues[0]?.message}`);
      return { v: EVENT_SCHEMA_VERSION, id: randomUUID(), time, annotator: this.annotator, ...parsed.data } as KnownEvent;
    });
    await this.appendRaw(events);
    return events;
  }

  /** Appends events made earlier (e.g. pending edits kept in memory in manual-save mode) exactly as they are. */
  async appendRaw(events: readonly AnnotationEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.ownerKnown) await this.read();
    if (this.foreignOwner !== null) throw new SharedLogError(this.file, this.annotator, this.foreignOwner);
    const body = events.map((event) => serializeEvent(event) + '\n').join('');
    await appendDurably(this.file, body);
  }

  private async readChunk(from: LogCursor, includeTail: boolean): Promise<ParsedChunk> {
    const { bytes, ino } = await readBytesFrom(this.file, from.offset);
    const chunk = await parseLogBytesInSlices(bytes, this.file, from, includeTail);
    this.foreignOwner ??= chunk.events.find((event) => !sameAnnotator(event.annotator, this.annotator))?.annotator ?? null;
    return { ...chunk, cursor: { ...chunk.cursor, ...(ino === null ? {} : { ino }) } };
  }

  /**
   * Every annotator's log of `shardFile`, merged: the latest event in time
   * wins on replay. Each file speaks only for the annotator it is named after
   * (an event naming another is dropped), and an event dated after its file
   * was last written wins nothing by its date: log-identity.ts, warned.
   */
  static async readAll(shardFile: string): Promise<AllLogsRead> {
    const dir = annotationsDir(shardFile);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((name) => name.endsWith(LOG_EXTENSION)).sort();
    } catch (error) {
      if (isMissing(error)) return { events: [], perFile: [], warnings: [], files: [] };
      throw error;
    }
    const files = names.map((name) => path.join(dir, name));
    const reads = await Promise.all(
      files.map(async (file) => {
        const { bytes, mtimeMs } = await readBytesFrom(file, 0);
        // Whose log it is, and how late its events may be dated: log-identity.ts.
        const vetted: LogWarning[] = [];
        const read = parseLogBytes(bytes, file, LOG_START, true, vetLog(file, mtimeMs, vetted));
        return { ...read, warnings: [...read.warnings, ...vetted].sort((a, b) => a.line - b.line) };
      }),
    );
    const perFile = reads.map((read) => read.events);
    return {
      events: mergeByTime(perFile),
      perFile,
      warnings: reads.flatMap((read) => read.warnings),
      files,
    };
  }
}
