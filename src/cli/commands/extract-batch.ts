// imagery extract --shards ... --out DIR: the item extractor on every comment
// of the shards, on the batch engine; answers in the paper's layout,
// DIR/<name or model>/<domain>/comments_processed.jsonl. Only flags, progress
// on stderr and the summary live here.
import { modelFolderName } from '../../core/models/batch/release-line';
import { ProgressPrinter } from '../../core/models/batch/progress';
import { profileSecrets, redact } from '../../core/models/errors';
import { runExtractBatch, type ExtractBatchSummary } from '../../core/models/extract/batch-extract';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import { fileQuirkMemory, quirksStateFile } from '../../core/models/quirks-file';
import { integerOption } from '../args';
import { CliError, usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';
import { progressSink } from './run-batch';
import { answerLimits, chooseProfile, type AnswerLimitFlags, type ProfileFlags } from './run-profile';

export interface ExtractBatchFlags extends ProfileFlags, AnswerLimitFlags {
  shards?: string[];
  out?: string;
  name?: string;
  concurrency?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function extractBatchCommand(values: ExtractBatchFlags, output: Output): Promise<number> {
  if (!values.shards?.length || !values.out) throw usageError('extract: a whole-shard run needs --shards and --out');
  const { releases, shards } = resolveInputs(values.shards);
  if (releases.length)
    throw usageError(
      `extract: --shards takes shard files or folders of shards; import the release first (imagery import ${releases[0]})`,
    );
  const concurrency = integerOption('extract', 'concurrency', values.concurrency, 1) ?? 4;
  const profile = chooseProfile(values);
  let name: string;
  try {
    name = modelFolderName(values.name ?? profile.model);
  } catch (error) {
    throw usageError(`extract: --name: ${(error as Error).message}`);
  }
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  const secrets = profileSecrets(apiKey, profile.headers);
  const quiet = values.quiet === true;
  const state = fileQuirkMemory(quirksStateFile(), profile);
  // maxRetries 0: a 429 comes back to the engine, whose one limiter slows every worker.
  const backend = createOpenAIBackend({
    profile,
    apiKey,
    quirks: state.memory,
    maxRetries: 0,
    ...answerLimits(values),
  });
  const printer = new ProgressPrinter(progressSink(output), concurrency);
  const controller = new AbortController();
  const interrupt = (): void => {
    if (!quiet) printer.message('imagery: interrupted: finishing the answers already written; rerun the same command to resume');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  if (!quiet)
    output.err(
      `extracting items with ${profile.model} (${profile.name}) from ${shards.length} shard(s), ${concurrency} at a time`,
    );
  const say = (text: string): void => (quiet ? output.err(text) : printer.message(text));
  let summary: ExtractBatchSummary;
  try {
    summary = await runExtractBatch({
      shards,
      profile,
      backend,
      outDir: values.out,
      name,
      concurrency,
      signal: controller.signal,
      onProgress: quiet ? undefined : (progress) => printer.update(progress),
      onSkip: (skipped) => say(`imagery: skipped: ${skipped.id}: ${skipped.reason}: ${skipped.message}`),
      onFailure: (failure) => say(`imagery: failed: ${failure.id}: ${failure.kind}: ${redact(failure.message, secrets)}`),
    });
  } finally {
    process.removeListener('SIGINT', interrupt);
    await state.saved();
  }
  if (!quiet) printer.finish(summary);
  const missing = summary.total - summary.answered - summary.resumed - summary.unanswerable;
  if (values.json) {
    const { fatal, failures, ...counts } = summary;
    output.out(
      JSON.stringify({
        ...counts,
        missing,
        failures: failures.map((failure) => ({ ...failure, message: redact(failure.message, secrets) })),
        ...(fatal ? { fatal: { kind: fatal.kind, message: redact(fatal.message, secrets) } } : {}),
      }),
    );
  } else {
    output.out(
      [
        `answered ${summary.answered} comment(s) now, ${summary.resumed} before; ${summary.unanswerable} unreadable line(s); ${summary.failed} failed; ${missing} missing`,
        ...summary.files.map((file) => `  ${file}`),
        ...(missing > 0 ? ['rerun the same command to retry the missing comments'] : []),
      ].join('\n'),
    );
  }
  if (summary.fatal) throw new CliError(`${summary.fatal.kind}: ${redact(summary.fatal.message, secrets)}`);
  if (summary.interrupted) return 130;
  return missing > 0 ? 1 : 0;
}
