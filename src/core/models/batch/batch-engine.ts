// The engine under every whole-shard run (model answers per request, item
// extraction per comment): jobs streamed from the shards, N at a time under
// one shared adaptive limiter, 429s slowing everyone, transient faults
// retried, a fault every job would hit stopping the run, each answer line
// appended (fsynced) to its domain's file as it arrives. A job whose id the
// file holds already is not asked again (resume).
import { setMaxListeners } from 'node:events';
import { isModelRunError, ModelRunError, type ModelFaultKind } from '../errors';
import { AdaptiveLimiter } from './adaptive-limiter';
import { DomainOutputs, type DomainOutput, type OutputLayout } from './batch-jobs';
import { emptyProgress, type BatchProgress } from './progress';
import { NEVER_ANSWERABLE, type SkippedRequest } from './skipped-file';

export interface BatchFailure {
  /** The job's id (a request's or a comment's), or file:line for a line of a shard that could not be read. */
  id: string;
  shard: string;
  kind: ModelFaultKind | 'unreadable';
  message: string;
}

export interface EngineJob {
  kind: 'job';
  id: string;
  shard: string;
  domain: string;
}

export interface UnreadableJob {
  kind: 'unreadable';
  shard: string;
  line: number;
  reason: string;
}

export interface EngineOptions<J extends EngineJob> {
  /** Jobs in all shards, for progress. */
  total: number;
  jobs(signal: AbortSignal): AsyncGenerator<J | UnreadableJob>;
  layout: OutputLayout;
  concurrency: number;
  signal?: AbortSignal;
  /** A job the task does not apply to: counted as skipped, never asked. */
  notApplicable?(job: J): boolean;
  /** One call for the job; resolves to the line to append (ending with "\n"); rejects with a ModelRunError. */
  answer(job: J, signal: AbortSignal): Promise<string>;
  /** Retries of a job after a transient fault (5xx, timeout, cut stream): default 2. */
  retries?: number;
  /** Retries of one job after 429s: default 10. */
  rateLimitRetries?: number;
  /** A longer Retry-After pauses only this long (default 120 s); the progress line says so. */
  maxRetryWaitSeconds?: number;
  onProgress?(progress: BatchProgress): void;
  onFailure?(failure: BatchFailure): void;
  onSkip?(skipped: SkippedRequest): void;
}

/** What a caller of the engine passes through: cancellation, retries and what it hears. */
export type EngineTuning = Pick<
  EngineOptions<EngineJob>,
  'signal' | 'retries' | 'rateLimitRetries' | 'maxRetryWaitSeconds' | 'onProgress' | 'onFailure' | 'onSkip'
>;

export interface EngineResult {
  progress: BatchProgress;
  failures: BatchFailure[];
  skipped: SkippedRequest[];
  outputs: DomainOutput[];
  /** A fault that every job would hit (a rejected key, an unknown model): the run stopped. */
  fatal?: ModelRunError;
}

const TRANSIENT = new Set<ModelFaultKind>(['server-error', 'timeout', 'stalled-stream', 'stream-cut', 'connection-refused']);
// Faults every job would hit: a configuration refusal or a redirect is never retried and stops the run, as a wrong key.
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

export async function runEngine<J extends EngineJob>(options: EngineOptions<J>): Promise<EngineResult> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every job in flight listens on this one signal (a few listeners each): that is no leak.
  setMaxListeners(16 + options.concurrency * 8, signal);
  const maxPause = options.maxRetryWaitSeconds ?? 120;
  const limiter = new AdaptiveLimiter({ max: options.concurrency, maxPauseSeconds: maxPause });
  const outputs = new DomainOutputs(options.layout);
  const progress = { ...emptyProgress(options.total), startedAt: Date.now() };
  const failures: BatchFailure[] = [];
  const skipped: SkippedRequest[] = [];
  let fatal: ModelRunError | undefined;
  const report = (): void => {
    const stats = limiter.stats();
    Object.assign(progress, { inFlight: stats.inFlight, window: stats.window, rateLimited: stats.rateLimited });
    if (stats.cappedRetryAfter !== undefined) progress.cappedRetryAfter = { asked: stats.cappedRetryAfter, cap: maxPause };
    options.onProgress?.({ ...progress });
  };
  const skip = (entry: SkippedRequest): void => {
    skipped.push(entry);
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

  async function runJob(job: J): Promise<void> {
    if (options.notApplicable?.(job)) {
      progress.skipped++;
      progress.done++;
      return report();
    }
    const output = await outputs.get(job.domain);
    if (output.answered.has(job.id)) {
      progress.resumed++;
      progress.done++;
      return report();
    }
    let transientLeft = options.retries ?? 2;
    let rateLeft = options.rateLimitRetries ?? 10;
    for (let attempt = 0; ; attempt++) {
      try {
        await limiter.acquire(signal);
      } catch {
        return;
      }
      report();
      let line: string;
      try {
        line = await options.answer(job, signal);
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
        if (never) return skip({ id: job.id, shard: job.shard, reason: never, message: fault.message });
        if (TRANSIENT.has(fault.kind) && transientLeft-- > 0) {
          await pause(Math.min(30, 2 ** attempt), signal);
          continue;
        }
        if (FATAL.has(fault.kind)) {
          fatal ??= fault;
          stop.abort();
        }
        return fail({ id: job.id, shard: job.shard, kind: fault.kind, message: fault.message });
      }
      limiter.succeeded();
      if (!output.answered.has(job.id)) {
        output.answered.add(job.id);
        write(output, line);
      }
      return report();
    }
  }

  // The worker goes on to its next job while the line is fsynced; it counts as answered once on disk.
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

  const jobs = options.jobs(signal);
  async function worker(): Promise<void> {
    for (;;) {
      if (signal.aborted) return;
      const next = await jobs.next();
      if (next.done) return;
      const job = next.value;
      if (job.kind === 'unreadable')
        skip({ id: `${job.shard}:${job.line}`, shard: job.shard, reason: 'unreadable line', message: job.reason });
      else await runJob(job);
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
  return { progress, failures, skipped, outputs: await outputs.all(), ...(fatal ? { fatal } : {}) };
}
