// What both ways of writing a review queue (imagery sample, and its
// --extraction-disagreements) check and read before drawing.
import { checkQueueName, queueFile, type ReviewQueue } from '../../core/validation/queue';
import { readShards, writeQueue } from '../../core/validation/queue-file';
import { MAX_SEED } from '../../core/validation/sample';
import { integerOption } from '../args';
import { usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';

/** The queue's name, checked as the editor checks a typed one. */
export function sampleQueueName(name: string | undefined): string {
  if (!name) throw usageError('sample: --name <queue> is required');
  try {
    checkQueueName(name);
  } catch (error) {
    throw usageError(`sample: ${(error as Error).message}`);
  }
  return name;
}

/** --seed as an integer from 0 to MAX_SEED, or undefined when absent. */
export function sampleSeed(value: string | undefined): number | undefined {
  const seed = integerOption('sample', 'seed', value, 0);
  if (seed !== undefined && seed > MAX_SEED) throw usageError(`sample: --seed must be at most ${MAX_SEED}`);
  return seed;
}

/** The shard files among the inputs (a release is refused) and their records; unreadable lines are warned about. */
export async function shardsToSample(inputs: readonly string[], output: Output) {
  const { releases, shards: files } = resolveInputs(inputs);
  if (releases.length > 0) throw usageError(`sample: ${releases[0]} is a release; import it first, then sample the shards`);
  const { shards, warnings } = await readShards(files);
  for (const warning of warnings) output.err(`imagery: warning: ${warning}`);
  return { files, shards };
}

/** Writes the queue into `queueDir` and prints what was written: one JSON object, or "wrote <file>: " and `described`. */
export async function writeSampleQueue(
  queue: ReviewQueue,
  queueDir: string,
  options: { output: Output; json?: boolean; force?: boolean; described: string },
): Promise<number> {
  const file = queueFile(queueDir, queue.name);
  const outcome = await writeQueue(file, queue, options.force);
  const summary = {
    file,
    name: queue.name,
    unit: queue.unit,
    seed: queue.seed,
    size: queue.items.length,
    population: queue.population,
    shards: queue.shards.length,
    outcome,
  };
  options.output.out(
    options.json ? JSON.stringify(summary) : `${outcome === 'written' ? 'wrote' : 'unchanged'} ${file}: ${options.described}`,
  );
  return 0;
}
