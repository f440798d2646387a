// "$(sync~spin) Running gpt-4o… Esc cancels" while a model run started from
// the editor streams: the live card may be out of sight, this is not. A click
// cancels the newest run; the item goes once no run is running or waiting.
import * as vscode from 'vscode';
import { uiText } from '../../core/untrusted-text';

export const CANCEL_RUN_COMMAND = 'imageryAnnotator.cancelModelRun';

/** The item's text for a running model; the name is data, so it cannot become an icon or a link. */
export function runningText(model: string, others: number): string {
  const more = others > 0 ? ` (+${others})` : '';
  return `$(sync~spin) Running ${uiText(model)}…${more} Esc cancels`;
}

export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imageryAnnotator.modelRun', vscode.StatusBarAlignment.Left, 99);

  constructor() {
    this.item.name = 'Imagery Annotator Model Run';
    this.item.command = CANCEL_RUN_COMMAND;
  }

  /** The text shown, or undefined when hidden (for tests). */
  text: string | undefined;

  /** `models`: the models of the active runs, oldest first. */
  show(models: readonly string[]): void {
    const newest = models.at(-1);
    if (newest === undefined) {
      this.text = undefined;
      this.item.hide();
      return;
    }
    this.text = runningText(newest, models.length - 1);
    this.item.text = this.text;
    this.item.tooltip = uiText(`A model run is streaming: ${newest}. Click or press Esc in the editor to cancel it.`);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
