// Items as compared between decisions: ignoring case, surrounding blanks and
// runs of blanks (the extraction parser lowercases; typed corrections may not).
export function normalizeItem(item: string): string {
  return item.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function itemSet(items: readonly string[]): Set<string> {
  return new Set(items.map(normalizeItem).filter((item) => item !== ''));
}

/** One key per set of items, whatever their order or case. */
export function itemSetKey(items: readonly string[]): string {
  return JSON.stringify([...itemSet(items)].sort());
}
