// What an annotator's corrections did to S_r: items added, removed, rescored.
export interface RelevanceChange {
  item: string;
  before: number | null;
  after: number | null;
}

export function relevanceChanges(
  release: readonly (readonly [string, number])[],
  corrected: readonly (readonly [string, number])[],
): RelevanceChange[] {
  const before = new Map(release);
  const after = new Map(corrected);
  const changes: RelevanceChange[] = [];
  for (const [item, score] of release) {
    const now = after.get(item);
    if (now === undefined) changes.push({ item, before: score, after: null });
    else if (now !== score) changes.push({ item, before: score, after: now });
  }
  for (const [item, score] of corrected) if (!before.has(item)) changes.push({ item, before: null, after: score });
  return changes;
}
