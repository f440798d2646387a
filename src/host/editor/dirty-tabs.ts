// Runs the dirty table (model/dirty-table.ts) for one view type: relays edits
// to VS Code, keeps hot-exit backups, and clears a dirty marker VS Code set
// when nothing is unsaved. Every workaround for VS Code's dirty marker lives
// here; the provider only tells this module what happened.
import * as vscode from 'vscode';
import type { AnnotationEvent } from '../../core/annotations/events';
import { output } from '../output';
import { deleteStorageFile } from '../storage-files';
import { BackupPointers, readBackup, writeBackup } from './backup';
import type { AnnotationEdit, AnnotatorDocument } from './document';
import { effectsOf, type Trigger } from './state/dirty-table';

export class DirtyTabs implements vscode.Disposable {
  /** Documents reopened with unsaved work VS Code did not name (no backupId): their first panel marks them dirty. */
  private readonly restoredUnnamed = new WeakSet<AnnotatorDocument>();
  private readonly pendingSaves = new WeakMap<AnnotatorDocument, NodeJS.Timeout>();
  private readonly tabWatcher: vscode.Disposable;

  constructor(
    private readonly viewType: string,
    readonly pointers: BackupPointers,
    private readonly relay: (edit: AnnotationEdit) => void,
    documentFor: (uri: vscode.Uri) => AnnotatorDocument | undefined,
  ) {
    // VS Code marks a tab dirty on its own schedule (e.g. reopened from a backup of work since saved).
    this.tabWatcher = vscode.window.tabGroups.onDidChangeTabs(({ opened, changed }) => {
      for (const tab of [...opened, ...changed]) {
        const input = this.dirtyInput(tab);
        const document = input && documentFor(input.uri);
        if (document) void this.run(document, 'tab-dirty');
      }
    });
  }

  /**
   * The unsaved events to restore when a document opens: from the backup our
   * pointer names (the newest, even when VS Code's `backupId` is missing or
   * stale), else from VS Code's own backup. Events already in the log (saved
   * since) are dropped by the document, so a stale backup restores nothing.
   */
  async unsavedWork(uri: vscode.Uri, backupId: string | undefined): Promise<AnnotationEvent[] | undefined> {
    const newest = await this.pointers.newest(uri);
    const fromPointer = newest && (await readBackup(newest));
    if (fromPointer?.length) return fromPointer;
    const fromVsCode = backupId === undefined ? undefined : await readBackup(vscode.Uri.parse(backupId, true));
    return fromVsCode?.length ? fromVsCode : undefined;
  }

  /** Follows a freshly opened document's edits and state changes until it is disposed. */
  track(document: AnnotatorDocument, backupId: string | undefined): vscode.Disposable {
    if (document.isDirty && !backupId) this.restoredUnnamed.add(document);
    const subscriptions = [
      document.onDidEdit((edit) => void this.run(document, 'edit', edit)),
      // Undo, redo and outside changes come here, not as edits.
      document.onDidChangeState(() => void this.run(document, 'undo')),
    ];
    return new vscode.Disposable(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      // "Don't Save" reverts first (which forgets the backup). Unsaved events still here mean the window
      // is going away (a closed browser tab's host outlives it): the next window restores from them.
      if (document.pendingEvents.length === 0) void this.pointers.forget(document.uri);
    });
  }

  /** A panel of the document exists (the first one, for a document just opened). */
  async reopened(document: AnnotatorDocument): Promise<void> {
    await this.run(document, 'reopen');
  }

  async saved(document: AnnotatorDocument): Promise<void> {
    await this.run(document, 'save');
  }

  async reverted(document: AnnotatorDocument): Promise<void> {
    await this.run(document, 'revert');
  }

  async backup(document: AnnotatorDocument, destination: vscode.Uri): Promise<vscode.CustomDocumentBackup> {
    await this.run(document, 'backup', undefined, destination);
    return {
      id: destination.toString(),
      delete: async () => {
        await deleteStorageFile(destination);
        await this.pointers.clear(document.uri, destination);
      },
    };
  }

  private async run(
    document: AnnotatorDocument,
    trigger: Trigger,
    edit?: AnnotationEdit,
    destination?: vscode.Uri,
  ): Promise<void> {
    for (const effect of effectsOf(document.saveMode, trigger)) {
      switch (effect) {
        case 'relay-edit':
          if (edit) this.relay(edit);
          break;
        case 'keep-own-backup':
          this.keepOwnBackup(document);
          break;
        case 'clean-tab':
          if (trigger !== 'reopen' || this.tabShowsDirty(document)) this.cleanTab(document);
          break;
        case 'forget-backup':
          await this.pointers.forget(document.uri);
          break;
        case 'write-backup':
          if (destination) await this.writeBackup(document, destination);
          break;
        case 'mark-restored':
          // VS Code does not know the document has unsaved work: an edit event marks it dirty (and saveable).
          if (this.restoredUnnamed.delete(document)) this.relay(emptyEdit(document, 'Restore unsaved annotations'));
          break;
        case 'wake-stale-tab':
          if (!document.isDirty && this.tabShowsDirty(document)) this.relay(emptyEdit(document, 'Reopen'));
          break;
      }
    }
  }

  private async writeBackup(document: AnnotatorDocument, destination: vscode.Uri): Promise<void> {
    await document.settled();
    const pending = document.pendingEvents;
    await writeBackup(destination, document.uri, pending);
    // Nothing unsaved (immediate mode): no pointer, so a reopen loads from disk.
    if (pending.length) await this.pointers.point(document.uri, destination, () => document.pendingEvents.length > 0);
    else await this.pointers.forget(document.uri);
  }

  /** The unsaved events are on disk (our backup) as soon as the edit is, not a second later. */
  private keepOwnBackup(document: AnnotatorDocument): void {
    document
      .settled()
      .then(() => this.pointers.keep(document.uri, document.pendingEvents))
      .catch((error: unknown) =>
        output().error(`${document.uri.fsPath}: could not back up unsaved annotations: ${String(error)}`),
      );
  }

  /** A tab marked dirty with nothing unsaved (an edit event, or a reopen from VS Code's backup): a no-op save clears it. */
  private cleanTab(document: AnnotatorDocument): void {
    if (document.isDirty) return;
    clearTimeout(this.pendingSaves.get(document));
    this.pendingSaves.set(
      document,
      setTimeout(() => {
        this.pendingSaves.delete(document);
        // A save started meanwhile (Ctrl+S) may cancel this one or be cancelled by it; either way the tab ends clean.
        vscode.workspace.save(document.uri).then(undefined, () => undefined);
      }, 0),
    );
  }

  /** The tab may have opened dirty before its document was known to the tab watcher. */
  private tabShowsDirty(document: AnnotatorDocument): boolean {
    const uri = document.uri.toString();
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => this.dirtyInput(tab)?.uri.toString() === uri));
  }

  /** The input of one of our tabs that shows unsaved changes, else undefined. */
  private dirtyInput(tab: vscode.Tab): vscode.TabInputCustom | undefined {
    const { input } = tab;
    return tab.isDirty && input instanceof vscode.TabInputCustom && input.viewType === this.viewType ? input : undefined;
  }

  dispose(): void {
    this.tabWatcher.dispose();
  }
}

/** An edit with nothing to undo: it only tells VS Code that the document changed. */
function emptyEdit(document: AnnotatorDocument, label: string): AnnotationEdit {
  const nothing = async () => undefined;
  return { document, label, undo: nothing, redo: nothing };
}
