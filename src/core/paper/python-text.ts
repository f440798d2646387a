// The release's parsers are Python; these helpers give the few Python string
// semantics they rely on, so that lengths, stripping and regex classes agree
// exactly (JS counts UTF-16 units and trims a slightly different set).

/** Characters Python's str.isspace() (and `\s` in str regexes) accepts, as a regex class body. */
export const PY_SPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const SURROGATE = /[\uD800-\uDFFF]/;
const SPACE_CHAR = new RegExp(`^[${PY_SPACE_CLASS}]$`);

/** True when the string holds characters outside the BMP (where UTF-16 units != code points). */
export function hasAstral(text: string): boolean {
  return SURROGATE.test(text);
}

/** Python's len(): code points, not UTF-16 units. */
export function pyLength(text: string): number {
  if (!hasAstral(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Python's str.strip() with no argument. */
export function pyStrip(text: string): string {
  // A scan, not a `\s+$` regex: that one backtracks quadratically on long inner runs.
  let start = 0;
  let end = text.length;
  while (start < end && SPACE_CHAR.test(text[start])) start++;
  while (end > start && SPACE_CHAR.test(text[end - 1])) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Python's text[:-n] for n > 0: drop the last n code points ('' when shorter). */
export function pyDropLast(text: string, n: number): string {
  if (!hasAstral(text)) return text.slice(0, Math.max(0, text.length - n));
  const points = Array.from(text);
  return points.slice(0, Math.max(0, points.length - n)).join('');
}

/** Python's re `^\d+[.)]\s*` (Unicode digits and spaces), used by both parsers. */
export const ENUMERATION = new RegExp(`^\\p{Nd}+[.)][${PY_SPACE_CLASS}]*`, 'u');
