// Who may adjudicate: `imagery-reviewers.json` beside the shards, listing
// reviewers by annotator name. It travels with the shards and logs (and shows
// in a git diff), so the editor, `imagery report` and `imagery export` all
// read the same list. No file: every annotator's adjudications count, and the
// report and export say whose did.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
// The ES module build: the package's main (UMD) loads its parts with a require() the extension's bundle cannot follow.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { z } from 'zod';
import { annotatorStem } from './log-identity';
import { isMissing } from './log-file';

export const REVIEWERS_FILE = 'imagery-reviewers.json';

const ReviewersFile = z.strictObject({ reviewers: z.array(z.string().min(1)) });

export interface Reviewers {
  /** The file read, or where it would be. */
  file: string;
  /** Log file stems of the reviewers; null when there is no file (anyone may adjudicate). */
  stems: ReadonlySet<string> | null;
}

/** The reviewers file beside `shardFile`. A file that is not `{"reviewers": [names]}` is an error naming it and its line. */
export async function readReviewers(shardFile: string): Promise<Reviewers> {
  const file = path.join(path.dirname(shardFile), REVIEWERS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return { file, stems: null };
    throw error;
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { disallowComments: true });
  if (errors.length > 0) {
    const line = text.slice(0, errors[0].offset).split('\n').length;
    throw new Error(`${file}:${line}: not JSON (${printParseErrorCode(errors[0].error)}); expected {"reviewers": ["name", ...]}`);
  }
  const parsed = ReviewersFile.safeParse(value);
  if (!parsed.success)
    throw new Error(`${file}:1: expected {"reviewers": ["name", ...]}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const stems = new Set<string>();
  for (const name of parsed.data.reviewers) {
    const stem = annotatorStem(name);
    if (stem === null) throw new Error(`${file}:1: reviewer ${JSON.stringify(name)} has no letter or digit`);
    stems.add(stem);
  }
  return { file, stems };
}
