// Every notification the extension shows goes through here: messages carry
// data (file, queue and request names, server errors), and VS Code makes
// `[label](command:…)` in a notification a link that runs the command. So
// the whole message is passed through uiText (no link, no icon, no unpaired
// bidi control); our own messages hold no link, so nothing is lost.
import * as vscode from 'vscode';
import { uiText } from '../core/untrusted-text';

type Level = 'info' | 'warning' | 'error';

/** The last messages as shown, for the integration tests. */
const recent: { level: Level; text: string }[] = [];
const RECENT_KEPT = 20;

function show<T extends string>(
  level: Level,
  message: string,
  options: vscode.MessageOptions,
  items: T[],
): Thenable<T | undefined> {
  const text = uiText(message);
  const detail = options.detail === undefined ? {} : { detail: uiText(options.detail) };
  recent.push({ level, text });
  if (recent.length > RECENT_KEPT) recent.shift();
  const shown = { ...options, ...detail };
  const choice =
    level === 'info'
      ? vscode.window.showInformationMessage(text, shown, ...items)
      : level === 'warning'
        ? vscode.window.showWarningMessage(text, shown, ...items)
        : vscode.window.showErrorMessage(text, shown, ...items);
  if (items.length === 0) return choice;
  // A test presses a button through pressButton(); the person's click still wins if it comes first.
  return new Promise<T | undefined>((resolve) => {
    const entry = { text, items: items as string[], press: (item: string) => resolve(item as T) };
    buttons.add(entry);
    choice.then(
      (picked) => {
        buttons.delete(entry);
        resolve(picked);
      },
      () => {
        buttons.delete(entry);
        resolve(undefined);
      },
    );
  });
}

/** Notifications with buttons not yet answered, for the integration tests. */
const buttons = new Set<{ text: string; items: string[]; press: (item: string) => void }>();

/** Presses `item` on the newest unanswered notification whose text starts with `start`; false when there is none. */
export function pressButton(start: string, item: string): boolean {
  const entry = [...buttons].reverse().find((candidate) => candidate.text.startsWith(start) && candidate.items.includes(item));
  if (!entry) return false;
  buttons.delete(entry);
  entry.press(item);
  return true;
}

export const notify = {
  info: <T extends string>(message: string, ...items: T[]) => show('info', message, {}, items),
  warning: <T extends string>(message: string, ...items: T[]) => show('warning', message, {}, items),
  error: <T extends string>(message: string, ...items: T[]) => show('error', message, {}, items),
  /** A modal question; `detail` is escaped too. */
  ask: <T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]) =>
    show('warning', message, options, items),
};

export function recentNotifications(): readonly { level: Level; text: string }[] {
  return recent;
}
