// Which documents and panels are open, and which panel is active: what the
// commands, the status bar and the shard tree act on.
import * as vscode from 'vscode';
import type { AnnotatorDocument } from './document';
import type { QueueWalk } from './state/queue-walk';
import type { PanelController } from './panel';

export class EditorRegistry implements vscode.Disposable {
  private readonly openDocuments = new Set<AnnotatorDocument>();
  private readonly openPanels = new Set<PanelController>();
  private activeController: PanelController | undefined;
  private readonly activeChanged = new vscode.EventEmitter<PanelController | undefined>();
  private readonly progressChanged = new vscode.EventEmitter<AnnotatorDocument>();

  readonly onDidChangeActivePanel = this.activeChanged.event;
  /** A document's annotation state changed (its progress may have). */
  readonly onDidChangeProgress = this.progressChanged.event;
  /** The review queue being walked: next / previous in its shards go through its items. */
  queueWalk: QueueWalk | undefined;

  addDocument(document: AnnotatorDocument): void {
    this.openDocuments.add(document);
    const listener = document.onDidChangeState(() => this.progressChanged.fire(document));
    document.onDidDispose(() => {
      listener.dispose();
      this.openDocuments.delete(document);
      this.progressChanged.fire(document);
    });
  }

  addPanel(controller: PanelController): void {
    this.openPanels.add(controller);
    const { panel } = controller;
    const viewState = panel.onDidChangeViewState(() => {
      if (panel.active) this.setActive(controller);
      else if (this.activeController === controller) this.setActive(undefined);
    });
    panel.onDidDispose(() => {
      viewState.dispose();
      controller.dispose();
      this.openPanels.delete(controller);
      if (this.activeController === controller) this.setActive(undefined);
    });
    if (panel.active) this.setActive(controller);
  }

  private setActive(controller: PanelController | undefined): void {
    if (this.activeController === controller) return;
    this.activeController = controller;
    this.activeChanged.fire(controller);
  }

  get activePanel(): PanelController | undefined {
    return this.activeController;
  }

  documents(): AnnotatorDocument[] {
    return [...this.openDocuments];
  }

  panels(): PanelController[] {
    return [...this.openPanels];
  }

  panelsOf(document: AnnotatorDocument): PanelController[] {
    return this.panels().filter((controller) => controller.document === document);
  }

  /** The open document of this shard file, if any (for live progress in the tree). */
  documentFor(uri: vscode.Uri): AnnotatorDocument | undefined {
    return this.documents().find((document) => document.uri.toString() === uri.toString());
  }

  dispose(): void {
    this.activeChanged.dispose();
    this.progressChanged.dispose();
  }
}
