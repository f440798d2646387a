// The multiple-choice answer parser (the release's choice_str_to_index).

export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/**
 * Index of the chosen candidate, or null when the answer names none (counted wrong).
 * The first character decides, except that an answer starting with "A" (index 0,
 * falsy in the release's `if not index`) or with no letter falls through to
 * searching "A." .. "E." anywhere in the text, in that order. So "A" alone gives
 * null, and "A: x (not B. y)" gives 1. Kept for comparability with the paper.
 */
export function parseChoice(answer: string): number | null {
  if (answer.length === 0) return null;
  const first = LETTERS.indexOf(answer[0] as (typeof LETTERS)[number]);
  if (first > 0) return first;
  const found = LETTERS.findIndex((letter) => answer.includes(`${letter}.`));
  return found === -1 ? null : found;
}
