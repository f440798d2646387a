// What both whole-shard commands (imagery run --shards, imagery extract
// --shards) share around the core's engine: one backend and one quirk memory
// for the whole batch, the progress line on stderr, Ctrl+C that keeps the
// answers already written, and the summary's exit code. Every line that may
// hold a server's words is redacted.
import type { ChatBackend } from '../../core/models/backend';
import { ProgressPrinter, type BatchProgress, type ProgressSink } from '../../core/models/batch/progress';
import { profileSecrets, redact, type ModelRunError } from '../../core/models/errors';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import type { ModelProfile } from '../../core/models/profile';
import { fileQuirkMemory, quirksStateFile } from '../../core/models/quirks-file';
import { CliError } from '../cli-error';
import { processOutput, type Output } from '../output';
import { answerLimits, type AnswerLimitFlags } from './run-profile';

/** Progress on stderr: one line rewritten in place on a terminal, a line now and then in a log. */
export function progressSink(output: Output): ProgressSink {
  const isTTY = output === processOutput && process.stderr.isTTY === true;
  return { isTTY, write: isTTY ? (text) => void process.stderr.write(text) : (text) => output.err(text.replace(/\n$/, '')) };
}

export interface BatchSession {
  backend: ChatBackend;
  signal: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** A line about one request or comment (skipped, failed), redacted, printed above the progress line. */
  say(text: string): void;
}

export interface BatchSetup {
  profile: ModelProfile;
  flags: AnswerLimitFlags & { quiet?: boolean };
  concurrency: number;
  /** The first line on stderr: what runs where. */
  announce: string;
  output: Output;
}

/** Runs `work` with the session; the quirks learnt are saved and Ctrl+C released however it ends. */
export async function inBatchSession<S extends BatchProgress>(
  setup: BatchSetup,
  work: (session: BatchSession) => Promise<S>,
): Promise<{ summary: S; secrets: readonly string[] }> {
  const { profile, output, concurrency } = setup;
  const quiet = setup.flags.quiet === true;
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  const secrets = profileSecrets(apiKey, profile.headers);
  // One memory for the whole batch: a parameter refused once is sent right by every later request.
  const state = fileQuirkMemory(quirksStateFile(), profile);
  // maxRetries 0: a 429 comes back to the engine, whose one limiter slows every worker.
  const backend = createOpenAIBackend({ profile, apiKey, quirks: state.memory, maxRetries: 0, ...answerLimits(setup.flags) });
  const printer = new ProgressPrinter(progressSink(output), concurrency);
  const controller = new AbortController();
  const interrupt = (): void => {
    if (!quiet) printer.message('imagery: interrupted: finishing the answers already written; rerun the same command to resume');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  if (!quiet) output.err(setup.announce);
  const say = (text: string): void => {
    const shown = redact(text, secrets);
    if (quiet) output.err(shown);
    else printer.message(shown);
  };
  let summary: S;
  try {
    summary = await work({
      backend,
      signal: controller.signal,
      onProgress: quiet ? undefined : (progress) => printer.update(progress),
      say,
    });
  } finally {
    process.removeListener('SIGINT', interrupt);
    await state.saved();
  }
  if (!quiet) printer.finish(summary);
  return { summary, secrets };
}

export interface EndedBatch {
  failures: readonly { message: string }[];
  interrupted: boolean;
  fatal?: ModelRunError;
}

export interface BatchReport {
  output: Output;
  json: boolean;
  secrets: readonly string[];
  missing: number;
  /** The JSON object's fields besides the failures and the fatal fault (already redacted where needed). */
  counts: Record<string, unknown>;
  lines: readonly string[];
}

/** Prints the summary (one JSON object, or lines) and gives the exit code: 130 interrupted, 1 while anything is missing. */
export function finishBatch(summary: EndedBatch, report: BatchReport): number {
  const { secrets, missing, output } = report;
  const { fatal, failures } = summary;
  if (report.json) {
    output.out(
      JSON.stringify({
        ...report.counts,
        missing,
        failures: failures.map((failure) => ({ ...failure, message: redact(failure.message, secrets) })),
        ...(fatal ? { fatal: { kind: fatal.kind, message: redact(fatal.message, secrets) } } : {}),
      }),
    );
  } else output.out(report.lines.join('\n'));
  if (fatal) throw new CliError(`${fatal.kind}: ${redact(fatal.message, secrets)}`);
  if (summary.interrupted) return 130;
  return missing > 0 ? 1 : 0;
}
