// Reviewed/total for a shard that is not open: replay this annotator's log and
// read only the records it touches. Cached by file sizes and times, so a
// refresh after an unrelated change costs a stat per shard.
import { promises as fs } from 'node:fs';
import { AnnotationLog } from '../../core/annotations/log';
import { replay } from '../../core/annotations/replay';
import { ShardReader } from '../../core/shard/reader';
import type { Progress } from '../../protocol';
import { RequestIndex } from '../editor/model/request-index';

interface Cached {
  key: string;
  progress: Progress;
}

const cache = new Map<string, Cached>();

async function stamp(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

export async function shardProgress(shardFile: string, annotator: string): Promise<Progress> {
  const log = AnnotationLog.open(shardFile, annotator);
  const key = `${annotator}|${await stamp(shardFile)}|${await stamp(log.file)}`;
  const cached = cache.get(shardFile);
  if (cached?.key === key) return cached.progress;
  const reader = await ShardReader.open(shardFile);
  try {
    const state = replay((await log.read()).events);
    const progress = (await RequestIndex.build(reader, () => state)).progress();
    cache.set(shardFile, { key, progress });
    return progress;
  } finally {
    await reader.close();
  }
}
