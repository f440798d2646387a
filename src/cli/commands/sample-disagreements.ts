// imagery sample --extraction-disagreements DIR/<name>/<domain>: a review
// queue of the comments where that extraction run's items differ from the
// current (corrected) extraction; all of them, or --comments n drawn with --seed.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AnnotationLog } from '../../core/annotations/log';
import { replayLogs } from '../../core/annotations/merge';
import { readExtractionOutput } from '../../core/models/extract/batch-output';
import { EXTRACTION_FILE } from '../../core/models/extract/comment-line';
import { formatUnreadable } from '../../core/release/import-jsonl';
import { disagreementQueue, type AnnotatedShard } from '../../core/validation/disagreement-sample';
import { commonFolder } from '../../core/validation/queue-file';
import { integerOption } from '../args';
import { CliError, usageError } from '../cli-error';
import type { Output } from '../output';
import { sampleQueueName, sampleSeed, shardsToSample, writeSampleQueue } from './sample-inputs';

interface DisagreementFlags {
  run: string;
  comments?: string;
  seed?: string;
  name?: string;
  force?: boolean;
  json?: boolean;
}

/** The run's folder (DIR/<name>/<domain>) or its file. */
function runFile(run: string): string {
  const file = existsSync(run) && statSync(run).isDirectory() ? path.join(run, EXTRACTION_FILE) : run;
  if (!existsSync(file))
    throw new CliError(`no ${EXTRACTION_FILE} here (give DIR/<name>/<domain> of imagery extract --shards)`, run);
  return file;
}

export async function disagreementsCommand(inputs: string[], values: DisagreementFlags, output: Output): Promise<number> {
  const size = integerOption('sample', 'comments', values.comments, 1);
  const seed = sampleSeed(values.seed);
  if (size !== undefined && seed === undefined)
    throw usageError('sample: --comments needs --seed <n> (the same seed gives the same sample)');
  const name = sampleQueueName(values.name);
  const run = await readExtractionOutput(runFile(values.run));
  for (const problem of run.problems) output.err(`imagery: warning: ${formatUnreadable(problem)}`);
  const { files, shards } = await shardsToSample(inputs, output);
  const annotated: AnnotatedShard[] = [];
  for (const shard of shards) {
    const logs = await AnnotationLog.readAll(shard.file);
    for (const warning of logs.warnings) output.err(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
    annotated.push({ ...shard, states: replayLogs(logs.perFile) });
  }
  const queueDir = commonFolder(files);
  const queue = disagreementQueue(annotated, run.byComment, { name, size, seed: seed ?? 0, queueDir });
  return writeSampleQueue(queue, queueDir, {
    output,
    json: values.json,
    force: values.force,
    described: `${queue.items.length} of ${queue.population} comments where the run disagrees, from ${queue.shards.length} shard(s)`,
  });
}
