// The item-extraction parser: the extractor's answer for one comment -> items.
// Mirrors the release's rec_str_to_list exactly, quirks included.
import { ENUMERATION, PY_SPACE_CLASS, pyDropLast, pyLength, pyStrip } from './python-text';

/** Whole answers (compared verbatim, before any cleaning) that mean "no items". */
export const NULL_ANSWERS: readonly string[] = ['None', 'None.', '- None', '', 'none', 'NONE'];

export const MIN_ITEM_LENGTH = 4;
export const MAX_ITEM_LENGTH = 100;

const BULLET = new RegExp(`^-[${PY_SPACE_CLASS}]`, 'u');
const EDGE_QUOTE = /^"|"$/g;
const TRAILING_NONE = ' - none';

/**
 * Cleans one answer line; returns null when the line is not an item.
 * Quirk kept from the release: when the line contains "- none" anywhere, its
 * last 7 characters are cut, whatever they are.
 */
export function cleanExtractionLine(line: string): string | null {
  let text = pyStrip(line.toLowerCase());
  text = text.replace(BULLET, '').replace(ENUMERATION, '');
  if (text.includes('- none')) text = pyDropLast(text, TRAILING_NONE.length);
  text = text.replace(EDGE_QUOTE, '');
  // Lines are lowercased, so only the lowercase null answers ("none", "") can match here:
  // a "None." line survives as the item "none." (as in the release).
  if (NULL_ANSWERS.includes(text)) return null;
  const length = pyLength(text);
  if (length > MAX_ITEM_LENGTH || length < MIN_ITEM_LENGTH) return null;
  return text;
}

/**
 * Items of one extractor answer, in answer order. An item repeated within one answer
 * is KEPT twice, as the release kept it: S_r then counts the comment's upvotes
 * once per occurrence (the release's `+= upvotes` per parsed line).
 * Lines split on "\n" only; a CR before it is stripped with the other
 * whitespace, a lone CR stays inside its line (Python's split('\n')).
 */
export function parseExtraction(answer: string | null | undefined): string[] {
  if (answer === null || answer === undefined || NULL_ANSWERS.includes(answer)) return [];
  const items: string[] = [];
  for (const line of answer.split('\n')) {
    const item = cleanExtractionLine(line);
    if (item !== null) items.push(item);
  }
  return items;
}
