// Cohen's kappa (Cohen 1960) for two raters who each labelled the same items
// with one nominal category: (p_o - p_e) / (1 - p_e).

/**
 * Kappa from pairs of labels (one pair per item both raters labelled).
 * Null when it is undefined: no pairs, or both raters used one and the same
 * single category throughout (p_e = 1).
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | null {
  if (pairs.length === 0) return null;
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
    if (a === b) agree++;
  }
  const n = pairs.length;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  if (expected === 1) return null;
  return (agree / n - expected) / (1 - expected);
}

/** Kappa from a square contingency table: table[i][j] = items rater 1 put in i and rater 2 in j. */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): number | null {
  const pairs: [number, number][] = [];
  table.forEach((row, i) => {
    if (row.length !== table.length) throw new RangeError('cohenKappaFromTable: the table must be square');
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) pairs.push([i, j]);
    });
  });
  return cohenKappa(pairs);
}
