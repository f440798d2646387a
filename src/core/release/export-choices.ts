// Multiple-choice candidates for the corrected release. The released ones are
// kept while still valid, so stored rec_choice answers stay comparable; the
// others are drawn reproducibly: the release did not seed its sampling, an
// export must. Each request gets its own generator derived from (seed, domain,
// request id), so the bytes do not depend on how requests are split into
// shards or visited.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { MultipleChoice } from '../shard/schema';

export const NEGATIVES_PER_REQUEST = 4;

/** Why a request's candidates were drawn again instead of kept as released. */
export type ResampleReason = 'positive changed' | 'a negative became relevant' | 'no released choices';

/**
 * The released candidates when the corrected positive is still the released
 * one and no released negative is among the corrected items; else the reason
 * they must be drawn again.
 */
export function keptChoice(
  released: MultipleChoice | null,
  positive: string,
  requestItems: ReadonlySet<string>,
): { kept: MultipleChoice } | { reason: ResampleReason } {
  if (released === null) return { reason: 'no released choices' };
  if (released.choices[released.true_index] !== positive) return { reason: 'positive changed' };
  const negativeRelevant = released.choices.some((choice, index) => index !== released.true_index && requestItems.has(choice));
  return negativeRelevant ? { reason: 'a negative became relevant' } : { kept: released };
}

type Rng = ReturnType<typeof xoroshiro128plus>;

/** The generator for one request: the seed mixed with a 32-bit FNV-1a hash of "domain/id". */
export function requestRng(seed: number, domain: string, requestId: string): Rng {
  let hash = 0x811c9dc5;
  for (const char of `${domain}/${requestId}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return xoroshiro128plus((seed ^ hash) | 0);
}

/**
 * The paper's rule: the positive plus 4 negatives drawn uniformly, without
 * replacement, from the domain's items minus this request's items, the 5
 * shuffled. Null when the domain has fewer than 4 items to draw from.
 */
export function sampleChoices(
  positive: string,
  requestItems: ReadonlySet<string>,
  domainItems: readonly string[],
  domainItemSet: ReadonlySet<string>,
  rng: Rng,
): MultipleChoice | null {
  let excluded = 0;
  for (const item of requestItems) if (domainItemSet.has(item)) excluded++;
  if (domainItems.length - excluded < NEGATIVES_PER_REQUEST) return null;
  const negatives = new Set<string>();
  // Rejection sampling: uniform over the allowed items without building that list per request.
  while (negatives.size < NEGATIVES_PER_REQUEST) {
    const item = domainItems[uniformInt(rng, 0, domainItems.length - 1)];
    if (!requestItems.has(item)) negatives.add(item);
  }
  const choices = [positive, ...negatives];
  for (let i = choices.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [choices[i], choices[j]] = [choices[j], choices[i]];
  }
  return { choices, true_index: choices.indexOf(positive) };
}
