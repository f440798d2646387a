// Pure helpers about extracted items ("creator - title" or "creator") and
// where a comment mentions them. No DOM here: tested in Node.

const SEPARATOR = ' - ';

/** Splits an item at its first " - " into creator and title (title null for creator-only items). */
export function splitItem(item: string): { creator: string; title: string | null } {
  const at = item.indexOf(SEPARATOR);
  if (at < 0) return { creator: item.trim(), title: null };
  return { creator: item.slice(0, at).trim(), title: item.slice(at + SEPARATOR.length).trim() || null };
}

/** Normalises an item the way the extraction parser stores them (lowercase, trimmed). */
export function normaliseItem(text: string): string {
  return text.trim().toLowerCase();
}

export interface TextSegment {
  text: string;
  mention: boolean;
}

/** Terms shorter than this would light up half the text ("a", "i"). */
const MIN_TERM_LENGTH = 2;

/**
 * Splits `text` into plain and mention segments: every case-insensitive
 * occurrence of any item's creator or title part is a mention. Overlapping
 * matches merge. The segments concatenate back to `text` exactly.
 */
export function mentionSegments(text: string, items: readonly string[]): TextSegment[] {
  const terms = new Set<string>();
  for (const item of items) {
    const { creator, title } = splitItem(item);
    for (const part of [creator, title]) if (part && part.length >= MIN_TERM_LENGTH) terms.add(part.toLowerCase());
  }
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) segments.push({ text: text.slice(cursor, from), mention: false });
    const last = segments[segments.length - 1];
    if (last?.mention && from === cursor) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), mention: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mention: false });
  return segments;
}

/** The comment's current items: the correction if any, else the extraction. */
export function effectiveItems(
  extracted: readonly string[],
  verdict: { status: 'confirmed' } | { status: 'corrected'; items: string[] } | undefined,
): string[] {
  return verdict?.status === 'corrected' ? [...verdict.items] : [...extracted];
}
