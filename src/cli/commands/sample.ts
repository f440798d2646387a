// imagery sample: a seeded validation sample, written as a review queue beside the shards.
import { commonFolder } from '../../core/validation/queue-file';
import { drawSample } from '../../core/validation/sample';
import { integerOption } from '../args';
import { usageError } from '../cli-error';
import { disagreementsCommand } from './sample-disagreements';
import { sampleQueueName, sampleSeed, shardsToSample, writeSampleQueue } from './sample-inputs';
import { defineCommand, type CommandContext } from '../command';

const OPTIONS = {
  comments: { type: 'string' },
  requests: { type: 'string' },
  seed: { type: 'string' },
  name: { type: 'string' },
  'extraction-disagreements': { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

export const sampleCommand = defineCommand({
  name: 'sample',
  options: OPTIONS,
  positionals: { expects: 'shard files or folders' },
  run: runSample,
});

async function runSample({ values, positionals, output }: CommandContext<typeof OPTIONS>): Promise<number> {
  if (values['extraction-disagreements'] !== undefined) {
    if (values.requests !== undefined) throw usageError('sample: --extraction-disagreements draws comments; drop --requests');
    return disagreementsCommand(positionals, { ...values, run: values['extraction-disagreements'] }, output);
  }
  const comments = integerOption('sample', 'comments', values.comments, 1);
  const requests = integerOption('sample', 'requests', values.requests, 1);
  if ((comments === undefined) === (requests === undefined))
    throw usageError('sample: give exactly one of --comments <n> or --requests <n>');
  const seed = sampleSeed(values.seed);
  if (seed === undefined) throw usageError('sample: --seed <n> is required (the same seed gives the same sample)');
  const name = sampleQueueName(values.name);
  const { files, shards } = await shardsToSample(positionals, output);
  const queueDir = commonFolder(files);
  const unit = comments !== undefined ? 'comments' : 'requests';
  const size = (comments ?? requests)!;
  const queue = drawSample(shards, { name, unit, size, seed, queueDir });
  if (queue.items.length < size)
    output.err(`imagery: warning: only ${queue.population} ${unit} to draw from; the queue holds all of them`);
  return writeSampleQueue(queue, queueDir, {
    output,
    json: values.json,
    force: values.force,
    described: `${queue.items.length} of ${queue.population} ${unit} from ${queue.shards.length} shard(s), seed ${seed}`,
  });
}
