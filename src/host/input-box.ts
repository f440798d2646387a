// One question in an input box that checks its answer as it is typed and
// again on Enter. Built on createInputBox, not showInputBox, so the
// integration tests can reach the box on screen (its title and value) and
// answer it through the workbench's own accept and close commands.
import * as vscode from 'vscode';
import { uiText } from '../core/untrusted-text';

export interface Question {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  /** Why the answer cannot be taken, or undefined when it can. */
  check?: (value: string) => string | undefined;
}

let shown: vscode.InputBox | undefined;

/** The input box being asked, for the integration tests. */
export function shownInputBox(): vscode.InputBox | undefined {
  return shown;
}

/** The trimmed answer, or undefined when the person pressed Esc (or the box was closed). */
export function ask(question: Question): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = uiText(question.title);
  box.prompt = uiText(question.prompt);
  box.placeholder = question.placeholder;
  box.value = question.value ?? '';
  box.password = question.password === true;
  box.ignoreFocusOut = true;
  const problem = (value: string) => question.check?.(value);
  return new Promise((resolve) => {
    let answer: string | undefined;
    const subscriptions = [
      box.onDidChangeValue((value) => {
        box.validationMessage = problem(value);
      }),
      box.onDidAccept(() => {
        const why = problem(box.value);
        box.validationMessage = why;
        if (why !== undefined) return;
        answer = box.value.trim();
        box.hide();
      }),
      box.onDidHide(() => {
        for (const subscription of subscriptions) subscription.dispose();
        if (shown === box) shown = undefined;
        box.dispose();
        resolve(answer);
      }),
    ];
    shown = box;
    box.show();
  });
}
