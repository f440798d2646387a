// imagery run --shards ... --out DIR: every request of the shards, through the
// core batch runner, answers in DIR/intermediate/<model>/<domain>/<input>/<task>.jsonl.
// Only flags, progress on stderr and the summary live here.
import { AnnotationLog } from '../../core/annotations/log';
import { replayLogs } from '../../core/annotations/merge';
import { runBatch, type BatchSummary } from '../../core/models/batch/batch-run';
import type { BatchShard } from '../../core/models/batch/batch-jobs';
import { ProgressPrinter, type ProgressSink } from '../../core/models/batch/progress';
import { countReasons } from '../../core/models/batch/skipped-file';
import { modelFolderName } from '../../core/models/batch/release-line';
import { profileSecrets, redact } from '../../core/models/errors';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import { fileQuirkMemory, quirksStateFile } from '../../core/models/quirks-file';
import type { RunInput } from '../../core/models/run-input';
import type { PromptStyle } from '../../core/paper/prompts';
import type { Task } from '../../core/shard/schema';
import { cliTrustsManifest, imageRootsFor } from '../../core/image-roots';
import { integerOption } from '../args';
import { CliError, usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import { processOutput, type Output } from '../output';
import { answerLimits, chooseProfile, numberOption, type AnswerLimitFlags, type ProfileFlags } from './run-profile';

export interface BatchFlags {
  shards: string[];
  out: string;
  task: Task;
  prompt: PromptStyle;
  input: RunInput;
  inputText: string;
  values: ProfileFlags &
    AnswerLimitFlags & {
      'record-truncated'?: boolean;
      profile?: string;
      profiles?: string;
      'base-url'?: string;
      model?: string;
      name?: string;
      concurrency?: string;
      'allow-remote-images'?: boolean;
      'max-image-mb'?: string;
      quiet?: boolean;
      json?: boolean;
    };
}

async function loadShards(inputs: readonly string[], warn: (text: string) => void): Promise<BatchShard[]> {
  const { releases, shards } = resolveInputs(inputs);
  if (releases.length)
    throw usageError(
      `run: --shards takes shard files or folders of shards; import the release first (imagery import ${releases[0]})`,
    );
  const loaded: BatchShard[] = [];
  for (const file of shards) {
    const logs = await AnnotationLog.readAll(file);
    for (const warning of logs.warnings) warn(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
    const images = await imageRootsFor({ shardFile: file, workspaceFolders: [], trustManifest: cliTrustsManifest() });
    for (const warning of images.warnings) warn(`imagery: warning: ${warning}`);
    loaded.push({ file, imageRoots: images.imageFolders, states: replayLogs(logs.perFile) });
  }
  return loaded;
}

/** Progress on stderr: one line rewritten in place on a terminal, a line now and then in a log. */
export function progressSink(output: Output): ProgressSink {
  const isTTY = output === processOutput && process.stderr.isTTY === true;
  return { isTTY, write: isTTY ? (text) => void process.stderr.write(text) : (text) => output.err(text.replace(/\n$/, '')) };
}

export async function runBatchCommand(flags: BatchFlags, output: Output): Promise<number> {
  const { values } = flags;
  if (flags.task === 'description' && flags.input.kind !== 'images')
    throw usageError('run: --task description takes --input images');
  const concurrency = integerOption('run', 'concurrency', values.concurrency, 1) ?? 4;
  const profile = chooseProfile(values);
  let modelFolder: string;
  try {
    modelFolder = modelFolderName(values.name ?? (flags.prompt === 'coi' ? `${profile.model}-CoI` : profile.model));
  } catch (error) {
    throw usageError(`run: --name: ${(error as Error).message}`);
  }
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  const secrets = profileSecrets(apiKey, profile.headers);
  const quiet = values.quiet === true;
  const shards = await loadShards(flags.shards, (text) => output.err(text));
  // maxRetries 0: a 429 comes back to the batch runner, whose one limiter slows every worker.
  // One memory for the whole batch: a parameter refused once is sent right by every later request.
  const state = fileQuirkMemory(quirksStateFile(), profile);
  const backend = createOpenAIBackend({
    profile,
    apiKey,
    quirks: state.memory,
    maxRetries: 0,
    ...answerLimits(values),
  });
  const maxImageMb = numberOption('max-image-mb', values['max-image-mb'], 1024 * 1024);
  const printer = new ProgressPrinter(progressSink(output), concurrency);
  const controller = new AbortController();
  const interrupt = (): void => {
    if (!quiet) printer.message('imagery: interrupted: finishing the answers already written; rerun the same command to resume');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  if (!quiet)
    output.err(
      `running ${profile.model} (${profile.name}) on ${shards.length} shard(s): ${flags.task}, ${flags.prompt} prompt, input ${flags.inputText}, ${concurrency} at a time`,
    );
  let summary: BatchSummary;
  try {
    summary = await runBatch({
      shards,
      spec: { task: flags.task, prompt: flags.prompt, input: flags.input },
      profile,
      backend,
      outDir: flags.out,
      modelFolder,
      concurrency,
      signal: controller.signal,
      recordTruncated: values['record-truncated'] === true,
      images: {
        allowRemote: values['allow-remote-images'] === true,
        ...(maxImageMb === undefined ? {} : { maxBytes: maxImageMb }),
      },
      onProgress: quiet ? undefined : (progress) => printer.update(progress),
      onSkip: (skipped) => {
        const text = `imagery: skipped: ${skipped.id}: ${skipped.reason}: ${redact(skipped.message, secrets)}`;
        if (quiet) output.err(text);
        else printer.message(text);
      },
      onFailure: (failure) => {
        const text = `imagery: failed: ${failure.id}: ${failure.kind}: ${redact(failure.message, secrets)}`;
        if (quiet) output.err(text);
        else printer.message(text);
      },
    });
  } finally {
    process.removeListener('SIGINT', interrupt);
    await state.saved();
  }
  if (!quiet) printer.finish(summary);
  return finish(summary, output, values.json === true, secrets);
}

function finish(summary: BatchSummary, output: Output, json: boolean, secrets: readonly string[]): number {
  // A request no rerun can answer is not missing: a batch with only those left is complete.
  const missing = summary.total - summary.answered - summary.resumed - summary.skipped - summary.unanswerable;
  const reasons = countReasons(summary.skippedRequests);
  if (json) {
    const { fatal, failures, skippedRequests, ...counts } = summary;
    output.out(
      JSON.stringify({
        ...counts,
        missing,
        skippedRequests: skippedRequests.map((entry) => ({ ...entry, message: redact(entry.message, secrets) })),
        failures: failures.map((failure) => ({ ...failure, message: redact(failure.message, secrets) })),
        ...(fatal ? { fatal: { kind: fatal.kind, message: redact(fatal.message, secrets) } } : {}),
      }),
    );
  } else {
    output.out(
      [
        `answered ${summary.answered} now, ${summary.resumed} before; ${summary.skipped} not applicable; ${reasons ? `skipped: ${reasons}; ` : ''}${summary.failed} failed; ${missing} missing`,
        ...summary.files.map((file) => `  ${file}`),
        ...(missing > 0 ? ['rerun the same command to retry the missing requests'] : []),
      ].join('\n'),
    );
  }
  if (summary.fatal) throw new CliError(`${summary.fatal.kind}: ${redact(summary.fatal.message, secrets)}`);
  if (summary.interrupted) return 130;
  return missing > 0 ? 1 : 0;
}
