// Reading and writing review queue files, and finding them by name.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from '../annotations/log-file';
import { writeFileWhole } from '../write-whole';
import { ShardReader } from '../shard/reader';
import { parseQueue, queueFile, QUEUE_EXTENSION, serializeQueue, type ReviewQueue } from './queue';
import type { ShardRecords } from './sample';

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes the queue atomically. An existing file with other content is kept
 * unless `force`: annotators may already be working through it.
 */
export async function writeQueue(file: string, queue: ReviewQueue, force = false): Promise<WriteOutcome> {
  const text = serializeQueue(queue);
  const existing = await readFile(file, 'utf8').catch((error: unknown) => {
    if (isMissing(error)) return null;
    throw error;
  });
  if (existing === text) return 'unchanged';
  if (existing !== null && !force) {
    throw new Error(`${file}: a different queue of that name exists; choose another name, or replace it with --force`);
  }
  await writeFileWhole(file, text);
  return 'written';
}

export async function readQueue(file: string): Promise<ReviewQueue> {
  return parseQueue(await readFile(file, 'utf8'), file);
}

/** `--queue Q`: a path to a *.queue.json file, or a queue name looked up in `dir` (where `sample` wrote it). */
export function resolveQueueFile(nameOrPath: string, dir: string): string {
  if (nameOrPath.endsWith(QUEUE_EXTENSION) || nameOrPath.includes('/') || nameOrPath.includes(path.sep)) {
    return path.resolve(nameOrPath);
  }
  return queueFile(dir, nameOrPath);
}

/** The deepest folder holding every shard: where the queue is written, "beside the shards". */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) throw new Error('no shards');
  const parts = files.map((file) => path.resolve(path.dirname(file)).split(path.sep));
  const common: string[] = [];
  for (let i = 0; i < parts[0].length; i++) {
    const part = parts[0][i];
    if (!parts.every((p) => p[i] === part)) break;
    common.push(part);
  }
  return common.join(path.sep) || path.sep;
}

/** Every readable record of each shard; unreadable lines are returned as "file:line: reason" warnings. */
export async function readShards(files: readonly string[]): Promise<{ shards: ShardRecords[]; warnings: string[] }> {
  const shards: ShardRecords[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const reader = await ShardReader.open(file);
    const records = [];
    try {
      for await (const entry of reader.entries()) {
        if (entry.kind === 'record') records.push(entry.record);
        else warnings.push(`${entry.file}:${entry.line}: ${entry.reason}`);
      }
    } finally {
      await reader.close();
    }
    shards.push({ file, records });
  }
  return { shards, warnings };
}
