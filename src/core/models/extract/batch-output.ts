// Reads an extraction run's file, DIR/<name>/<domain>/comments_processed.jsonl
// (what `imagery extract --shards` and the paper's script wrote): per comment
// the answer and its items by the paper's rules. A line that cannot be used is
// a problem naming file and line; the lines around it are kept.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { parseExtraction } from '../../paper/extraction';
import { readJsonlFile, type UnreadableLine } from '../../release/import-jsonl';
import { ReleaseComment } from '../../release/import-schema';
import { EXTRACTION_FILE } from './comment-line';

export interface ExtractionAnswer {
  request: string;
  /** The answer as the model gave it. */
  answer: string;
  items: string[];
}

export interface ExtractionOutput {
  file: string;
  /** By comment id, in file order; a comment answered twice keeps its first answer. */
  byComment: Map<string, ExtractionAnswer>;
  problems: UnreadableLine[];
}

const ProcessedComment = ReleaseComment.extend({ processed: z.string() });

export async function readExtractionOutput(file: string, signal?: AbortSignal): Promise<ExtractionOutput> {
  const byComment = new Map<string, ExtractionAnswer>();
  const problems: UnreadableLine[] = [];
  for await (const entry of readJsonlFile(file, ProcessedComment, signal)) {
    if (!entry.ok) problems.push(entry.problem);
    else if (byComment.has(entry.value.comment_id))
      problems.push({ file, line: entry.line, reason: `comment "${entry.value.comment_id}" appears twice (the first is kept)` });
    else
      byComment.set(entry.value.comment_id, {
        request: entry.value.submission_id,
        answer: entry.value.processed,
        items: parseExtraction(entry.value.processed),
      });
  }
  return { file, byComment, problems };
}

export interface ExtractionRunFile {
  /** The run's folder name (the model's, or --name). */
  name: string;
  file: string;
}

/** The extraction runs under `dir` that answered comments of `domain`, by name. */
export function listExtractionOutputs(dir: string, domain: string): ExtractionRunFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, file: path.join(dir, entry.name, domain, EXTRACTION_FILE) }))
    .filter((run) => existsSync(run.file))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
