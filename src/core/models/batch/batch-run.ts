// Runs one model on every request of a set of shards, each request through
// runModel (the editor's and `imagery run`'s code path), on the batch engine
// (batch-engine.ts): N at a time, every answer appended to the release's
// layout as it arrives. Rerunning skips what is answered already.
import type { ChatBackend } from '../backend';
import type { ModelRunError } from '../errors';
import type { ImagePolicy } from '../image-files';
import type { ModelProfile } from '../profile';
import { findDescriptions } from '../run-input';
import { runModel, type ModelRunSpec } from '../run-model';
import type { ShardRecord } from '../../shard/schema';
import { batchJobs, countRequests, type BatchShard } from './batch-jobs';
import { runEngine, type BatchFailure, type EngineJob, type EngineTuning, type UnreadableJob } from './batch-engine';
import { releaseRunLine, runFilePath } from './release-line';
import type { BatchProgress } from './progress';
import { writeSkipped, type SkippedRequest } from './skipped-file';

export type { BatchFailure } from './batch-engine';

/** `onSkip` hears of a request that can never be answered (no usable image, an unreadable line): counted apart, not a failure. */
export interface BatchRunOptions extends EngineTuning {
  shards: readonly BatchShard[];
  spec: ModelRunSpec;
  profile: ModelProfile;
  /** Must not retry 429s itself (createOpenAIBackend with maxRetries 0), so the shared limiter sees every one. */
  backend: ChatBackend;
  outDir: string;
  /** The model's folder under intermediate/ (e.g. "my-model" or "my-model-CoI"). */
  modelFolder: string;
  concurrency: number;
  images?: Partial<ImagePolicy>;
  /** Write an answer cut at the token limit too (else it fails as `truncated` and is not written). */
  recordTruncated?: boolean;
}

export interface BatchSummary extends BatchProgress {
  failures: BatchFailure[];
  /** Requests no rerun can answer, with the reason; also in DIR/skipped/<model>/<input>/<task>.json. */
  skippedRequests: SkippedRequest[];
  files: string[];
  interrupted: boolean;
  /** A fault that every request would hit (a rejected key, an unknown model): the run stopped. */
  fatal?: ModelRunError;
}

interface RecordJob extends EngineJob {
  batchShard: BatchShard;
  record: ShardRecord;
}

async function* recordJobs(shards: readonly BatchShard[], signal: AbortSignal): AsyncGenerator<RecordJob | UnreadableJob> {
  for await (const job of batchJobs(shards, signal)) {
    if (job.kind === 'unreadable') yield { ...job, shard: job.shard.file };
    else
      yield {
        kind: 'job',
        id: job.record.id,
        shard: job.shard.file,
        domain: job.record.domain,
        batchShard: job.shard,
        record: job.record,
      };
  }
}

export async function runBatch(options: BatchRunOptions): Promise<BatchSummary> {
  const { spec } = options;
  const folder = { outDir: options.outDir, model: options.modelFolder, input: inputFolder(spec), task: spec.task };
  const result = await runEngine<RecordJob>({
    ...options,
    total: await countRequests(options.shards),
    jobs: (signal) => recordJobs(options.shards, signal),
    layout: {
      outDir: options.outDir,
      fileFor: (domain) => runFilePath(options.outDir, { ...folder, domain }),
      answerField: spec.task,
    },
    notApplicable: (job) => spec.task === 'rec_choice' && job.record.choice === null,
    answer: async ({ batchShard, record }, signal) => {
      const state = batchShard.states.get(record.id);
      const outcome = await runModel(
        spec,
        { shardFile: batchShard.file, record, state, imageRoots: batchShard.imageRoots },
        {
          profile: options.profile,
          backend: options.backend,
          signal,
          images: options.images,
          keepTruncated: options.recordTruncated === true,
        },
      );
      const given = spec.input.kind === 'descriptions' ? findDescriptions(spec.input, record, state).descriptions : undefined;
      return releaseRunLine(record, { task: spec.task, prompt: spec.prompt, descriptions: given }, outcome.answer);
    },
  });
  const opened = result.outputs;
  await writeSkipped(folder, result.skipped, (id) => opened.some((output) => output.answered.has(id)));
  return {
    ...result.progress,
    failures: result.failures,
    skippedRequests: result.skipped,
    files: opened.map((output) => output.file),
    interrupted: options.signal?.aborted === true,
    ...(result.fatal ? { fatal: result.fatal } : {}),
  };
}

/** The <input> folder: "image", or the model whose descriptions were the input. */
function inputFolder(spec: ModelRunSpec): string {
  return spec.input.kind === 'images' ? 'image' : spec.input.model;
}
