// The release's submissions.jsonl lines, for the posts the shards lack. The
// default import keeps only the benchmark's posts (submissions_ns.jsonl), so an
// export given the release copies the others, as released and in the release's
// order, and submissions.jsonl comes back whole whatever the import options.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Domain } from '../shard/schema';
import { processedDir } from './layout';

export interface ReleasedLine {
  id: string;
  /** The line's exact text, without its line end. */
  text: string;
}

export interface ReleasedSubmissions {
  /** Every line of submissions.jsonl whose id could be read, in file order. */
  lines: ReleasedLine[];
  /** The ids of submissions_ns.jsonl: the benchmark's posts, never copied (the shards decide about them). */
  sampled: Set<string>;
  /** Lines whose id could not be read (file:line: reason); they are not copied. */
  warnings: string[];
}

/** The release's submissions of `domain`; null when it has no submissions.jsonl. */
export async function readReleasedSubmissions(releaseDir: string, domain: Domain): Promise<ReleasedSubmissions | null> {
  const dir = processedDir(releaseDir, domain);
  const all = await readLines(path.join(dir, 'submissions.jsonl'));
  if (all === null) return null;
  const warnings: string[] = [];
  const lines = idsOf(all, path.join(dir, 'submissions.jsonl'), warnings);
  const ns = await readLines(path.join(dir, 'submissions_ns.jsonl'));
  const sampled = new Set((ns ? idsOf(ns, path.join(dir, 'submissions_ns.jsonl'), warnings) : []).map((line) => line.id));
  return { lines, sampled, warnings };
}

async function readLines(file: string): Promise<string[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return text.split('\n');
}

function idsOf(lines: readonly string[], file: string, warnings: string[]): ReleasedLine[] {
  const out: ReleasedLine[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    let id: unknown;
    try {
      id = (JSON.parse(text) as { submission_id?: unknown } | null)?.submission_id;
    } catch (error) {
      warnings.push(`${file}:${index + 1}: not JSON (${(error as Error).message}); not copied`);
      return;
    }
    if (typeof id !== 'string' || id === '') warnings.push(`${file}:${index + 1}: no submission_id; not copied`);
    else out.push({ id, text });
  });
  return out;
}
