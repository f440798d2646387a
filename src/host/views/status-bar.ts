// "Imagery: 12/796 reviewed" for the active annotator editor.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editor/registry';

export class ProgressStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imageryAnnotator.progress', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly registry: EditorRegistry) {
    this.item.name = 'Imagery Annotator Progress';
    this.item.command = 'imageryAnnotator.nextUnreviewed';
    this.disposables.push(
      registry.onDidChangeActivePanel(() => this.update()),
      registry.onDidChangeProgress(() => this.update()),
    );
    this.update();
  }

  /** The text shown, or undefined when hidden (for tests). */
  get text(): string | undefined {
    return this.registry.activePanel ? this.item.text : undefined;
  }

  update(): void {
    const panel = this.registry.activePanel;
    if (!panel) {
      this.item.hide();
      return;
    }
    const { reviewed, total, invalid } = panel.document.progress();
    this.item.text = `Imagery: ${reviewed}/${total} reviewed`;
    this.item.tooltip = `${panel.document.shardName}: ${reviewed} of ${total} reviewed (${invalid} invalid). Click: next unreviewed request.`;
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
