// Reading the release's small CSV files: a missing file is "no rows", and a
// parse error names the file.
import { readFile } from 'node:fs/promises';
import { parse, type Options } from 'csv-parse/sync';

/** The parsed records of `file`, or undefined when it does not exist. */
export async function readCsvFile<Row>(file: string, options: Options): Promise<Row[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parse(text, { bom: true, ...options }) as Row[];
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

// What a spreadsheet may run as a formula when a cell starts with it.
const FORMULA_START = /^[=+\-@]/;

/**
 * The cells of a CSV text (header row left out) that start with a formula
 * character. The files stay byte-compatible with pandas, so such cells are
 * counted and reported, not rewritten.
 */
export function formulaCells(text: string): number {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.slice(1).reduce((count, row) => count + row.filter((cell) => FORMULA_START.test(cell)).length, 0);
}
