// imagery extract: the paper's item extractor (or any model) on one comment
// or every comment of a request, compared with the current (corrected)
// extraction; each answer is appended to the annotator's log as an
// extraction-run event.
import { resolveAnnotator } from '../../core/annotations/annotator';
import { AnnotationLog } from '../../core/annotations/log';
import { replayLogs } from '../../core/annotations/merge';
import { isModelRunError, redact } from '../../core/models/errors';
import { extractComment, type CommentExtraction } from '../../core/models/extract/extract-comment';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import { CliError, usageError } from '../cli-error';
import { defineCommand, type CommandContext } from '../command';
import { extractBatchCommand } from './extract-batch';
import { readRecord } from './run';
import { ANSWER_LIMIT_OPTIONS, answerLimits, chooseProfile } from './run-profile';

const OPTIONS = {
  shard: { type: 'string' },
  shards: { type: 'string', multiple: true },
  out: { type: 'string' },
  name: { type: 'string' },
  concurrency: { type: 'string' },
  request: { type: 'string' },
  comment: { type: 'string' },
  profile: { type: 'string' },
  profiles: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  annotator: { type: 'string' },
  ...ANSWER_LIMIT_OPTIONS,
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

function formatComment(result: CommentExtraction, eventId: string): string {
  const { comparison, draft } = result;
  const list = (items: readonly string[]): string => (items.length ? items.join('; ') : '-');
  return [
    `comment ${result.comment.id} (${result.comment.upvotes} upvotes)`,
    `  model items: ${list(result.items)}`,
    `  adds (possible misses): ${list(comparison.added)}`,
    `  lacks (possible wrong items): ${list(comparison.lacking)}`,
    `  agreed: ${list(comparison.agreed)}`,
    `  ${draft.model} at ${draft.host || draft.backend}, ${draft.latencyMs} ms; recorded as event ${eventId}`,
  ].join('\n');
}

function commentJson(result: CommentExtraction, eventId: string): Record<string, unknown> {
  const { type: _type, request: _request, comment: _comment, answer, ...provenance } = result.draft;
  return { comment: result.comment.id, answer, items: result.items, ...result.comparison, event: eventId, provenance };
}

export const extractCommand = defineCommand({
  name: 'extract',
  options: OPTIONS,
  run: runExtract,
});

async function runExtract({ values, positionals, output, progress }: CommandContext<typeof OPTIONS>): Promise<number> {
  if (values.shards !== undefined || values.out !== undefined) {
    if (values.shard || values.request || values.comment || values.annotator)
      throw usageError(
        'extract: --shards runs every comment and writes files, not logs; drop --shard, --request, --comment and --annotator',
      );
    if (positionals.length) throw usageError(`extract: unexpected argument "${positionals[0]}"`);
    return extractBatchCommand(values, output);
  }
  if (values.name || values.concurrency) throw usageError('extract: --name and --concurrency apply only to --shards and --out');
  if (!values.shard || !values.request)
    throw usageError('extract: needs --shard and --request (or --shards and --out for every comment)');
  if (positionals.length) throw usageError(`extract: unexpected argument "${positionals[0]}"`);
  const shard = values.shard;
  const profile = chooseProfile(values);
  const apiKey = process.env.OPENAI_API_KEY ?? '';

  const record = await readRecord(shard, values.request);
  const comments = values.comment === undefined ? record.comments : record.comments.filter((c) => c.id === values.comment);
  if (comments.length === 0) {
    const what = values.comment === undefined ? 'has no comments' : `has no comment "${values.comment}"`;
    throw new CliError(`request ${record.id} ${what}`, shard);
  }
  const logs = await AnnotationLog.readAll(shard);
  for (const warning of logs.warnings) output.err(`imagery: warning: ${warning.file}:${warning.line}: ${warning.reason}`);
  const state = replayLogs(logs.perFile).get(record.id);
  const backend = createOpenAIBackend({
    profile,
    apiKey,
    ...answerLimits(values),
  });
  const log = AnnotationLog.open(shard, resolveAnnotator(values.annotator));
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  const done: { result: CommentExtraction; event: string }[] = [];
  try {
    for (const comment of comments) {
      progress(`asking ${profile.model} (${profile.name}) for the items of comment ${comment.id} of request ${record.id}`);
      const result = await extractComment(record, comment, state, {
        profile,
        backend,
        signal: controller.signal,
        callbacks: {
          onWait: ({ attempt, seconds, reason }) => progress(`waiting ${seconds} s before retry ${attempt}: ${reason}`),
        },
      });
      // Each answer is kept as soon as it comes: a later fault loses nothing already paid for.
      const [event] = await log.append(result.draft);
      done.push({ result, event: event.id });
      if (!values.json) output.out(formatComment(result, event.id));
    }
  } catch (error) {
    if (!isModelRunError(error)) throw error;
    const kept = done.length ? ` (${done.length} comment(s) before it recorded in ${log.file})` : '';
    throw new CliError(
      `${error.kind}: ${redact(error.message, apiKey || undefined)}${kept}`,
      undefined,
      undefined,
      error.kind === 'cancelled' ? 130 : 1,
    );
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  if (values.json) {
    output.out(
      JSON.stringify({
        request: record.id,
        log: log.file,
        comments: done.map(({ result, event }) => commentJson(result, event)),
      }),
    );
  } else output.out(`recorded ${done.length} extraction run(s) in ${log.file}`);
  return 0;
}
