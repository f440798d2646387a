// Invented first-level comments and the extractor answers for them, written
// the way a chat model answers: numbered lines, "- " bullets, or "None".
// Some answers miss an item the comment names: work for the annotator.
import type { NameGenerator } from './names';
import type { SampleDomain } from './requests';

export interface Item {
  creator: string;
  title: string;
}

export interface SampleComment {
  raw: string;
  processed: string;
  upvotes: number;
}

const STYLES = ['single', 'list', 'creatorOnly', 'none', 'missed'] as const;

export function itemPool(names: NameGenerator, domain: SampleDomain, size: number): Item[] {
  const pool: Item[] = [];
  const seen = new Set<string>();
  while (pool.length < size) {
    const item = { creator: names.creator(domain), title: names.title() };
    const key = `${item.creator} - ${item.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pool.push(item);
  }
  return pool;
}

const line = (item: Item) => `${item.creator} - ${item.title}`;

function commentWith(style: (typeof STYLES)[number], names: NameGenerator, pool: readonly Item[], domain: SampleDomain) {
  const first = names.pick(pool);
  const second = names.pick(pool.filter((item) => item !== first));
  const noun = domain === 'books' ? 'book' : 'track';
  switch (style) {
    case 'single':
      return { raw: `Try *${first.title}* by ${first.creator}, it has exactly this ${noun === 'book' ? 'mood' : 'glow'}.`, processed: line(first) };
    case 'list':
      return {
        raw: `A few that come to mind:\n\n- ${first.creator}, ${first.title}\n- ${second.title} (${second.creator})`,
        processed: `1. ${line(first)}\n2. ${line(second)}`,
      };
    case 'creatorOnly':
      return { raw: `Anything by ${first.creator}.`, processed: `- ${first.creator}` };
    case 'none':
      return { raw: 'What a beautiful picture, saving this thread!', processed: 'None' };
    case 'missed':
      return {
        raw: `${first.title} by ${first.creator}. Also the ${noun} ${second.title} by ${second.creator} if you want something darker.`,
        processed: line(first),
      };
  }
}

/** `count` comments over `pool`; every fifth comment (from the fourth) has negative upvotes. */
export function makeComments(
  names: NameGenerator, pool: readonly Item[], domain: SampleDomain, count: number, noItems: boolean,
): SampleComment[] {
  const comments: SampleComment[] = [];
  for (let index = 0; index < count; index++) {
    const style = noItems ? 'none' : STYLES[index === 0 ? 0 : names.index(STYLES.length)];
    const upvotes = index % 5 === 3 ? -1 - names.index(3) : names.index(40);
    comments.push({ ...commentWith(style, names, pool, domain), upvotes });
  }
  return comments;
}
