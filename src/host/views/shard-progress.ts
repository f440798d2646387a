// Reviewed/total for shards that are not open, for the Shards view. Each
// shard is indexed once and kept open (only the records its log touches are
// read, for their comment ids); its annotator's log is read from where the
// last read stopped. So a refresh after one appended event stats every shard
// and log and reads that one event, not the 50 shards and their logs again.
// The comment ids read are also kept on disk (comment-ids-store.ts), so a new
// window's first refresh reads no record that an earlier one read.
import { promises as fs } from 'node:fs';
import type { AnnotationEvent } from '../../core/annotations/events';
import { AnnotationLog, type LogCursor } from '../../core/annotations/log';
import { replay } from '../../core/annotations/replay';
import type { ShardState } from '../../core/annotations/state';
import { ShardReader } from '../../core/shard/reader';
import type { Progress } from '../../protocol';
import { RequestIndex } from '../editor/state/request-index';
import { CommentIdsStore } from './comment-ids-store';

/** What a refresh read, for the tests (what was read, never how long it took). */
export interface ProgressReads {
  /** A shard was opened and indexed in full. */
  indexed(shardFile: string): void;
  /** An annotation log was read from byte `from` (0: all of it). */
  logRead(logFile: string, from: number): void;
  /** Records were read for their comment ids (not counted: those kept on disk from an earlier window). */
  recordsRead?(shardFile: string, count: number): void;
}

interface Entry {
  shardStamp: string;
  annotator: string;
  reader: ShardReader;
  index: RequestIndex;
  log: AnnotationLog;
  logStamp: string;
  cursor: LogCursor;
  events: AnnotationEvent[];
  /** The replayed log; the index reads it through this holder. */
  replayed: { state: ShardState };
  progress: Progress;
}

async function stamp(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return 'absent';
  }
}

export class ShardProgressCache {
  /** By shard path. */
  private readonly entries = new Map<string, Entry>();
  /** One refresh of a shard at a time: the tree asks for every row at once, and again before that ends. */
  private readonly pending = new Map<string, Promise<Progress>>();

  constructor(
    private readonly reads?: ProgressReads,
    private readonly kept = new CommentIdsStore(undefined),
  ) {}

  progress(shardFile: string, annotator: string): Promise<Progress> {
    const running = this.pending.get(shardFile);
    if (running) return running.then(() => this.progress(shardFile, annotator));
    const next = this.update(shardFile, annotator).finally(() => this.pending.delete(shardFile));
    this.pending.set(shardFile, next);
    return next;
  }

  private async update(shardFile: string, annotator: string): Promise<Progress> {
    const shardStamp = await stamp(shardFile);
    let entry = this.entries.get(shardFile);
    if (entry && (entry.shardStamp !== shardStamp || entry.annotator !== annotator)) {
      this.entries.delete(shardFile);
      await entry.reader.close();
      entry = undefined;
    }
    if (!entry) {
      entry = await this.open(shardFile, shardStamp, annotator);
      this.entries.set(shardFile, entry);
      return entry.progress;
    }
    const logStamp = await stamp(entry.log.file);
    if (logStamp === entry.logStamp) return entry.progress;
    this.reads?.logRead(entry.log.file, entry.cursor.offset);
    const read = await entry.log.readFrom(entry.cursor);
    entry.events = read.restarted ? read.events : [...entry.events, ...read.events];
    entry.cursor = read.cursor;
    entry.logStamp = logStamp;
    entry.replayed.state = replay(entry.events);
    const readBefore = entry.index.recordsRead;
    await entry.index.learn([...entry.replayed.state.keys()]);
    await this.learned(shardFile, shardStamp, entry.index, entry.index.recordsRead - readBefore);
    entry.progress = entry.index.progress();
    return entry.progress;
  }

  /** Notes and keeps the comment ids of `count` records just read. */
  private async learned(shardFile: string, shardStamp: string, index: RequestIndex, count: number): Promise<void> {
    if (count === 0) return;
    this.reads?.recordsRead?.(shardFile, count);
    await this.kept.save(shardFile, shardStamp, index.knownCommentIds);
  }

  private async open(shardFile: string, shardStamp: string, annotator: string): Promise<Entry> {
    const log = AnnotationLog.open(shardFile, annotator);
    const logStamp = await stamp(log.file);
    this.reads?.indexed(shardFile);
    const reader = await ShardReader.open(shardFile);
    try {
      this.reads?.logRead(log.file, 0);
      const read = await log.read();
      const replayed = { state: replay(read.events) };
      const known = await this.kept.load(shardFile, shardStamp);
      const index = await RequestIndex.build(reader, () => replayed.state, known);
      await this.learned(shardFile, shardStamp, index, index.recordsRead);
      const progress = index.progress();
      return {
        shardStamp,
        annotator,
        reader,
        index,
        log,
        logStamp,
        cursor: read.cursor,
        events: read.events,
        replayed,
        progress,
      };
    } catch (error) {
      await reader.close();
      throw error;
    }
  }

  /** Forgets shards no longer listed, closing their files. */
  async retain(shardFiles: ReadonlySet<string>): Promise<void> {
    for (const [file, entry] of this.entries) {
      if (shardFiles.has(file)) continue;
      this.entries.delete(file);
      await entry.reader.close();
    }
  }

  async dispose(): Promise<void> {
    await this.retain(new Set());
  }
}
