// items.csv: one column "title", every item of the domain once. The release's
// order is Python set order (not reproducible), so an export keeps the
// release's order for the items still present and appends new ones in order
// of first appearance.
import { stringify } from 'csv-stringify/sync';
import { readCsvFile } from './csv-file';

/** The titles of an items.csv, in file order; [] when the file does not exist. */
export async function readItemsCsv(file: string): Promise<string[]> {
  const rows = await readCsvFile<{ title: string }>(file, { columns: true });
  return (rows ?? []).map((row) => row.title);
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
