// The keymap: one table that the key handler, the `?` overlay and the README
// all read, so the documentation cannot drift from the behaviour.

export type Command =
  | 'nextRequest'
  | 'previousRequest'
  | 'nextUnreviewed'
  | 'goTo'
  | 'confirmAndNext'
  | 'confirmRest'
  | 'nextComment'
  | 'previousComment'
  | 'nextItem'
  | 'previousItem'
  | 'addItem'
  | 'editItem'
  | 'removeItem'
  | 'creatorOnly'
  | 'suggestComment'
  | 'suggestRequest'
  | 'acceptSuggestion'
  | 'dismissSuggestion'
  | 'markValid'
  | 'invalidReason'
  | 'focusNote'
  | 'focusFilter'
  | 'openPermalink'
  | 'runModel'
  | 'nextRun'
  | 'previousRun'
  | 'nextTitle'
  | 'previousTitle'
  | 'titleRelevant'
  | 'titleWrongMatch'
  | 'titleUnsure'
  | 'choiceAgree'
  | 'choiceDisagree'
  | 'toggleRawAnswer'
  | 'focusAdjudication'
  | 'toggleHelp'
  | 'closeOverlay';

export interface KeyBinding {
  /** `KeyboardEvent.key` values that trigger the command. */
  keys: readonly string[];
  command: Command;
  description: string;
}

export const KEYMAP: readonly KeyBinding[] = [
  { keys: ['j', 'ArrowRight'], command: 'nextRequest', description: 'Next request' },
  { keys: ['k', 'ArrowLeft'], command: 'previousRequest', description: 'Previous request' },
  { keys: ['n'], command: 'nextUnreviewed', description: 'Next unreviewed request' },
  { keys: ['g'], command: 'goTo', description: 'Go to a request (id or position)' },
  {
    keys: ['Enter', 'c'],
    command: 'confirmAndNext',
    description: "Confirm the current comment's items (a correction is kept) and move to the next comment",
  },
  {
    keys: ['C'],
    command: 'confirmRest',
    description: "Confirm the rest of this request's comments (all without a verdict; asks first, one undo takes it back)",
  },
  { keys: ['ArrowDown'], command: 'nextComment', description: 'Next comment' },
  { keys: ['ArrowUp'], command: 'previousComment', description: 'Previous comment' },
  { keys: [']'], command: 'nextItem', description: 'Select the next item (then the suggestions) of the comment' },
  { keys: ['['], command: 'previousItem', description: 'Select the previous item (or suggestion) of the comment' },
  { keys: ['a'], command: 'addItem', description: 'Add an item to the current comment' },
  { keys: ['e'], command: 'editItem', description: 'Edit the selected item' },
  { keys: ['x', 'Delete'], command: 'removeItem', description: 'Remove the selected item' },
  { keys: ['t'], command: 'creatorOnly', description: 'Toggle creator-only on the selected item (drop the title)' },
  { keys: ['s'], command: 'suggestComment', description: 'Suggest items for the current comment (a second extractor)' },
  { keys: ['S'], command: 'suggestRequest', description: 'Suggest items for every comment of the request' },
  {
    keys: ['+'],
    command: 'acceptSuggestion',
    description: 'Accept the selected suggestion: add a possible miss, or remove a possibly wrong item',
  },
  {
    keys: ['-'],
    command: 'dismissSuggestion',
    description: 'Dismiss the selected suggestion (recorded: it stays reviewed)',
  },
  { keys: ['v'], command: 'markValid', description: 'Mark the request valid' },
  { keys: ['1', '2', '3', '4', '5', '6'], command: 'invalidReason', description: 'Mark invalid with reason 1-6' },
  { keys: ['i'], command: 'focusNote', description: 'Write a note' },
  { keys: ['f'], command: 'focusFilter', description: 'Choose the filter' },
  { keys: ['o'], command: 'openPermalink', description: 'Open the post on Reddit' },
  { keys: ['p'], command: 'runModel', description: 'Run a model on this request (choose task, prompt, input and profile)' },
  { keys: ['m'], command: 'nextRun', description: 'Select the next model run' },
  { keys: ['M'], command: 'previousRun', description: 'Select the previous model run' },
  { keys: ['.'], command: 'nextTitle', description: 'Select the next title of the selected run' },
  { keys: [','], command: 'previousTitle', description: 'Select the previous title of the selected run' },
  { keys: ['r'], command: 'titleRelevant', description: 'Verdict on the selected title: really relevant (again: take it back)' },
  { keys: ['w'], command: 'titleWrongMatch', description: 'Verdict on the selected title: wrong match (again: take it back)' },
  { keys: ['u'], command: 'titleUnsure', description: 'Verdict on the selected title: unsure (again: take it back)' },
  { keys: ['y'], command: 'choiceAgree', description: 'Verdict on the selected choice run: agree with its scoring' },
  { keys: ['d'], command: 'choiceDisagree', description: 'Verdict on the selected choice run: disagree with its scoring' },
  { keys: ['R'], command: 'toggleRawAnswer', description: 'Show or hide the raw answer of the selected run' },
  {
    keys: ['A'],
    command: 'focusAdjudication',
    description: 'Go to the adjudication panel (annotators disagree): Tab to an answer, Enter takes it',
  },
  { keys: ['?'], command: 'toggleHelp', description: 'Show or hide this help' },
  {
    keys: ['Escape'],
    command: 'closeOverlay',
    description:
      'Close the help, the enlarged image or an edit; else cancel Suggest Items or a streaming model run, or dismiss a failed or cancelled one',
  },
];

const byKey = new Map<string, Command>();
for (const binding of KEYMAP) for (const key of binding.keys) byKey.set(key, binding.command);

/** The command for a key press, or undefined. Modified keys belong to VS Code (undo, redo, palette). */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return byKey.get(event.key);
}

const KEY_LABELS = new Map([
  ['ArrowRight', '→'],
  ['ArrowLeft', '←'],
  ['ArrowDown', '↓'],
  ['ArrowUp', '↑'],
  ['Escape', 'Esc'],
]);

/** Human label for a key in the help table. */
export function keyLabel(key: string): string {
  return KEY_LABELS.get(key) ?? key;
}

// Dropdowns too: their arrow keys and letters pick options.
const TEXT_TAGS = new Set(['TEXTAREA', 'SELECT', 'VSCODE-DROPDOWN', 'VSCODE-TEXT-FIELD', 'VSCODE-TEXT-AREA', 'IA-TEXT-FIELD']);
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when the key press happens inside something the user types into, looking through shadow roots. */
export function isTyping(event: Event): boolean {
  return event.composedPath().some((target) => {
    if (!(target instanceof HTMLElement)) return false;
    if (target.isContentEditable || TEXT_TAGS.has(target.tagName)) return true;
    return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
  });
}

/** The keymap as a Markdown table, for the README (same source as the `?` overlay). */
export function keymapMarkdown(): string {
  const rows = KEYMAP.map((b) => `| ${b.keys.map((k) => `\`${keyLabel(k)}\``).join(' ')} | ${b.description} |`);
  return ['| Keys | Action |', '| --- | --- |', ...rows].join('\n');
}
