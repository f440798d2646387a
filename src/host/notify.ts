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
  if (level === 'info') return vscode.window.showInformationMessage(text, shown, ...items);
  if (level === 'warning') return vscode.window.showWarningMessage(text, shown, ...items);
  return vscode.window.showErrorMessage(text, shown, ...items);
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
