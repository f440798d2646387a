// imagery run: one model on one request, on the editor's code path (runModel),
// the answer scored against the corrected truth and appended to the
// annotator's log. With --shards and --out: every request (run-batch.ts).
import { resolveAnnotator } from '../../core/annotations/annotator';
import { AnnotationLog } from '../../core/annotations/log';
import { replayLogs } from '../../core/annotations/merge';
import { inlineRunKey } from '../../core/annotations/state';
import { isModelRunError, profileSecrets, redact } from '../../core/models/errors';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import { runModel, type ModelRunOutcome } from '../../core/models/run-model';
import { parseRunInput } from '../../core/models/run-input';
import { ShardReader } from '../../core/shard/reader';
import { cliTrustsManifest, imageRootsFor } from '../../core/image-roots';
import { Task, type ShardRecord } from '../../core/shard/schema';
import { CliError, usageError } from '../cli-error';
import { defineCommand, type CommandContext } from '../command';
import { fileQuirkMemory, quirksStateFile } from '../../core/models/quirks-file';
import { TruncatedAnswerError } from '../../core/models/truncation';
import { runBatchCommand } from './run-batch';
import { runCheckCommand } from './run-check';
import { formatOutcome, outcomeJson } from './run-output';
import { ANSWER_LIMIT_OPTIONS, answerLimits, chooseProfile, numberOption, PROFILE_SETTING_OPTIONS } from './run-profile';

const OPTIONS = {
  shard: { type: 'string' },
  shards: { type: 'string', multiple: true },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  name: { type: 'string' },
  request: { type: 'string' },
  task: { type: 'string' },
  prompt: { type: 'string', default: 'standard' },
  input: { type: 'string', default: 'images' },
  profile: { type: 'string' },
  profiles: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  annotator: { type: 'string' },
  'record-unparseable': { type: 'boolean' },
  'record-truncated': { type: 'boolean' },
  check: { type: 'boolean' },
  ...PROFILE_SETTING_OPTIONS,
  'allow-remote-images': { type: 'boolean' },
  'max-image-mb': { type: 'string' },
  ...ANSWER_LIMIT_OPTIONS,
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** Flags of one mode that the other does not use. */
const BATCH_IGNORES = ['annotator', 'record-unparseable'] as const;
const SINGLE_IGNORES = ['concurrency', 'name'] as const;

export async function readRecord(shard: string, id: string): Promise<ShardRecord> {
  let reader: ShardReader;
  try {
    reader = await ShardReader.open(shard);
  } catch {
    throw new CliError('cannot read the shard (no such file?)', shard);
  }
  try {
    const position = await reader.positionOf(id);
    if (position === undefined) throw new CliError(`no request "${id}" in this shard`, shard);
    const entry = await reader.read(position);
    if (entry.kind === 'unreadable') throw new CliError(entry.reason, entry.file, entry.line);
    return entry.record;
  } finally {
    await reader.close();
  }
}

export const runCommand = defineCommand({
  name: 'run',
  options: OPTIONS,
  run: runOneRequest,
});

async function runOneRequest({ values, positionals, output, progress }: CommandContext<typeof OPTIONS>): Promise<number> {
  if (values.check) {
    if (values.shard || values.shards || values.request || values.task)
      throw usageError('run: --check tests the profile alone; drop --shard(s), --request and --task');
    return runCheckCommand(values, output);
  }
  const batch = values.shards !== undefined || values.out !== undefined;
  if (batch && (!values.shards || !values.out || !values.task))
    throw usageError('run: a whole-shard run needs --shards, --out and --task');
  if (!batch && (!values.shard || !values.request || !values.task))
    throw usageError('run: needs --shard, --request and --task (or --shards and --out for every request)');
  if (batch && (values.shard || values.request)) throw usageError('run: --shards runs every request; drop --shard and --request');
  // A flag the chosen mode ignores would let a person believe it applied.
  const ignored = batch
    ? BATCH_IGNORES.filter((flag) => values[flag] !== undefined)
    : SINGLE_IGNORES.filter((flag) => values[flag] !== undefined);
  if (ignored.length)
    throw usageError(
      `run: --${ignored[0]} applies only to ${batch ? 'a single-request run (--shard, --request)' : 'a whole-shard run (--shards, --out)'}`,
    );
  const task = Task.safeParse(values.task);
  if (!task.success) throw usageError(`run: --task must be rec_title, rec_choice or description, got "${values.task}"`);
  if (values.prompt !== 'standard' && values.prompt !== 'coi')
    throw usageError(`run: --prompt must be standard or coi, got "${values.prompt}"`);
  const input = parseRunInput(values.input);
  if (!input) throw usageError(`run: --input must be images or desc:<model>, got "${values.input}"`);
  if (batch) {
    const shards = [...(values.shards ?? []), ...positionals];
    const common = { task: task.data, prompt: values.prompt, input, inputText: values.input } as const;
    return runBatchCommand({ ...common, shards, out: values.out!, values }, output);
  }
  if (!values.shard || !values.request) throw usageError('run: needs --shard, --request and --task');
  const profile = chooseProfile(values);
  const apiKey = process.env.OPENAI_API_KEY ?? '';

  const record = await readRecord(values.shard, values.request);
  const logs = await AnnotationLog.readAll(values.shard);
  for (const warning of logs.warnings) output.err(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
  const state = replayLogs(logs.perFile).get(record.id);
  // The image folders the editor's model runs use (no workspace here; the manifest is trusted unless the
  // terminal is an untrusted workspace's).
  const images = await imageRootsFor({ shardFile: values.shard, workspaceFolders: [], trustManifest: cliTrustsManifest() });
  for (const warning of images.warnings) output.err(`imagery: warning: ${warning}`);

  // What this profile's server refused before (a test connection, an earlier run) is sent right at once.
  const learnt = fileQuirkMemory(quirksStateFile(), profile);
  const backend = createOpenAIBackend({
    profile,
    apiKey,
    quirks: learnt.memory,
    ...answerLimits(values),
  });
  const maxImageMb = numberOption('max-image-mb', values['max-image-mb'], 1024 * 1024);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let outcome: ModelRunOutcome;
  try {
    progress(
      `asking ${profile.model} (${profile.name}) about request ${record.id}: ${task.data}, ${values.prompt} prompt, input ${values.input}`,
    );
    outcome = await runModel(
      { task: task.data, prompt: values.prompt, input },
      { shardFile: values.shard, record, state, imageRoots: images.imageFolders },
      {
        profile,
        backend,
        signal: controller.signal,
        keepTruncated: values['record-truncated'] === true,
        images: {
          allowRemote: values['allow-remote-images'] === true,
          ...(maxImageMb === undefined ? {} : { maxBytes: maxImageMb }),
        },
        callbacks: {
          onWait: ({ attempt, seconds, reason }) => progress(`waiting ${seconds} s before retry ${attempt}: ${reason}`),
          onResend: (reason) => progress(reason),
          onCall: (index, total) => total > 1 && progress(`image ${index + 1} of ${total}`),
        },
      },
    );
  } catch (error) {
    await learnt.saved();
    if (!isModelRunError(error)) throw error;
    if (error instanceof TruncatedAnswerError) output.err(`imagery: the cut answer was: ${JSON.stringify(error.outcome.answer)}`);
    // One line naming the cause; the key is scrubbed once more in case a message ever carried it.
    throw new CliError(
      `${error.kind}: ${redact(error.message, profileSecrets(apiKey, profile.headers))}`,
      undefined,
      undefined,
      error.kind === 'cancelled' ? 130 : 1,
    );
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  await learnt.saved();

  for (const warning of outcome.warnings) output.err(`imagery: warning: ${warning}`);
  let recorded: { run: string; log: string } | null = null;
  if (outcome.parseable || values['record-unparseable']) {
    const log = AnnotationLog.open(values.shard, resolveAnnotator(values.annotator));
    const [event] = await log.append(outcome.draft);
    recorded = { run: inlineRunKey(event.id), log: log.file };
  } else {
    output.err(
      `imagery: warning: the answer gives no ${task.data === 'rec_choice' ? 'choice letter' : 'title'}; not recorded (--record-unparseable keeps it)`,
    );
  }
  output.out(values.json ? JSON.stringify(outcomeJson(outcome, recorded)) : formatOutcome(outcome, record, recorded));
  return 0;
}
