// Data strings shown in a narrow place (a table cell, a plot label, a button):
// clamped to a readable length with an ellipsis. The caller keeps the whole
// value one action away (a title tooltip), so nothing is lost, only folded.

/** Longest data string shown whole in a table cell, a list line or a legend. */
export const DISPLAY_MAX = 160;

/** `text` cut to at most `max` characters, the last being "…"; never splits a surrogate pair. */
export function clampText(text: string, max = DISPLAY_MAX): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
