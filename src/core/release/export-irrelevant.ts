// irrelevant_submissions.csv: the curated-out posts (subreddit,submission_id,reason).
// The release writes it with CR line endings and no final line end; we read any
// line ending and write it back the released way.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const IRRELEVANT_COLUMNS = ['subreddit', 'submission_id', 'reason'] as const;

export interface IrrelevantRow {
  subreddit: string;
  submission_id: string;
  reason: string;
}

export function irrelevantFile(releaseDir: string): string {
  return path.join(releaseDir, 'data', 'irrelevant_submissions.csv');
}

/** The rows of a release's file (header checked); [] when the file does not exist. */
export async function readIrrelevant(file: string): Promise<IrrelevantRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let rows: string[][];
  try {
    // csv-parse detects the record delimiter (CR, LF or CRLF) from the first line end.
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header || header.join(',') !== IRRELEVANT_COLUMNS.join(',')) {
    throw new Error(`${file}:1: expected the header ${IRRELEVANT_COLUMNS.join(',')}`);
  }
  return body.map(([subreddit, submission_id, reason]) => ({ subreddit, submission_id, reason }));
}

/** CR between rows, none after the last, as released. */
export function formatIrrelevant(rows: readonly IrrelevantRow[]): string {
  const text = stringify(
    rows.map((row) => IRRELEVANT_COLUMNS.map((column) => row[column])),
    { header: true, columns: [...IRRELEVANT_COLUMNS], record_delimiter: '\r', quoted_match: /[\r\n]/ },
  );
  return text.replace(/\r$/, '');
}
