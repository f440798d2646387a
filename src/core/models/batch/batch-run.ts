// Runs one model on every request of a set of shards, each request through
// runModel (the editor's and `imagery run`'s code path), N at a time under
// one shared adaptive limiter, every answer appended (fsynced) to the
// release's layout as it arrives. Rerunning skips what is answered already.
import { setMaxListeners } from 'node:events';
import type { ChatBackend } from '../backend';
import { isModelRunError, ModelRunError, type ModelFaultKind } from '../errors';
import type { ImagePolicy } from '../image-files';
import type { ModelProfile } from '../profile';
import { findDescriptions } from '../run-input';
import { runModel, type ModelRunOutcome, type ModelRunSpec } from '../run-model';
import { AdaptiveLimiter } from './adaptive-limiter';
import { batchJobs, countRequests, DomainOutputs, type BatchJob, type BatchShard, type DomainOutput } from './batch-jobs';
import { releaseRunLine } from './release-line';
import { emptyProgress, type BatchProgress } from './progress';
import { NEVER_ANSWERABLE, writeSkipped, type SkippedRequest } from './skipped-file';

export interface BatchFailure {
  /** The request id, or file:line for a line of a shard that could not be read. */
  id: string;
  shard: string;
  kind: ModelFaultKind | 'unreadable';
  message: string;
}

export interface BatchRunOptions {
  shards: readonly BatchShard[];
  spec: ModelRunSpec;
  profile: ModelProfile;
  /** Must not retry 429s itself (createOpenAIBackend with maxRetries 0), so the shared limiter sees every one. */
  backend: ChatBackend;
  outDir: string;
  /** The model's folder under intermediate/ (e.g. "my-model" or "my-model-CoI"). */
  modelFolder: string;
  concurrency: number;
  signal?: AbortSignal;
  images?: Partial<ImagePolicy>;
  /** Retries of a request after a transient fault (5xx, timeout, cut stream): default 2. */
  retries?: number;
  /** Write an answer cut at the token limit too (else it fails as `truncated` and is not written). */
  recordTruncated?: boolean;
  /** Retries of one request after 429s: default 10. */
  rateLimitRetries?: number;
  /** A longer Retry-After pauses only this long, as single runs allow (default 120 s); the progress line says so. */
  maxRetryWaitSeconds?: number;
  onProgress?(progress: BatchProgress): void;
  onFailure?(failure: BatchFailure): void;
  /** A request that can never be answered (no usable image, an unreadable line): counted apart, not a failure. */
  onSkip?(skipped: SkippedRequest): void;
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

const TRANSIENT = new Set<ModelFaultKind>(['server-error', 'timeout', 'stalled-stream', 'stream-cut', 'connection-refused']);
// Faults every request would hit: a configuration refusal or a redirect is never retried and stops the run, as a wrong key.
const FATAL = new Set<ModelFaultKind>(['unauthorized', 'model-not-found', 'no-api-key', 'configuration', 'redirected']);

const pause = (seconds: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, seconds * 1000);
    signal.addEventListener('abort', done, { once: true });
  });

export async function runBatch(options: BatchRunOptions): Promise<BatchSummary> {
  const { spec } = options;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every request in flight listens on this one signal (a few listeners each): that is no leak.
  setMaxListeners(16 + options.concurrency * 8, signal);
  const maxPause = options.maxRetryWaitSeconds ?? 120;
  const limiter = new AdaptiveLimiter({ max: options.concurrency, maxPauseSeconds: maxPause });
  const outputs = new DomainOutputs({
    outDir: options.outDir,
    model: options.modelFolder,
    input: inputFolder(spec),
    task: spec.task,
  });
  const progress = { ...emptyProgress(await countRequests(options.shards)), startedAt: Date.now() };
  const failures: BatchFailure[] = [];
  let fatal: ModelRunError | undefined;
  const report = (): void => {
    const stats = limiter.stats();
    Object.assign(progress, { inFlight: stats.inFlight, window: stats.window, rateLimited: stats.rateLimited });
    if (stats.cappedRetryAfter !== undefined) progress.cappedRetryAfter = { asked: stats.cappedRetryAfter, cap: maxPause };
    options.onProgress?.({ ...progress });
  };
  const skippedRequests: SkippedRequest[] = [];
  const skip = (entry: SkippedRequest): void => {
    skippedRequests.push(entry);
    progress.unanswerable++;
    progress.done++;
    options.onSkip?.(entry);
    report();
  };
  const fail = (failure: BatchFailure): void => {
    failures.push(failure);
    progress.failed++;
    progress.done++;
    options.onFailure?.(failure);
    report();
  };

  async function runRecord(job: Extract<BatchJob, { kind: 'record' }>): Promise<void> {
    const { shard, record } = job;
    if (spec.task === 'rec_choice' && record.choice === null) {
      progress.skipped++;
      progress.done++;
      return report();
    }
    const output = await outputs.get(record.domain);
    if (output.answered.has(record.id)) {
      progress.resumed++;
      progress.done++;
      return report();
    }
    const state = shard.states.get(record.id);
    let transientLeft = options.retries ?? 2;
    let rateLeft = options.rateLimitRetries ?? 10;
    for (let attempt = 0; ; attempt++) {
      try {
        await limiter.acquire(signal);
      } catch {
        return;
      }
      report();
      let outcome: ModelRunOutcome;
      try {
        outcome = await runModel(
          spec,
          { shardFile: shard.file, record, state, imageRoots: shard.imageRoots },
          {
            profile: options.profile,
            backend: options.backend,
            signal,
            images: options.images,
            keepTruncated: options.recordTruncated === true,
          },
        );
      } catch (error) {
        const fault = isModelRunError(error) ? error : new ModelRunError('unknown', (error as Error).message);
        if (fault.kind === 'rate-limited' && rateLeft-- > 0 && !signal.aborted) {
          limiter.rateLimited(fault.retryAfterSeconds);
          report();
          continue;
        }
        limiter.release();
        if (fault.kind === 'cancelled' || signal.aborted) return; // in flight when stopped: rerun next time
        const never = NEVER_ANSWERABLE.get(fault.kind);
        if (never) return skip({ id: record.id, shard: shard.file, reason: never, message: fault.message });
        if (TRANSIENT.has(fault.kind) && transientLeft-- > 0) {
          await pause(Math.min(30, 2 ** attempt), signal);
          continue;
        }
        if (FATAL.has(fault.kind)) {
          fatal ??= fault;
          stop.abort();
        }
        return fail({ id: record.id, shard: shard.file, kind: fault.kind, message: fault.message });
      }
      limiter.succeeded();
      if (!output.answered.has(record.id)) {
        output.answered.add(record.id);
        const given = spec.input.kind === 'descriptions' ? findDescriptions(spec.input, record, state).descriptions : undefined;
        write(output, releaseRunLine(record, { task: spec.task, prompt: spec.prompt, descriptions: given }, outcome.answer));
      }
      return report();
    }
  }

  // The worker goes on to its next request while the line is fsynced; it counts as answered once on disk.
  let writeError: unknown;
  const writes = new Set<Promise<void>>();
  function write(output: DomainOutput, line: string): void {
    const pending = output.writer.append(line).then(
      () => {
        progress.answered++;
        progress.done++;
        report();
      },
      (error: unknown) => {
        // A failed append (disk full, permissions) stops the run: answers must not be lost silently.
        writeError ??= error;
        stop.abort();
      },
    );
    writes.add(pending);
    void pending.finally(() => writes.delete(pending));
  }

  const jobs = batchJobs(options.shards, signal);
  async function worker(): Promise<void> {
    for (;;) {
      if (signal.aborted) return;
      const next = await jobs.next();
      if (next.done) return;
      const job = next.value;
      if (job.kind === 'unreadable')
        skip({ id: `${job.shard.file}:${job.line}`, shard: job.shard.file, reason: 'unreadable line', message: job.reason });
      else await runRecord(job);
    }
  }

  try {
    const guarded = (): Promise<void> =>
      worker().catch((error: unknown) => {
        // The output could not be opened or read: stop rather than run without saving.
        writeError ??= error;
        stop.abort();
      });
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, guarded));
  } finally {
    await Promise.all(writes);
    await jobs.return(undefined);
    await outputs.close();
  }
  if (writeError) throw writeError;
  report();
  const opened = await outputs.all();
  await writeSkipped(
    { outDir: options.outDir, model: options.modelFolder, input: inputFolder(spec), task: spec.task },
    skippedRequests,
    (id) => opened.some((output) => output.answered.has(id)),
  );
  const files = opened.map((output) => output.file);
  return {
    ...progress,
    failures,
    skippedRequests,
    files,
    interrupted: options.signal?.aborted === true,
    ...(fatal ? { fatal } : {}),
  };
}

/** The <input> folder: "image", or the model whose descriptions were the input. */
function inputFolder(spec: ModelRunSpec): string {
  return spec.input.kind === 'images' ? 'image' : spec.input.model;
}
