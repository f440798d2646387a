// Figures as people read them: shares as percentages with the 95% interval.
import type { Proportion } from '../stats/wilson';

export const percent = (value: number | null, digits = 1): string => (value === null ? '–' : `${(100 * value).toFixed(digits)}%`);

export const decimal = (value: number | null, digits = 3): string => (value === null ? '–' : value.toFixed(digits));

export const signed = (value: number | null, digits = 1): string =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${(100 * Math.abs(value)).toFixed(digits)} pt`;

/** "12.5% (95% CI 8.1–17.9%; 12/96)"; "– (0/0)" when there is no denominator. */
export function share(p: Proportion, digits = 1): string {
  if (p.value === null) return '– (0/0)';
  const bound = (value: number | null): string => (value === null ? '–' : (100 * value).toFixed(digits));
  return `${percent(p.value, digits)} (95% CI ${bound(p.low)}–${bound(p.high)}%; ${p.count}/${p.total})`;
}
