// The requests of a batch run, streamed shard by shard (a shard of a million
// requests is never held in memory at once), and the output file of each
// domain, opened once with the requests it already answers.
import path from 'node:path';
import type { ShardState } from '../../annotations/state';
import { ShardReader } from '../../shard/reader';
import type { ShardRecord } from '../../shard/schema';
import { mkdirNoFollow } from '../../no-follow';
import { ANSWER_FILE, AnswerWriter, readAnswered } from './answer-file';
import { lockAnswerFile } from './answer-lock';

export interface BatchShard {
  file: string;
  /** Real folders its local images may lie in (the image folders of imageRootsFor). */
  imageRoots: readonly string[];
  /** Every annotator's log replayed: corrections and inline description runs. */
  states: ShardState;
}

export type BatchJob =
  | { kind: 'record'; shard: BatchShard; record: ShardRecord }
  | { kind: 'unreadable'; shard: BatchShard; line: number; reason: string };

/** Requests in all shards (non-blank lines), for progress. */
export async function countRequests(shards: readonly BatchShard[]): Promise<number> {
  let total = 0;
  for (const shard of shards) {
    const reader = await ShardReader.open(shard.file);
    total += reader.size;
    await reader.close();
  }
  return total;
}

export async function* batchJobs(shards: readonly BatchShard[], signal?: AbortSignal): AsyncGenerator<BatchJob> {
  for (const shard of shards) {
    const reader = await ShardReader.open(shard.file);
    try {
      for await (const entry of reader.entries()) {
        if (signal?.aborted) return;
        if (entry.kind === 'record') yield { kind: 'record', shard, record: entry.record };
        else yield { kind: 'unreadable', shard, line: entry.line, reason: entry.reason };
      }
    } finally {
      await reader.close();
    }
  }
}

export interface DomainOutput {
  file: string;
  answered: Set<string>;
  /** Answers already in the file when the run started. */
  resumedFrom: number;
  tornBytes: number;
  writer: AnswerWriter;
  /** Gives the answer file back to other runs. */
  unlock: () => Promise<void>;
}

export interface OutputLayout {
  outDir: string;
  /** The file answers of `domain` go to, under outDir. */
  fileFor(domain: string): string;
  /** The field holding the answer, and the one holding the id (default submission_id). */
  answerField: string;
  idField?: string;
}

/** One output file per domain, opened on first use (concurrent callers share the same promise). */
export class DomainOutputs {
  private readonly opened = new Map<string, Promise<DomainOutput>>();

  constructor(private readonly layout: OutputLayout) {}

  get(domain: string): Promise<DomainOutput> {
    let output = this.opened.get(domain);
    if (!output) {
      output = this.open(domain);
      this.opened.set(domain, output);
    }
    return output;
  }

  private async open(domain: string): Promise<DomainOutput> {
    const file = this.layout.fileFor(domain);
    // A linked folder under <out> (planted in a clone) would put the answers elsewhere.
    await mkdirNoFollow(this.layout.outDir, path.dirname(file), ANSWER_FILE);
    // Before reading: reading cuts a torn last line, which must not be another run's line still being written.
    const unlock = await lockAnswerFile(file);
    try {
      const state = await readAnswered(file, this.layout.answerField, this.layout.idField);
      return {
        file,
        answered: state.answered,
        resumedFrom: state.answered.size,
        tornBytes: state.tornBytes,
        writer: await AnswerWriter.open(file),
        unlock,
      };
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  async all(): Promise<DomainOutput[]> {
    const settled = await Promise.allSettled(this.opened.values());
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  async close(): Promise<void> {
    for (const output of await this.all()) {
      try {
        await output.writer.close();
      } finally {
        await output.unlock();
      }
    }
  }
}
