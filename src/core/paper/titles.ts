// The generated-title parser: a model's rec_title answer -> candidate titles.
// Mirrors the release's title_str_to_list.
import { ENUMERATION, pyLength, pyStrip } from './python-text';

export const MIN_TITLE_LENGTH = 4;
export const MAX_TITLE_LENGTH = 100;

// Python's `"(.*?)"`; lines hold no "\n", so "." there is any character.
const QUOTED = /"([\s\S]*?)"/g;

/** One answer line -> a title, or null when it is not "creator - title" shaped. */
export function cleanTitleLine(line: string): string | null {
  const text = pyStrip(line.toLowerCase())
    .replace(ENUMERATION, '')
    .replace(QUOTED, '$1')
    .replaceAll('artist: ', '')
    .replaceAll('title: ', '');
  const length = pyLength(text);
  if (length > MAX_TITLE_LENGTH || length < MIN_TITLE_LENGTH) return null;
  if (!text.includes(' - ')) return null;
  return text;
}

/** Titles of one answer in order (the rank used by Hit@k is the position here); the first `limit` when given. */
export function parseTitles(answer: string, limit = Infinity): string[] {
  const titles: string[] = [];
  for (const line of answer.split('\n')) {
    if (titles.length >= limit) break;
    const title = cleanTitleLine(line);
    if (title !== null) titles.push(title);
  }
  return titles;
}
