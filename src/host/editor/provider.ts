// The custom editor provider: VS Code's entry points for a shard editor,
// delegated to the document (data), the panel (one tab's webview) and the
// dirty tabs (VS Code's dirty marker and hot-exit backups). One instance per
// view type, since VS Code routes each provider's change events to its own documents.
import * as vscode from 'vscode';
import { configuredAnnotator, configuredSaveMode } from '../config';
import { output } from '../output';
import { BackupPointers } from './backup';
import { DirtyTabs } from './dirty-tabs';
import { AnnotatorDocument, type AnnotationEdit } from './document';
import { imageRootsFor } from '../../core/image-roots';
import { LastRequests } from './last-requests';
import { watchLog } from './log-watcher';
import { PanelController } from './panel';
import type { EditorRegistry } from './registry';
import type { ModelHook } from '../models/model-panel';
import { notify } from '../notify';
import { errorMessage } from '../../core/error-message';

export const SHARD_VIEW_TYPE = 'imageryAnnotator.shard';
export const JSONL_VIEW_TYPE = 'imageryAnnotator.jsonl';

export class AnnotatorEditorProvider implements vscode.CustomEditorProvider<AnnotatorDocument> {
  private readonly changed = new vscode.EventEmitter<AnnotationEdit>();
  readonly onDidChangeCustomDocument = this.changed.event;
  private readonly dirtyTabs: DirtyTabs;

  constructor(
    readonly viewType: string,
    private readonly extensionUri: vscode.Uri,
    readonly pointers: BackupPointers,
    private readonly lastRequests: LastRequests,
    private readonly registry: EditorRegistry,
    private readonly models: ModelHook,
  ) {
    this.dirtyTabs = new DirtyTabs(
      viewType,
      pointers,
      (edit) => this.changed.fire(edit),
      (uri) => registry.documentFor(uri),
    );
  }

  static register(context: vscode.ExtensionContext, registry: EditorRegistry, models: ModelHook): AnnotatorEditorProvider[] {
    const storage = context.storageUri ?? context.globalStorageUri;
    const pointers = new BackupPointers(vscode.Uri.joinPath(storage, 'backup-pointers'));
    const lastRequests = new LastRequests(vscode.Uri.joinPath(storage, 'last-request'));
    return [SHARD_VIEW_TYPE, JSONL_VIEW_TYPE].map((viewType) => {
      const provider = new AnnotatorEditorProvider(viewType, context.extensionUri, pointers, lastRequests, registry, models);
      context.subscriptions.push(
        provider.changed,
        provider.dirtyTabs,
        vscode.window.registerCustomEditorProvider(viewType, provider, {
          supportsMultipleEditorsPerDocument: true,
          webviewOptions: { retainContextWhenHidden: false },
        }),
      );
      return provider;
    });
  }

  async openCustomDocument(uri: vscode.Uri, openContext: vscode.CustomDocumentOpenContext): Promise<AnnotatorDocument> {
    const restored = await this.dirtyTabs.unsavedWork(uri, openContext.backupId);
    let document: AnnotatorDocument;
    try {
      document = await AnnotatorDocument.open(uri, { annotator: configuredAnnotator, saveMode: configuredSaveMode, restored });
    } catch (error) {
      const message = `Imagery Annotator could not open ${uri.fsPath}: ${errorMessage(error)}`;
      output().error(message);
      void notify.error(message);
      throw new Error(message, { cause: error });
    }
    // The log is read behind the first request (a long one takes seconds): its warnings or failure come when it is done.
    document.loaded().then(
      (warnings) => warnings.forEach((w) => output().warn(`${w.file}:${w.line}: ${w.reason}`)),
      (error: unknown) => {
        const message = `Imagery Annotator could not read the annotation log ${document.logFile}: ${errorMessage(error)}`;
        output().error(message);
        void notify.error(message);
      },
    );
    const subscriptions = [
      watchLog(document),
      this.dirtyTabs.track(document, openContext.backupId),
      document.onLogWarnings((warnings) => warnings.forEach((w) => output().warn(`${w.file}:${w.line}: ${w.reason}`))),
    ];
    document.onDidDispose(() => subscriptions.forEach((subscription) => subscription.dispose()));
    this.registry.addDocument(document);
    return document;
  }

  async resolveCustomEditor(document: AnnotatorDocument, panel: vscode.WebviewPanel): Promise<void> {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    const trustManifest = vscode.workspace.isTrusted;
    const { roots, imageFolders, warnings } = await imageRootsFor({
      shardFile: document.uri.fsPath,
      workspaceFolders,
      trustManifest,
    });
    for (const warning of warnings) output().warn(warning);
    const controller = new PanelController(document, panel, {
      extensionUri: this.extensionUri,
      imageRoots: roots,
      imageFolders,
      lastRequests: this.lastRequests,
      queue: () => this.registry.queueWalk,
      models: this.models,
    });
    this.registry.addPanel(controller);
    await this.dirtyTabs.reopened(document);
  }

  async saveCustomDocument(document: AnnotatorDocument): Promise<void> {
    // An action the webview sent before Ctrl+S may still wait in a panel's inbox (behind a navigation):
    // it reached this host before the save did, so the save takes it too.
    await Promise.all(this.registry.panelsOf(document).map((panel) => panel.settled()));
    await document.save();
    await this.dirtyTabs.saved(document);
  }

  async saveCustomDocumentAs(document: AnnotatorDocument, destination: vscode.Uri): Promise<void> {
    await document.saveAs(destination);
  }

  async revertCustomDocument(document: AnnotatorDocument): Promise<void> {
    await document.revert();
    await this.dirtyTabs.reverted(document);
  }

  backupCustomDocument(
    document: AnnotatorDocument,
    context: vscode.CustomDocumentBackupContext,
  ): Promise<vscode.CustomDocumentBackup> {
    return this.dirtyTabs.backup(document, context.destination);
  }
}
