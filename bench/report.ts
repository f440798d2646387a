// What the benchmark prints: every figure with its value, budget and the
// ratio value/budget (<= 1 is within budget), and figures it had to skip.

export interface Figure {
  name: string;
  unit: 'ms' | 'MB';
  budget: number;
  /** Null when the figure was skipped. */
  value: number | null;
  /** Why the figure was skipped, or a short note on what was measured. */
  note?: string;
}

export const measured = (name: string, unit: Figure['unit'], value: number, budget: number, note?: string): Figure => ({
  name,
  unit,
  value,
  budget,
  note,
});

export const skipped = (name: string, unit: Figure['unit'], budget: number, reason: string): Figure => ({
  name,
  unit,
  budget,
  value: null,
  note: `skipped: ${reason}`,
});

export function ratio(figure: Figure): number | null {
  return figure.value === null ? null : figure.value / figure.budget;
}

const format = (value: number, unit: Figure['unit']): string =>
  `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;

function pad(cells: string[][]): string[] {
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const r = ratio(figure);
    return [
      figure.name,
      figure.value === null ? '-' : format(figure.value, figure.unit),
      format(figure.budget, figure.unit),
      r === null ? 'skipped' : r.toFixed(2) + (r > 1 ? ' OVER' : ''),
    ];
  });
  const lines = pad([['figure', 'value', 'budget', 'ratio'], ...rows]);
  lines.splice(1, 0, '-'.repeat(lines[0].length));
  // One line per distinct note, so a skip reason shared by several figures is said once.
  const byNote = new Map<string, string[]>();
  for (const figure of figures) if (figure.note) byNote.set(figure.note, [...(byNote.get(figure.note) ?? []), figure.name]);
  const notes = [...byNote].map(([note, names]) => `  ${names.join('; ')}: ${note}`);
  return [...lines, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** Figures whose ratio exceeds 1 (what `--check` fails on). */
export const overBudget = (figures: readonly Figure[]): Figure[] => figures.filter((figure) => (ratio(figure) ?? 0) > 1);
