// A cheap fingerprint of what a report reads: each shard, every annotator's log
// beside it and the queue file (size and time). File events can be late or
// missing (a busy host, remote file systems); comparing fingerprints every few
// seconds backs them up, as the editor's log watcher does.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { annotationsDir } from '../../core/annotations/paths';

async function stamp(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat ? `${file}:${stat.size}:${stat.mtimeMs}` : `${file}:-`;
}

export async function scopeStamp(shards: readonly string[], queueFile?: string): Promise<string> {
  const files: string[] = queueFile ? [queueFile] : [];
  for (const shard of shards) {
    files.push(shard);
    const dir = annotationsDir(shard);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    files.push(...names.sort().map((name) => path.join(dir, name)));
  }
  return (await Promise.all(files.map(stamp))).join('\n');
}
