// What the benchmark prints: every figure with its value, budget and the
// ratio value/budget (<= 1 is within budget), and figures it had to skip.

export interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'GB/s' | '%' | 'req/s';
  budget: number;
  /** The budget is a floor (throughput), not a ceiling. */
  atLeast?: boolean;
  /** The same-run baseline this figure is compared with (e.g. a plain newline count). */
  baseline?: { name: string; value: number };
  /** Null when the figure was skipped. */
  value: number | null;
  /** Why the figure was skipped, or a short note on what was measured. */
  note?: string;
  /** Measured only as the same-run baseline of another figure (the way before): shown against the goal, never over it. */
  reference?: boolean;
}

export const measured = (
  name: string,
  unit: Figure['unit'],
  value: number,
  budget: number,
  note?: string,
  extra: Pick<Figure, 'atLeast' | 'baseline' | 'reference'> = {},
): Figure => ({ name, unit, value, budget, note, ...extra });

export const skipped = (name: string, unit: Figure['unit'], budget: number, reason: string): Figure => ({
  name,
  unit,
  budget,
  value: null,
  note: `skipped: ${reason}`,
});

/** Value over budget, or budget over value for a floor: <= 1 is within the goal either way. */
export function ratio(figure: Figure): number | null {
  if (figure.value === null) return null;
  return figure.atLeast ? figure.budget / figure.value : figure.value / figure.budget;
}

/** How the figure compares with its same-run baseline: value / baseline. */
export const versusBaseline = (figure: Figure): number | null =>
  figure.value === null || !figure.baseline ? null : figure.value / figure.baseline.value;

const format = (value: number, unit: Figure['unit']): string =>
  `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;

function pad(cells: string[][]): string[] {
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '),
  );
}

export function formatTable(figures: readonly Figure[]): string {
  const withBaselines = figures.some((figure) => figure.baseline);
  const rows = figures.map((figure) => {
    const r = ratio(figure);
    const vs = versusBaseline(figure);
    const row = [
      figure.name,
      figure.value === null ? '-' : format(figure.value, figure.unit),
      (figure.atLeast ? '>= ' : '') + format(figure.budget, figure.unit),
      r === null ? 'skipped' : r.toFixed(2) + (figure.reference ? ' (baseline)' : r > 1 ? ' OVER' : ''),
    ];
    return withBaselines ? [...row, vs === null ? '' : `${vs.toFixed(2)}x ${figure.baseline?.name}`] : row;
  });
  const header = ['figure', 'value', 'budget', 'ratio'];
  const lines = pad([withBaselines ? [...header, 'vs baseline'] : header, ...rows]);
  lines.splice(1, 0, '-'.repeat(lines[0].length));
  // One line per distinct note, so a skip reason shared by several figures is said once.
  const byNote = new Map<string, string[]>();
  for (const figure of figures) if (figure.note) byNote.set(figure.note, [...(byNote.get(figure.note) ?? []), figure.name]);
  const notes = [...byNote].map(([note, names]) => `  ${names.join('; ')}: ${note}`);
  return [...lines, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

/** Figures whose ratio exceeds 1 (what `--check` fails on); a baseline kept for comparison is not held to the goal. */
export const overBudget = (figures: readonly Figure[]): Figure[] =>
  figures.filter((figure) => !figure.reference && (ratio(figure) ?? 0) > 1);
