// imagery extract --shards ... --out DIR: the item extractor on every comment
// of the shards, on the batch engine; answers in the paper's layout,
// DIR/<name or model>/<domain>/comments_processed.jsonl. Only flags, progress
// on stderr and the summary live here.
import { modelFolderName } from '../../core/models/batch/release-line';
import { runExtractBatch } from '../../core/models/extract/batch-extract';
import { integerOption } from '../args';
import { usageError } from '../cli-error';
import { resolveInputs } from '../inputs';
import type { Output } from '../output';
import { finishBatch, inBatchSession } from './batch-session';
import { chooseProfile, type AnswerLimitFlags, type ProfileFlags } from './run-profile';

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
  const outDir = values.out;
  const announce = `extracting items with ${profile.model} (${profile.name}) from ${shards.length} shard(s), ${concurrency} at a time`;
  const { summary, secrets } = await inBatchSession({ profile, flags: values, concurrency, announce, output }, (session) =>
    runExtractBatch({
      shards,
      profile,
      backend: session.backend,
      outDir,
      name,
      concurrency,
      signal: session.signal,
      onProgress: session.onProgress,
      onSkip: (skipped) => session.say(`imagery: skipped: ${skipped.id}: ${skipped.reason}: ${skipped.message}`),
      onFailure: (failure) => session.say(`imagery: failed: ${failure.id}: ${failure.kind}: ${failure.message}`),
    }),
  );
  const missing = summary.total - summary.answered - summary.resumed - summary.unanswerable;
  const { fatal: _fatal, failures: _failures, ...counts } = summary;
  return finishBatch(summary, {
    output,
    json: values.json === true,
    secrets,
    missing,
    counts,
    lines: [
      `answered ${summary.answered} comment(s) now, ${summary.resumed} before; ${summary.unanswerable} unreadable line(s); ${summary.failed} failed; ${missing} missing`,
      ...summary.files.map((file) => `  ${file}`),
      ...(missing > 0 ? ['rerun the same command to retry the missing comments'] : []),
    ],
  });
}
