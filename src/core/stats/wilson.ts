// Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998,
// method 3). Unlike the normal ("Wald") interval it stays inside [0, 1] and is
// sensible for 0/n and n/n, which annotation samples hit often.

/** z for a two-sided 95% interval (the 0.975 quantile of the standard normal). */
export const Z_95 = 1.959963984540054;

export interface Proportion {
  /** Successes. */
  count: number;
  /** Trials. */
  total: number;
  /** count / total; null when total is 0 (no data, not zero). */
  value: number | null;
  /** 95% Wilson interval; null when total is 0. */
  low: number | null;
  high: number | null;
}

/** The Wilson interval [low, high] for `count` successes in `total` trials. */
export function wilsonInterval(count: number, total: number, z = Z_95): { low: number; high: number } {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || total <= 0 || count > total) {
    throw new RangeError(`wilsonInterval: need integers 0 <= count <= total, total > 0 (got ${count}/${total})`);
  }
  const p = count / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  const denominator = 1 + z2 / total;
  // Clamp the rounding noise at the ends (0/n must give exactly 0, n/n exactly 1).
  const low = count === 0 ? 0 : (centre - spread) / denominator;
  const high = count === total ? 1 : (centre + spread) / denominator;
  return { low, high };
}

/** A proportion with its 95% Wilson interval; an empty denominator gives nulls, never NaN. */
export function proportion(count: number, total: number): Proportion {
  if (total === 0) return { count, total, value: null, low: null, high: null };
  const { low, high } = wilsonInterval(count, total);
  return { count, total, value: count / total, low, high };
}
