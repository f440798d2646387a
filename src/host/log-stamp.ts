// A cheap fingerprint of shards and the annotators' logs beside them (size and
// time). File events can be late or missing (a busy host, remote file
// systems); the report view and the editor's watch on other annotators' logs
// compare fingerprints every few seconds to back them up.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { annotationsDir } from '../core/annotations/paths';

async function stamp(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat ? `${file}:${stat.size}:${stat.mtimeMs}` : `${file}:-`;
}

/** What a report reads: each shard, every log beside it, and the queue file. */
export async function scopeStamp(shards: readonly string[], queueFile?: string): Promise<string> {
  const files: string[] = queueFile ? [queueFile] : [];
  for (const shard of shards) files.push(shard, ...(await logFiles(shard)));
  return (await Promise.all(files.map(stamp))).join('\n');
}

/** Every log of `shard` except `ownLog`: what the adjudication panel shows of the others. */
export async function otherLogsStamp(shard: string, ownLog: string): Promise<string> {
  const own = path.resolve(ownLog);
  const files = (await logFiles(shard)).filter((file) => path.resolve(file) !== own);
  return (await Promise.all(files.map(stamp))).join('\n');
}

async function logFiles(shard: string): Promise<string[]> {
  const dir = annotationsDir(shard);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.sort().map((name) => path.join(dir, name));
}
