// For the Shards view: what the other annotators' logs of a shard hold that
// does not count (an event naming someone else than the file's annotator, a
// date after the log was last written; core/annotations/log-identity.ts).
// Each log is read again only when its size, time or inode changes; the
// annotator's own log is left out (its appends are read incrementally
// elsewhere, and an event naming another annotator is refused on append).
// No vscode import.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMissing, readBytesFrom } from '../../core/annotations/log-file';
import { vetLog } from '../../core/annotations/log-identity';
import { LOG_START, parseLogBytes, type LogWarning } from '../../core/annotations/log-lines';
import { annotationsDir, LOG_EXTENSION } from '../../core/annotations/paths';

export class LogTrustCache {
  private readonly logs = new Map<string, { stamp: string; warnings: LogWarning[] }>();

  /** The warnings of every log of `shardFile` but `ownLog`, by file name then line. */
  async warnings(shardFile: string, ownLog: string): Promise<LogWarning[]> {
    const dir = annotationsDir(shardFile);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((name) => name.endsWith(LOG_EXTENSION)).sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const own = path.resolve(ownLog);
    const found: LogWarning[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      if (path.resolve(file) !== own) found.push(...(await this.of(file)));
    }
    return found;
  }

  private async of(file: string): Promise<LogWarning[]> {
    const stat = await fs.lstat(file);
    const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    const cached = this.logs.get(file);
    if (cached?.stamp === stamp) return cached.warnings;
    const { bytes, mtimeMs } = await readBytesFrom(file, 0);
    const warnings: LogWarning[] = [];
    parseLogBytes(bytes, file, LOG_START, true, vetLog(file, mtimeMs, warnings));
    this.logs.set(file, { stamp, warnings });
    return warnings;
  }
}
