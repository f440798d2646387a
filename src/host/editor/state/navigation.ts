// Where a navigation request lands, given what each position's request looks
// like. Pure (no vscode import) so the rules stay easy to reason about.
import type { Filter, NavTarget } from '../../../protocol';

/** What the filters need to know about one position of the shard. */
export interface RequestFacts {
  reviewed: boolean;
  invalid: boolean;
  corrected: boolean;
  hasNotes: boolean;
}

export const UNTOUCHED: RequestFacts = { reviewed: false, invalid: false, corrected: false, hasNotes: false };

export function passesFilter(filter: Filter, facts: RequestFacts): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unreviewed':
      return !facts.reviewed;
    case 'invalid':
      return facts.invalid;
    case 'corrected':
      return facts.corrected;
    case 'has-notes':
      return facts.hasNotes;
  }
}

/** Positions (ascending) whose request passes the filter. */
export function matchingPositions(size: number, filter: Filter, factsAt: (position: number) => RequestFacts): number[] {
  const out: number[] = [];
  for (let position = 0; position < size; position++) {
    if (passesFilter(filter, factsAt(position))) out.push(position);
  }
  return out;
}

/** The positions a next and a previous press would land on from `current`, as `land` finds them (undefined: none). */
export function neighbours(current: number, matching: readonly number[]): [number | undefined, number | undefined] {
  // Binary search: `matching` holds every position of a million-request shard under "all".
  let low = 0;
  let high = matching.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (matching[middle] <= current) low = middle + 1;
    else high = middle;
  }
  const next = matching[low];
  const previous = matching[low - 1] === current ? matching[low - 2] : matching[low - 1];
  return [next, previous];
}

export type Landing = { position: number } | { error: string };

export interface NavContext {
  current: number;
  size: number;
  /** Positions passing the current filter, ascending. */
  matching: readonly number[];
  factsAt: (position: number) => RequestFacts;
  positionOfId: (id: string) => Promise<number | undefined>;
}

/**
 * next/previous/first/last move within the filtered list (by position, so a
 * request that just stopped matching still has a well-defined neighbour);
 * nextUnreviewed ignores the filter and wraps; position/id jump anywhere.
 */
export async function land(target: NavTarget, nav: NavContext): Promise<Landing> {
  const { current, matching } = nav;
  switch (target.kind) {
    case 'first':
      return matching.length ? { position: matching[0] } : { error: 'No request matches the filter' };
    case 'last':
      return matching.length ? { position: matching[matching.length - 1] } : { error: 'No request matches the filter' };
    case 'next': {
      const found = matching.find((p) => p > current);
      return found === undefined ? { error: 'Already at the last request' } : { position: found };
    }
    case 'previous': {
      const found = [...matching].reverse().find((p) => p < current);
      return found === undefined ? { error: 'Already at the first request' } : { position: found };
    }
    case 'nextUnreviewed': {
      for (let step = 1; step <= nav.size; step++) {
        const position = (current + step) % nav.size;
        if (!nav.factsAt(position).reviewed) return { position };
      }
      return { error: 'Every request is reviewed' };
    }
    case 'position':
      return target.position < nav.size
        ? { position: target.position }
        : { error: `No position ${target.position + 1}: the shard has ${nav.size} requests` };
    case 'id': {
      const position = await nav.positionOfId(target.id);
      return position === undefined ? { error: `No request with id "${target.id}" in this shard` } : { position };
    }
  }
}

/** Where to stand after the filter changed: stay if the current request matches, else the next match (or the first). */
export function settleAfterFilter(current: number, matching: readonly number[]): number {
  if (matching.length === 0 || matching.includes(current)) return current;
  return matching.find((p) => p > current) ?? matching[0];
}
