// One concurrency window shared by every worker of a batch run (AIMD): each
// answer widens it a little, each 429 halves it and pauses everyone until the
// server's Retry-After has passed. So a rate limit slows the whole run down
// together instead of each worker hammering the server on its own.
import { ModelRunError } from '../errors';

export interface LimiterOptions {
  /** The most requests in flight at once (--concurrency). */
  max: number;
  /** Pause after a 429 that names no Retry-After (default 1 s, doubled while 429s follow). */
  baseBackoffSeconds?: number;
  /** Ceiling of that backoff (default 60 s). */
  maxBackoffSeconds?: number;
  /** The longest pause a Retry-After may ask, as single runs allow (default 120 s); longer ones are capped. */
  maxPauseSeconds?: number;
}

export interface LimiterStats {
  /** Requests allowed in flight now. */
  window: number;
  inFlight: number;
  /** 429s seen so far. */
  rateLimited: number;
  /** The smallest window the run was cut to. */
  lowestWindow: number;
  /** The longest Retry-After a server asked that was cut to the cap (seconds); absent when none was. */
  cappedRetryAfter?: number;
}

export class AdaptiveLimiter {
  private window: number;
  private inFlight = 0;
  private resumeAt = 0;
  private backoff: number;
  private rateLimitedCount = 0;
  private lowest: number;
  private cappedRetryAfter: number | undefined;
  private readonly waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LimiterOptions) {
    this.window = options.max;
    this.lowest = options.max;
    this.backoff = options.baseBackoffSeconds ?? 1;
  }

  stats(): LimiterStats {
    return {
      window: Math.floor(this.window),
      inFlight: this.inFlight,
      rateLimited: this.rateLimitedCount,
      lowestWindow: this.lowest,
      ...(this.cappedRetryAfter === undefined ? {} : { cappedRetryAfter: this.cappedRetryAfter }),
    };
  }

  /** Waits for a slot (and for any pause to end); rejects as cancelled when `signal` aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (!this.canStart()) {
      if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          signal?.removeEventListener('abort', cancel);
          resolve();
        };
        const cancel = (): void => {
          const index = this.waiters.indexOf(wake);
          if (index !== -1) this.waiters.splice(index, 1);
          // Nobody left waiting: a long Retry-After must not keep a stopped process alive.
          if (this.waiters.length === 0) this.disarmTimer();
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener('abort', cancel, { once: true });
        this.armTimer();
      });
    }
    if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
    this.inFlight++;
  }

  /** The request ended with an answer (or a fault that says nothing about load): widen the window a little. */
  succeeded(): void {
    this.window = Math.min(this.options.max, this.window + 1 / Math.max(1, this.window));
    this.backoff = this.options.baseBackoffSeconds ?? 1;
    this.release();
  }

  /** The request got a 429: halve the window and pause every worker until Retry-After (or a backoff) has passed. */
  rateLimited(retryAfterSeconds: number | undefined): number {
    this.rateLimitedCount++;
    this.window = Math.max(1, Math.floor(this.window / 2));
    this.lowest = Math.min(this.lowest, this.window);
    // A day-long (or 1e300 s) Retry-After paused silently, or overflowed the timer into a busy loop.
    const cap = this.options.maxPauseSeconds ?? 120;
    if (retryAfterSeconds !== undefined && retryAfterSeconds > cap)
      this.cappedRetryAfter = Math.max(this.cappedRetryAfter ?? 0, retryAfterSeconds);
    const seconds = Math.min(cap, retryAfterSeconds ?? this.backoff);
    if (retryAfterSeconds === undefined) this.backoff = Math.min(this.options.maxBackoffSeconds ?? 60, this.backoff * 2);
    this.resumeAt = Math.max(this.resumeAt, Date.now() + seconds * 1000);
    this.release();
    return seconds;
  }

  /** The request ended without telling anything about load (a fault, a cancel). */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.wakeAll();
  }

  private canStart(): boolean {
    return Date.now() >= this.resumeAt && this.inFlight < Math.floor(this.window);
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private disarmTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** During a pause nobody releases a slot, so a timer wakes the waiters when it ends. */
  private armTimer(): void {
    const wait = this.resumeAt - Date.now();
    if (wait <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wakeAll();
    }, wait + 1);
  }
}
