// items.csv: one column "title", every item of the domain once. The release's
// order is Python set order (not reproducible), so an export keeps the
// release's order for the items still present and appends new ones in order
// of first appearance.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** The titles of an items.csv, in file order; [] when the file does not exist. */
export async function readItemsCsv(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const rows: { title: string }[] = parse(text, { bom: true, columns: true });
    return rows.map((row) => row.title);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** `present` ordered as in `preferredOrder` first, then the rest in their own order. */
export function orderItems(present: Iterable<string>, preferredOrder: readonly string[]): string[] {
  const remaining = new Set(present);
  const ordered = preferredOrder.filter((item) => remaining.delete(item));
  return [...ordered, ...remaining];
}

/** As pandas' to_csv(index=False) writes it: LF line ends, quotes only where needed (also around CR). */
export function formatItemsCsv(items: readonly string[]): string {
  return stringify(
    items.map((item) => [item]),
    { header: true, columns: ['title'], record_delimiter: '\n', quoted_match: /\r/ },
  );
}
