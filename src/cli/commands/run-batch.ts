// imagery run --shards ... --out DIR: every request of the shards, through the
// core batch runner, answers in DIR/intermediate/<model>/<domain>/<input>/<task>.jsonl.
// Only flags, progress on stderr and the summary live here.
import { AnnotationLog } from '../../core/annotations/log';
import { replayLogs } from '../../core/annotations/merge';
import { runBatch, type BatchSummary } from '../../core/models/batch/batch-run';
import type { BatchShard } from '../../core/models/batch/batch-jobs';
import { countReasons } from '../../core/models/batch/skipped-file';
import { modelFolderName } from '../../core/models/batch/release-line';
import { redact } from '../../core/models/errors';
import type { RunInput } from '../../core/models/run-input';
import type { PromptStyle } from '../../core/paper/prompts';
import type { Task } from '../../core/shard/schema';
import { cliTrustsManifest, imageRootsFor } from '../../core/image-roots';
import { integerOption } from '../args';
import { usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';
import { finishBatch, inBatchSession } from './batch-session';
import { chooseProfile, numberOption, type AnswerLimitFlags, type ProfileFlags } from './run-profile';

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
  const shards = await loadShards(flags.shards, (text) => output.err(text));
  const maxImageMb = numberOption('max-image-mb', values['max-image-mb'], 1024 * 1024);
  const announce = `running ${profile.model} (${profile.name}) on ${shards.length} shard(s): ${flags.task}, ${flags.prompt} prompt, input ${flags.inputText}, ${concurrency} at a time`;
  const { summary, secrets } = await inBatchSession({ profile, flags: values, concurrency, announce, output }, (session) =>
    runBatch({
      shards,
      spec: { task: flags.task, prompt: flags.prompt, input: flags.input },
      profile,
      backend: session.backend,
      outDir: flags.out,
      modelFolder,
      concurrency,
      signal: session.signal,
      recordTruncated: values['record-truncated'] === true,
      images: {
        allowRemote: values['allow-remote-images'] === true,
        ...(maxImageMb === undefined ? {} : { maxBytes: maxImageMb }),
      },
      onProgress: session.onProgress,
      onSkip: (skipped) => session.say(`imagery: skipped: ${skipped.id}: ${skipped.reason}: ${skipped.message}`),
      onFailure: (failure) => session.say(`imagery: failed: ${failure.id}: ${failure.kind}: ${failure.message}`),
    }),
  );
  return finish(summary, output, values.json === true, secrets);
}

function finish(summary: BatchSummary, output: Output, json: boolean, secrets: readonly string[]): number {
  // A request no rerun can answer is not missing: a batch with only those left is complete.
  const missing = summary.total - summary.answered - summary.resumed - summary.skipped - summary.unanswerable;
  const reasons = countReasons(summary.skippedRequests);
  const { fatal: _fatal, failures: _failures, skippedRequests, ...counts } = summary;
  return finishBatch(summary, {
    output,
    json,
    secrets,
    missing,
    counts: {
      ...counts,
      skippedRequests: skippedRequests.map((entry) => ({ ...entry, message: redact(entry.message, secrets) })),
    },
    lines: [
      `answered ${summary.answered} now, ${summary.resumed} before; ${summary.skipped} not applicable; ${reasons ? `skipped: ${reasons}; ` : ''}${summary.failed} failed; ${missing} missing`,
      ...summary.files.map((file) => `  ${file}`),
      ...(missing > 0 ? ['rerun the same command to retry the missing requests'] : []),
    ],
  });
}
