// "Imagery: 12/796 reviewed" for the active annotator editor; while a review
// queue is walked, this annotator's progress on the queue instead.
import * as vscode from 'vscode';
import type { EditorRegistry } from '../editor/registry';
import type { ReviewQueueSession } from '../queue/queue-session';
import { uiText } from '../../core/untrusted-text';

export class ProgressStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imageryAnnotator.progress', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly registry: EditorRegistry,
    private readonly queue?: ReviewQueueSession,
  ) {
    this.item.name = 'Imagery Annotator Progress';
    this.disposables.push(
      ...(queue ? [queue.onDidChange(() => this.update())] : []),
      registry.onDidChangeActivePanel(() => this.update()),
      registry.onDidChangeProgress(() => this.update()),
    );
    this.update();
  }

  /** The text shown, or undefined when hidden (for tests). */
  get text(): string | undefined {
    return this.registry.activePanel ? this.item.text : undefined;
  }

  get tooltip(): string | undefined {
    return this.registry.activePanel ? String(this.item.tooltip ?? '') : undefined;
  }

  update(): void {
    const panel = this.registry.activePanel;
    if (!panel) {
      this.item.hide();
      return;
    }
    const walked = this.queue?.current;
    if (walked) {
      this.item.text = uiText(`Imagery: queue ${walked.name} ${walked.done}/${walked.total} done`);
      this.item.tooltip = uiText(
        `Review queue ${walked.name}: you have done ${walked.done} of ${walked.total} items; item ${walked.index + 1} is current. Click: leave the queue.`,
      );
      this.item.command = 'imageryAnnotator.leaveReviewQueue';
      this.item.show();
      return;
    }
    this.item.command = 'imageryAnnotator.nextUnreviewed';
    const { reviewed, total, invalid } = panel.document.progress();
    this.item.text = `Imagery: ${reviewed}/${total} reviewed`;
    this.item.tooltip = uiText(
      `${panel.document.shardName}: ${reviewed} of ${total} reviewed (${invalid} invalid). Click: next unreviewed request.`,
    );
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
