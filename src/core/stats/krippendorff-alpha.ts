// Krippendorff's alpha for nominal data with missing values, by the
// coincidence matrix of Krippendorff (2011), "Computing Krippendorff's
// Alpha-Reliability": alpha = 1 - D_o / D_e.

/**
 * `units[u]` holds the values the coders gave unit u, one entry per coder,
 * `null` or `undefined` where that coder gave none. Units with fewer than two
 * values are not pairable and are left out, as the method prescribes.
 * Null when alpha is undefined: fewer than two pairable values, or a single
 * category throughout (no expected disagreement).
 */
export function krippendorffAlphaNominal<T>(units: readonly (readonly (T | null | undefined)[])[]): number | null {
  // Coincidences o_ck, counted only for disagreeing pairs (c != k) plus the
  // marginals n_c; that is all the nominal metric needs.
  const marginals = new Map<T, number>();
  let disagreeing = 0;
  for (const unit of units) {
    const values = unit.filter((value): value is T => value !== null && value !== undefined);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    // Each ordered pair of values from different coders adds 1/(m-1); pairs that differ add to D_o.
    for (const [value, count] of counts) {
      marginals.set(value, (marginals.get(value) ?? 0) + count);
      disagreeing += (count * (m - count)) / (m - 1);
    }
  }
  let n = 0;
  for (const count of marginals.values()) n += count;
  if (n < 2) return null;
  let expectedPairs = 0;
  for (const count of marginals.values()) expectedPairs += count * (n - count);
  if (expectedPairs === 0) return null;
  // D_o = disagreeing / n ; D_e = expectedPairs / (n (n - 1)).
  return 1 - ((n - 1) * disagreeing) / expectedPairs;
}
