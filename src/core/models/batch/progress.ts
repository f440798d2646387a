// What a batch run has done so far, and the one line that says it on stderr:
// done/total, rate, ETA, errors. The printer is throttled: a TTY line is
// rewritten in place a few times a second; a log file gets a line now and then.
import { terminalText } from '../../untrusted-text';

export interface BatchProgress {
  /** Requests in the shards (non-blank lines). */
  total: number;
  /** answered + resumed + skipped + unanswerable + failed. */
  done: number;
  /** Answered in this run. */
  answered: number;
  /** Answered by an earlier run (found in the output file). */
  resumed: number;
  /** Not applicable to the task (rec_choice on a request without candidates). */
  skipped: number;
  /** Can never be answered (no usable image, an unreadable line): not failures, and not missing. */
  unanswerable: number;
  failed: number;
  inFlight: number;
  /** The adaptive concurrency window now. */
  window: number;
  /** 429s so far. */
  rateLimited: number;
  /** The longest Retry-After that was cut to the cap (seconds), and the cap; absent when none was. */
  cappedRetryAfter?: { asked: number; cap: number };
  /** Date.now() when the run started. */
  startedAt: number;
}

export function emptyProgress(total: number): BatchProgress {
  return {
    total,
    done: 0,
    answered: 0,
    resumed: 0,
    skipped: 0,
    unanswerable: 0,
    failed: 0,
    inFlight: 0,
    window: 0,
    rateLimited: 0,
    startedAt: 0,
  };
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Like duration, with tenths below a minute (a cap of 0.5 s is not "1s"). */
const span = (seconds: number): string => (seconds < 60 ? `${Math.round(seconds * 10) / 10}s` : duration(seconds));

/** "412/2266 (18%)  7.9 req/s  ETA 3m55s  errors 2  429s 5  window 8/16" */
export function formatProgress(progress: BatchProgress, now: number, maxConcurrency: number): string {
  const seconds = Math.max(0.001, (now - progress.startedAt) / 1000);
  // The rate counts this run's answers and failures only: resumed ones came for free.
  const rate = (progress.answered + progress.failed) / seconds;
  const left = progress.total - progress.done;
  const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 100;
  const parts = [
    `${progress.done}/${progress.total} (${percent}%)`,
    `${rate.toFixed(1)} req/s`,
    `ETA ${left === 0 ? '0s' : rate > 0 ? duration(left / rate) : '?'}`,
    `errors ${progress.failed}`,
  ];
  if (progress.resumed) parts.push(`resumed ${progress.resumed}`);
  if (progress.unanswerable) parts.push(`skipped ${progress.unanswerable}`);
  if (progress.rateLimited) parts.push(`429s ${progress.rateLimited}`, `window ${progress.window}/${maxConcurrency}`);
  const capped = progress.cappedRetryAfter;
  if (capped) parts.push(`Retry-After ${span(capped.asked)} capped to ${span(capped.cap)}`);
  return parts.join('  ');
}

export interface ProgressSink {
  write(text: string): void;
  /** True: rewrite one line in place ("\r" + clear); false: plain lines. */
  isTTY: boolean;
}

/** Prints progress at most every `ttyMs` on a TTY, every `plainMs` otherwise; `finish` prints the last state. */
export class ProgressPrinter {
  private last = 0;
  private pending = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly maxConcurrency: number,
    private readonly intervals = { ttyMs: 200, plainMs: 5000 },
  ) {}

  update(progress: BatchProgress, now = Date.now()): void {
    const every = this.sink.isTTY ? this.intervals.ttyMs : this.intervals.plainMs;
    if (now - this.last < every) return;
    this.last = now;
    this.print(progress, now);
  }

  /** A message between updates (a failure): on a TTY the progress line is cleared first. */
  message(text: string): void {
    // The text may name a request, a run folder or a server's error: only our own control sequence is written raw.
    const shown = terminalText(text);
    this.sink.write(this.sink.isTTY && this.pending ? `\r\x1b[K${shown}\n` : `${shown}\n`);
    this.pending = false;
  }

  finish(progress: BatchProgress, now = Date.now()): void {
    this.print(progress, now);
    if (this.sink.isTTY) this.sink.write('\n');
    this.pending = false;
  }

  private print(progress: BatchProgress, now: number): void {
    const line = terminalText(formatProgress(progress, now, this.maxConcurrency));
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[K${line}`);
      this.pending = true;
    } else this.sink.write(`${line}\n`);
  }
}
