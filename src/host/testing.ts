// A small window into the running extension for the integration tests
// (test/vscode/suite): they run in the same extension host but are bundled
// separately, so they reach live objects only through activate()'s return value.
import type * as vscode from 'vscode';
import type { AnnotatorDocument } from './editor/document';
import type { PanelController } from './editor/panel';
import type { AnnotatorEditorProvider } from './editor/provider';
import type { EditorRegistry } from './editor/registry';
import type { ReviewQueueSession } from './queue/queue-session';
import type { ModelService } from './models/service';
import { shownInputBox } from './input-box';
import { pressButton, recentNotifications } from './notify';
import type { ShardTreeProvider } from './views/shard-tree';
import type { ProgressStatusBar } from './views/status-bar';

export interface TestingApi {
  documents(): AnnotatorDocument[];
  documentOf(uri: vscode.Uri): AnnotatorDocument | undefined;
  panelsOf(uri: vscode.Uri): PanelController[];
  activePanel(): PanelController | undefined;
  provider(viewType: string): AnnotatorEditorProvider | undefined;
  statusBarText(): string | undefined;
  /** The model run's status bar item ("Running <model>… Esc cancels"), or undefined when hidden. */
  runStatusBarText(): string | undefined;
  /** The status bar item's tooltip as set (data escaped), or undefined when hidden. */
  statusBarTooltip(): string | undefined;
  /** The last notifications as shown (their data escaped), oldest first. */
  notifications(): readonly { level: string; text: string }[];
  /** The Shards view's rows as shown: label (the file's name), description ("3/5 reviewed") and tooltip. */
  shardTreeRows(): Promise<{ path: string; label: string; description: string; tooltip: string }[]>;
  /** The review queue being walked: its name, current item and this annotator's done/total. */
  reviewQueue(): ReviewQueueSession['current'];
  /** Forgets the walked queue as a reload does (the stored name kept) and walks it again, as activation does. */
  resumeReviewQueueAfterReload(): Promise<void>;
  /** Presses a notification's button as the person would: the newest unanswered one whose text starts with `start`. */
  pressNotificationButton(start: string, item: string): boolean;
  /** The input box a command is asking (Add Model Profile…), to answer it through the workbench. */
  inputBox(): vscode.InputBox | undefined;
  /** Records `backup` as the newest backup of `document`, as backupCustomDocument does. */
  pointBackup(document: vscode.Uri, backup: vscode.Uri): Promise<void>;
}

export function testingApi(
  registry: EditorRegistry,
  providers: readonly AnnotatorEditorProvider[],
  statusBar: ProgressStatusBar,
  tree: ShardTreeProvider,
  queue: ReviewQueueSession,
  models: ModelService,
): TestingApi {
  const documentOf = (uri: vscode.Uri) => registry.documentFor(uri);
  return {
    documents: () => registry.documents(),
    documentOf,
    panelsOf: (uri) => {
      const document = documentOf(uri);
      return document ? registry.panelsOf(document) : [];
    },
    activePanel: () => registry.activePanel,
    provider: (viewType) => providers.find((provider) => provider.viewType === viewType),
    statusBarText: () => statusBar.text,
    runStatusBarText: () => models.statusBar.text,
    statusBarTooltip: () => statusBar.tooltip,
    notifications: () => recentNotifications(),
    reviewQueue: () => queue.current,
    resumeReviewQueueAfterReload: () => {
      queue.forgetWalkInMemory();
      return queue.resume();
    },
    inputBox: () => shownInputBox(),
    pressNotificationButton: (start, item) => pressButton(start, item),
    pointBackup: (document, backup) => providers[0].pointers.point(document, backup),
    shardTreeRows: async () => {
      const rows = [];
      for (const uri of await tree.getChildren()) {
        const item = await tree.getTreeItem(uri);
        rows.push({
          path: uri.fsPath,
          label: String(item.label ?? ''),
          description: String(item.description ?? ''),
          tooltip: String(item.tooltip ?? ''),
        });
      }
      return rows;
    },
  };
}
