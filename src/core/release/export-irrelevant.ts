// irrelevant_submissions.csv: the curated-out posts (subreddit,submission_id,reason).
// The release writes it with CR line endings and no final line end; we read any
// line ending and write it back the released way.
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { readCsvFile } from './csv-file';

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
  // csv-parse detects the record delimiter (CR, LF or CRLF) from the first line end.
  const rows = await readCsvFile<string[]>(file, { skip_empty_lines: true, relax_column_count: false });
  if (rows === undefined) return [];
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
