// Pure edits of a comment's item list, each returning a new list. The app
// sends the result as a 'corrected' extraction verdict.
import { normaliseItem, splitItem } from './items';

export function removeItem(items: readonly string[], index: number): string[] {
  return items.filter((_, i) => i !== index);
}

/** Replaces (or, at index === length, appends) an item; an empty value removes it; a repeated item is kept once. */
export function setItem(items: readonly string[], index: number, value: string): string[] {
  const item = normaliseItem(value);
  const next = [...items];
  if (!item) return index < items.length ? removeItem(items, index) : next;
  if (index >= next.length) next.push(item);
  else next[index] = item;
  return next.filter((candidate, i) => next.indexOf(candidate) === i);
}

/**
 * Creator-only toggle: "creator - title" becomes "creator"; a creator-only item
 * gets back the title it had (`remembered`, the full item before the drop).
 */
export function toggleCreatorOnly(item: string, remembered: string | undefined): string {
  const { creator, title } = splitItem(item);
  if (title !== null) return creator;
  return remembered && splitItem(remembered).creator === creator ? remembered : item;
}

export function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
