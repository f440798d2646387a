// The paper's item extractor (or any model) on every comment of a set of
// shards, on the batch engine of `imagery run --shards` (limiter, 429s,
// retries, faults, resume, one run per file): one line per comment appended
// to DIR/<name>/<domain>/comments_processed.jsonl as its answer arrives.
import type { ChatBackend } from '../backend';
import type { ModelRunError } from '../errors';
import type { ModelProfile } from '../profile';
import type { ShardComment, ShardRecord } from '../../shard/schema';
import { ShardReader } from '../../shard/reader';
import { runEngine, type BatchFailure, type EngineJob, type EngineTuning, type UnreadableJob } from '../batch/batch-engine';
import type { BatchProgress } from '../batch/progress';
import type { SkippedRequest } from '../batch/skipped-file';
import { callExtractor } from './call-extractor';
import { extractionFilePath, extractionLine } from './comment-line';

export interface ExtractBatchOptions extends EngineTuning {
  shards: readonly string[];
  profile: ModelProfile;
  /** Must not retry 429s itself (maxRetries 0), so the shared limiter sees every one. */
  backend: ChatBackend;
  outDir: string;
  /** The run's folder under DIR (the model's name unless named). */
  name: string;
  concurrency: number;
}

export interface ExtractBatchSummary extends BatchProgress {
  failures: BatchFailure[];
  skippedLines: SkippedRequest[];
  files: string[];
  interrupted: boolean;
  fatal?: ModelRunError;
}

interface CommentJob extends EngineJob {
  record: ShardRecord;
  comment: ShardComment;
}

async function* commentJobs(shards: readonly string[], signal: AbortSignal): AsyncGenerator<CommentJob | UnreadableJob> {
  for (const shard of shards) {
    const reader = await ShardReader.open(shard);
    try {
      for await (const entry of reader.entries()) {
        if (signal.aborted) return;
        if (entry.kind !== 'record') {
          yield { kind: 'unreadable', shard, line: entry.line, reason: entry.reason };
          continue;
        }
        const record = entry.record;
        for (const comment of record.comments)
          yield { kind: 'job', id: comment.id, shard, domain: record.domain, record, comment };
      }
    } finally {
      await reader.close();
    }
  }
}

/** Comments in all shards (an unreadable line counts as one), for progress. */
export async function countComments(shards: readonly string[]): Promise<number> {
  let total = 0;
  const never = new AbortController().signal;
  for await (const job of commentJobs(shards, never)) if (job) total++;
  return total;
}

export async function runExtractBatch(options: ExtractBatchOptions): Promise<ExtractBatchSummary> {
  const { profile, backend } = options;
  const result = await runEngine<CommentJob>({
    ...options,
    total: await countComments(options.shards),
    jobs: (signal) => commentJobs(options.shards, signal),
    layout: {
      outDir: options.outDir,
      fileFor: (domain) => extractionFilePath(options.outDir, options.name, domain),
      answerField: 'processed',
      idField: 'comment_id',
    },
    answer: async ({ record, comment }, signal) => {
      const answer = await callExtractor(record.domain, comment.raw, { profile, backend, signal });
      return extractionLine(record, comment, answer.answer);
    },
  });
  return {
    ...result.progress,
    failures: result.failures,
    skippedLines: result.skipped,
    files: result.outputs.map((output) => output.file),
    interrupted: options.signal?.aborted === true,
    ...(result.fatal ? { fatal: result.fatal } : {}),
  };
}
