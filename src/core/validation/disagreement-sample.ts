// A review queue of the comments where an extraction run's items differ from
// the current (corrected) extraction: where a second extractor disagrees is
// where a human should look first. All of them, or a seeded sample of them.
import type { ShardState } from '../annotations/state';
import { compareItems, currentItems, disagrees } from '../models/extract/compare-items';
import { QUEUE_FORMAT, QUEUE_VERSION, relativeShardPath, type QueueItem, type ReviewQueue } from './queue';
import { drawIndexes, type ShardRecords } from './sample';

export interface AnnotatedShard extends ShardRecords {
  /** Every annotator's log replayed: the corrections the current extraction holds. */
  states: ShardState;
}

export interface DisagreementOptions {
  name: string;
  /** A sample of this many; all disagreements when absent. */
  size?: number;
  seed: number;
  queueDir: string;
}

/** The run's items by comment id (readExtractionOutput's byComment). */
export type RunItems = ReadonlyMap<string, { items: readonly string[] }>;

/** Comments the run answered whose items differ from the current ones, in shard path then file order. */
export function disagreementPopulation(shards: readonly AnnotatedShard[], run: RunItems, queueDir: string): QueueItem[] {
  const ordered = shards
    .map((shard) => ({ ...shard, relative: relativeShardPath(queueDir, shard.file) }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const units: QueueItem[] = [];
  for (const { relative, records, states } of ordered)
    for (const record of records)
      for (const comment of record.comments) {
        const answer = run.get(comment.id);
        if (answer && disagrees(compareItems(answer.items, currentItems(comment, states.get(record.id)))))
          units.push({ shard: relative, request: record.id, comment: comment.id });
      }
  return units;
}

export function disagreementQueue(shards: readonly AnnotatedShard[], run: RunItems, options: DisagreementOptions): ReviewQueue {
  const units = disagreementPopulation(shards, run, options.queueDir);
  const items =
    options.size === undefined ? units : drawIndexes(units.length, options.size, options.seed).map((index) => units[index]);
  return {
    format: QUEUE_FORMAT,
    version: QUEUE_VERSION,
    name: options.name,
    unit: 'comments',
    seed: options.seed,
    population: units.length,
    shards: [...new Set(shards.map((shard) => relativeShardPath(options.queueDir, shard.file)))].sort(),
    items,
  };
}
