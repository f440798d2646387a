// Drawing a validation sample with a seed. The population is put in a fixed
// order (shard path, then file order) before drawing, so the sample depends
// only on the seed and the shards' contents, never on argument order.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ShardRecord } from '../shard/schema';
import { QUEUE_FORMAT, QUEUE_VERSION, relativeShardPath, type QueueItem, type ReviewQueue } from './queue';

export const DEFAULT_SAMPLE_SIZE = 100; // the paper checked 100 comments

/** Seeds are 32-bit: larger ones would silently alias smaller ones in the generator. */
export const MAX_SEED = 0xffffffff;

export interface ShardRecords {
  file: string;
  records: readonly ShardRecord[];
}

export interface SampleOptions {
  name: string;
  unit: 'comments' | 'requests';
  size: number;
  seed: number;
  /** The folder the queue file goes to; shard paths are stored relative to it. */
  queueDir: string;
}

/** The units that can be drawn: every request, or every comment with an extractor answer to check. */
export function population(shards: readonly ShardRecords[], unit: SampleOptions['unit'], queueDir: string): QueueItem[] {
  const ordered = shards
    .map((shard) => ({ ...shard, relative: relativeShardPath(queueDir, shard.file) }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const units: QueueItem[] = [];
  for (const { relative, records } of ordered) {
    for (const record of records) {
      if (unit === 'requests') units.push({ shard: relative, request: record.id });
      else {
        for (const comment of record.comments) {
          if (comment.extraction.raw !== null) units.push({ shard: relative, request: record.id, comment: comment.id });
        }
      }
    }
  }
  return units;
}

/** `size` distinct indexes of 0..total-1 (all when size >= total), ascending: a partial Fisher-Yates shuffle. */
export function drawIndexes(total: number, size: number, seed: number): number[] {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new RangeError(`seed must be an integer 0..${MAX_SEED}, got ${seed}`);
  const take = Math.min(size, total);
  const rng = xoroshiro128plus(seed | 0);
  const indexes = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, total - 1);
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes.slice(0, take).sort((a, b) => a - b);
}

/** The review queue for these shards. Fewer units than asked: all of them (the caller may warn). */
export function drawSample(shards: readonly ShardRecords[], options: SampleOptions): ReviewQueue {
  const units = population(shards, options.unit, options.queueDir);
  const items = drawIndexes(units.length, options.size, options.seed).map((index) => units[index]);
  return {
    format: QUEUE_FORMAT,
    version: QUEUE_VERSION,
    name: options.name,
    unit: options.unit,
    seed: options.seed,
    population: units.length,
    shards: [...new Set(shards.map((shard) => relativeShardPath(options.queueDir, shard.file)))].sort(),
    items,
  };
}
