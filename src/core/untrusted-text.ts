// Text from data (file, queue and profile names, model answers, annotator
// names, items) on its way to a surface that reads some characters as more than
// text: VS Code's notifications, status bar and quick picks (links, icons), a
// terminal (control sequences), Markdown (math). One home for those rules, so
// every surface escapes alike. No `vscode` import: the CLI and tests use it too.

const EMBEDDING_OPENERS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']); // LRE RLE LRO RLO
const PDF = '\u202c';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const PDI = '\u2069';
/** Where the Unicode bidi algorithm ends every embedding and isolate. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const PARAGRAPH_END = /[\n\r\u001c-\u001e\u0085\u2029]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Drops the bidi controls that have no partner on their line: an unclosed
 * right-to-left override (U+202E) in a name would otherwise reverse our own
 * text after it. Paired controls stay, so right-to-left data still reads right.
 */
export function stripUnpairedBidi(text: string, keepOpenEmbeddings = false): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const drop = new Set<number>();
  let open: number[] = []; // indices of the openers not yet closed on this line
  // An embedding left open is harmless where an isolate around the text ends it (see isolate()).
  const unclosed = (index: number) => {
    if (!keepOpenEmbeddings || !EMBEDDING_OPENERS.has(text[index])) drop.add(index);
  };
  const closeLine = () => {
    open.forEach(unclosed);
    open = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (PARAGRAPH_END.test(char)) {
      if (!keepOpenEmbeddings) closeLine();
    } else if (EMBEDDING_OPENERS.has(char) || ISOLATE_OPENERS.has(char)) open.push(i);
    else if (char === PDF) {
      // A PDF closes the last embedding, never across an isolate.
      const last = open.at(-1);
      if (last !== undefined && EMBEDDING_OPENERS.has(text[last])) open.pop();
      else drop.add(i);
    } else if (char === PDI) {
      const isolate = open.findLastIndex((index) => ISOLATE_OPENERS.has(text[index]));
      if (isolate === -1) drop.add(i);
      else {
        open.slice(isolate + 1).forEach(unclosed); // embeddings left open inside the isolate, which ends them
        open = open.slice(0, isolate);
      }
    }
  }
  closeLine();
  if (drop.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i];
  return out;
}

// C0 controls but tab and line feed, DEL, C1 controls (U+009B is a terminal's CSI).
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters as visible escapes ("\x1b"): printed raw they would move a terminal's cursor or recolour it. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** What a terminal gets: no control sequence, no unpaired bidi control. */
export function terminalText(text: string): string {
  return stripUnpairedBidi(escapeControls(text));
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Text for VS Code's own surfaces: notifications and progress (which make
 * `[label](command:…)` a clickable link), the status bar, quick picks and tree
 * items (which make `$(name)` an icon). A zero-width space between `]` and `(`
 * and between `$` and `(` breaks both forms and shows the same characters. It is
 * used rather than VS Code's `\$(` escape because notifications do not read that
 * escape (the backslash would show) and it does not stop links.
 */
export function uiText(text: string): string {
  return stripUnpairedBidi(escapeControls(text)).replace(/([\]$])\(/g, `$1${ZERO_WIDTH_SPACE}(`);
}

const FSI = '\u2068';

/**
 * A data string marked as one run inside our own text (first-strong isolate …
 * pop directional isolate): right-to-left data reads right, and neither it nor
 * an override in it reorders the words around it. HTML renders the run as a
 * `<bdi>` (see isolatedRuns); Markdown keeps the two marks. Inside, stray
 * closers and unclosed isolates go (they would end ours early or late); an
 * override left open stays, as the data has it: the isolate's end ends it.
 */
export function isolate(text: string): string {
  return FSI + stripUnpairedBidi(text, true) + PDI;
}

/** Our text and the isolated data runs in it, in order, without the marks isolate() added. */
export function isolatedRuns(text: string): { text: string; data: boolean }[] {
  if (![...ISOLATE_OPENERS].some((opener) => text.includes(opener))) return [{ text, data: false }];
  const runs: { text: string; data: boolean }[] = [];
  let start = 0;
  let depth = 0;
  let ours = true; // the run was opened by isolate()'s FSI (else by data's own isolate, whose marks stay)
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (ISOLATE_OPENERS.has(char)) {
      if (depth === 0) {
        if (i > start) runs.push({ text: text.slice(start, i), data: false });
        ours = char === FSI;
        start = ours ? i + 1 : i;
      }
      depth++;
    } else if (char === PDI && depth > 0 && --depth === 0) {
      runs.push({ text: text.slice(start, ours ? i : i + 1), data: true });
      start = i + 1;
    }
  }
  if (start < text.length) runs.push({ text: text.slice(start), data: depth > 0 });
  return runs;
}
