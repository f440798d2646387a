// The custom editor provider: opens documents (restoring unsaved work from
// backups), resolves panels, and maps VS Code's save/revert/backup onto the
// document. One instance per view type, since VS Code routes each provider's
// change events to its own documents.
import * as vscode from 'vscode';
import type { AnnotationEvent } from '../../core/annotations/events';
import { configuredAnnotator, configuredSaveMode } from '../config';
import { output } from '../output';
import { BackupPointers, deleteQuietly, readBackup, writeBackup } from './backup';
import { AnnotatorDocument, type AnnotationEdit } from './document';
import { imageRootsFor } from './model/image-roots';
import { LastRequests } from './last-requests';
import { watchLog } from './log-watcher';
import { PanelController } from './panel';
import type { EditorRegistry } from './registry';

export const SHARD_VIEW_TYPE = 'imageryAnnotator.shard';
export const JSONL_VIEW_TYPE = 'imageryAnnotator.jsonl';

/** What to do once the first panel of a freshly opened document exists. */
type AfterOpen = 'mark-restored' | undefined;

export class AnnotatorEditorProvider implements vscode.CustomEditorProvider<AnnotatorDocument> {
  private readonly changed = new vscode.EventEmitter<AnnotationEdit>();
  readonly onDidChangeCustomDocument = this.changed.event;
  private readonly afterOpen = new WeakMap<AnnotatorDocument, AfterOpen>();
  private readonly pendingSaves = new WeakMap<AnnotatorDocument, NodeJS.Timeout>();

  constructor(
    readonly viewType: string,
    private readonly extensionUri: vscode.Uri,
    readonly pointers: BackupPointers,
    private readonly lastRequests: LastRequests,
    private readonly registry: EditorRegistry,
  ) {}

  static register(context: vscode.ExtensionContext, registry: EditorRegistry): AnnotatorEditorProvider[] {
    const storage = context.storageUri ?? context.globalStorageUri;
    const pointers = new BackupPointers(vscode.Uri.joinPath(storage, 'backup-pointers'));
    const lastRequests = new LastRequests(vscode.Uri.joinPath(storage, 'last-request'));
    const providers = [SHARD_VIEW_TYPE, JSONL_VIEW_TYPE].map((viewType) => {
      const provider = new AnnotatorEditorProvider(viewType, context.extensionUri, pointers, lastRequests, registry);
      context.subscriptions.push(
        provider.changed,
        vscode.window.registerCustomEditorProvider(viewType, provider, {
          supportsMultipleEditorsPerDocument: true,
          webviewOptions: { retainContextWhenHidden: false },
        }),
      );
      return provider;
    });
    // VS Code marks a tab dirty on its own schedule (e.g. reopened from a backup of work since saved):
    // whenever one of ours turns dirty with nothing unsaved, clear it.
    context.subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs(({ opened, changed }) => {
        for (const tab of [...opened, ...changed]) {
          const input = dirtyCustomInput(tab);
          if (!input) continue;
          const document = registry.documentFor(input.uri);
          const provider = providers.find((candidate) => candidate.viewType === input.viewType);
          if (document && provider) provider.saveWhenNothingUnsaved(document);
        }
      }),
    );
    return providers;
  }

  async openCustomDocument(uri: vscode.Uri, openContext: vscode.CustomDocumentOpenContext): Promise<AnnotatorDocument> {
    const { restored, afterOpen } = await this.findUnsavedWork(uri, openContext.backupId);
    let document: AnnotatorDocument;
    try {
      document = await AnnotatorDocument.open(uri, { annotator: configuredAnnotator(), saveMode: configuredSaveMode, restored });
    } catch (error) {
      const message = `Imagery Annotator could not open ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`;
      output().error(message);
      void vscode.window.showErrorMessage(message);
      throw new Error(message);
    }
    for (const warning of document.loadWarnings) output().warn(`${warning.file}:${warning.line}: ${warning.reason}`);
    this.afterOpen.set(document, afterOpen);
    const subscriptions = [
      watchLog(document),
      document.onDidEdit((edit) => {
        this.changed.fire(edit);
        this.clearDirtyWhenImmediate(document);
        this.keepUnsaved(document);
      }),
      // Undo, redo and outside changes come here, not as edits.
      document.onDidChangeState(() => {
        this.clearDirtyWhenImmediate(document);
        this.keepUnsaved(document);
      }),
      document.onLogWarnings((warnings) => warnings.forEach((w) => output().warn(`${w.file}:${w.line}: ${w.reason}`))),
    ];
    document.onDidDispose(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      // VS Code disposes a document only when its last editor is closed by hand: unsaved work there
      // was refused ("Don't Save"). A window that closes or reloads disposes nothing, so hot exit keeps it.
      void this.pointers.forget(document.uri);
    });
    this.registry.addDocument(document);
    return document;
  }

  /**
   * Our pointer names the newest backup even when VS Code's `backupId` is
   * missing or stale; a `backupId` without a pointer means the work was saved
   * since (the pointer is removed on save), so the disk is the truth.
   */
  private async findUnsavedWork(uri: vscode.Uri, backupId: string | undefined): Promise<{ restored?: AnnotationEvent[]; afterOpen: AfterOpen }> {
    const newest = await this.pointers.newest(uri);
    const fromPointer = newest && (await readBackup(newest));
    if (fromPointer?.length) return { restored: fromPointer, afterOpen: backupId ? undefined : 'mark-restored' };
    // A backupId without a pointer: the work was saved since. VS Code still marks the tab dirty; the tab watcher clears it.
    return { afterOpen: undefined };
  }

  async resolveCustomEditor(document: AnnotatorDocument, panel: vscode.WebviewPanel): Promise<void> {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    const trustManifest = vscode.workspace.isTrusted;
    const { roots, warnings } = await imageRootsFor({ shardFile: document.uri.fsPath, workspaceFolders, trustManifest });
    for (const warning of warnings) output().warn(warning);
    const controller = new PanelController(document, panel, {
      extensionUri: this.extensionUri,
      imageRoots: roots,
      lastRequests: this.lastRequests,
    });
    this.registry.addPanel(controller);
    const afterOpen = this.afterOpen.get(document);
    this.afterOpen.delete(document);
    if (afterOpen === 'mark-restored') {
      // VS Code does not know the document has unsaved work: an edit event marks it dirty (and saveable).
      const nothing = async () => undefined;
      this.changed.fire({ document, label: 'Restore unsaved annotations', undo: nothing, redo: nothing });
    }
    // The tab may have opened dirty before this document was known to the tab watcher.
    const uri = document.uri.toString();
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    if (tabs.some((tab) => dirtyCustomInput(tab)?.uri.toString() === uri)) this.saveWhenNothingUnsaved(document);
  }

  async saveCustomDocument(document: AnnotatorDocument): Promise<void> {
    await document.save();
    await this.pointers.forget(document.uri);
  }

  async saveCustomDocumentAs(document: AnnotatorDocument, destination: vscode.Uri): Promise<void> {
    await document.saveAs(destination);
  }

  async revertCustomDocument(document: AnnotatorDocument): Promise<void> {
    await document.revert();
    await this.pointers.forget(document.uri);
  }

  async backupCustomDocument(document: AnnotatorDocument, context: vscode.CustomDocumentBackupContext): Promise<vscode.CustomDocumentBackup> {
    await document.settled();
    const { destination } = context;
    const pending = document.pendingEvents;
    await writeBackup(destination, document.uri, pending);
    // Nothing unsaved (immediate mode): no pointer, so a reopen loads from disk.
    if (pending.length) await this.pointers.point(document.uri, destination, () => document.pendingEvents.length > 0);
    else await this.pointers.forget(document.uri);
    return {
      id: destination.toString(),
      delete: async () => {
        await deleteQuietly(destination);
        await this.pointers.clear(document.uri, destination);
      },
    };
  }

  /** Manual mode: the unsaved events are on disk (our backup) as soon as the edit is, not a second later. */
  private keepUnsaved(document: AnnotatorDocument): void {
    if (document.saveMode !== 'manual') return;
    document
      .settled()
      .then(() => this.pointers.keep(document.uri, document.pendingEvents))
      .catch((error: unknown) => output().error(`${document.uri.fsPath}: could not back up unsaved annotations: ${String(error)}`));
  }

  /** Immediate mode writes every action at once, so the tab should not stay dirty: save (a no-op) clears it. */
  private clearDirtyWhenImmediate(document: AnnotatorDocument): void {
    if (document.saveMode === 'immediate') this.saveWhenNothingUnsaved(document);
  }

  /** A tab marked dirty with nothing unsaved (an edit event, or a reopen from VS Code's backup): a no-op save clears it. */
  saveWhenNothingUnsaved(document: AnnotatorDocument): void {
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
}

/** The custom-editor input of a tab that shows unsaved changes, else undefined. */
function dirtyCustomInput(tab: vscode.Tab): vscode.TabInputCustom | undefined {
  return tab.isDirty && tab.input instanceof vscode.TabInputCustom ? tab.input : undefined;
}
