// Plain-text table with aligned columns (numbers right-aligned).
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => /^[-\d.%±() ]+$|^-$/.test(row[column])));
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}
