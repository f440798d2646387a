// Every annotator's log of a shard, grouped by request, read again only when a
// file's size or time changes. The adjudication panel asks for one request's
// events on every show; re-reading every log each time made navigation on a
// shard with long logs as slow as opening it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AnnotationEvent } from '../../core/annotations/events';
import { isMissing, readBytesFrom } from '../../core/annotations/log-file';
import { vetLog } from '../../core/annotations/log-identity';
import { LOG_START, parseLogBytes, type LogWarning } from '../../core/annotations/log-lines';
import { annotationsDir, LOG_EXTENSION } from '../../core/annotations/paths';

interface CachedLog {
  size: number;
  mtimeMs: number;
  ino: number;
  byRequest: Map<string, AnnotationEvent[]>;
}

export class LogsByRequest {
  private readonly logs = new Map<string, CachedLog>();

  constructor(private readonly shardFile: string) {}

  /** One array per log file (except `skipFile`), holding only `request`'s events, in log order. */
  async eventsOf(request: string, skipFile: string): Promise<AnnotationEvent[][]> {
    const files = await this.files();
    const skip = path.resolve(skipFile);
    const result: AnnotationEvent[][] = [];
    for (const file of files) {
      if (path.resolve(file) === skip) continue;
      const log = await this.fresh(file);
      if (log) result.push(log.byRequest.get(request) ?? []);
    }
    return result;
  }

  private async files(): Promise<string[]> {
    const dir = annotationsDir(this.shardFile);
    try {
      const names = (await fs.readdir(dir)).filter((name) => name.endsWith(LOG_EXTENSION)).sort();
      return names.map((name) => path.join(dir, name));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  private async fresh(file: string): Promise<CachedLog | undefined> {
    const stat = await fs.stat(file).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
    if (!stat) {
      this.logs.delete(file);
      return undefined;
    }
    const cached = this.logs.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.ino === stat.ino) return cached;
    const { bytes } = await readBytesFrom(file, 0);
    const byRequest = new Map<string, AnnotationEvent[]>();
    // As AnnotationLog.readAll: events naming another annotator are dropped, future dates win nothing.
    const vetted: LogWarning[] = [];
    for (const event of parseLogBytes(bytes, file, LOG_START, true, vetLog(file, stat.mtimeMs, vetted)).events) {
      const list = byRequest.get(event.request);
      if (list) list.push(event);
      else byRequest.set(event.request, [event]);
    }
    const log = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, byRequest };
    this.logs.set(file, log);
    return log;
  }
}
