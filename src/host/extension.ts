// Entry point: registers the custom editor, commands and views. Nothing is
// read from disk here; documents load when an editor opens.
import * as vscode from 'vscode';
import { activationTime, markModulesLoaded, timeActivation, type ActivationTime } from './activation-time';
import { registerCommands } from './commands';
import { runModelCommand } from './models/run-command';
import { ADD_PROFILE_COMMAND, addModelProfile } from './models/add-profile';
import { affectsSettings } from './config';
import { AnnotatorEditorProvider } from './editor/provider';
import { EditorRegistry } from './editor/registry';
import { registerFirstRun, type FirstRunTestingApi } from './first-run';
import { ModelService } from './models/service';
import { disposeOutput, output } from './output';
import { registerReportCommands } from './report/register';
import { ReportPanel } from './report/report-panel';
import { registerQueueCommands } from './queue/queue-commands';
import { ReviewQueueSession } from './queue/queue-session';
import { ProgressStatusBar } from './views/status-bar';
import { ShardTreeProvider } from './views/shard-tree';
import { testingApi, type TestingApi } from './testing';

markModulesLoaded();

export interface ExtensionApi {
  /** For the integration tests: inspect documents and drive panels as if from the webview. */
  testing: TestingApi;
  /** For the integration tests of import, the terminal's `imagery` and the walkthrough. */
  firstRun: FirstRunTestingApi;
  /** For the integration tests: the report view, when open. */
  reportPanel(): ReportPanel | undefined;
  /** For the integration tests and the benchmark: how long loading and activate() took. */
  activationTime(): ActivationTime;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activated = timeActivation();
  const registry = new EditorRegistry();
  const models = new ModelService(registry, context.secrets, context.globalState);
  const providers = AnnotatorEditorProvider.register(context, registry, models);
  const queue = new ReviewQueueSession(registry, context.workspaceState);
  const tree = new ShardTreeProvider(registry, queue, context.storageUri);
  const statusBar = new ProgressStatusBar(registry, queue);
  const firstRun = registerFirstRun(context, tree);
  context.subscriptions.push(
    registry,
    queue,
    models,
    tree,
    statusBar,
    vscode.window.registerTreeDataProvider('imageryAnnotator.shards', tree),
    ...registerCommands(registry, tree),
    vscode.commands.registerCommand('imageryAnnotator.runModel', () => runModelCommand(registry, models)),
    vscode.commands.registerCommand('imageryAnnotator.setApiKey', (name?: unknown) =>
      models.setApiKey(typeof name === 'string' ? name : undefined),
    ),
    vscode.commands.registerCommand(ADD_PROFILE_COMMAND, () => addModelProfile()),
    vscode.commands.registerCommand('imageryAnnotator.testModelProfile', (name?: unknown) =>
      models.testProfile(typeof name === 'string' ? name : undefined),
    ),
    ...firstRun.disposables,
    ...registerReportCommands(context.extensionUri, registry),
    ...registerQueueCommands(queue),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      // Documents move to the new annotator's log before the panels say whose it is.
      void Promise.all(
        registry
          .documents()
          .map((document) =>
            document
              .followAnnotatorSetting()
              .catch((error: unknown) => output().error(`${document.uri.fsPath}: ${String(error)}`)),
          ),
      ).then(() => {
        for (const panel of registry.panels()) void panel.start();
      });
      tree.refresh();
    }),
    { dispose: disposeOutput },
  );
  const api: ExtensionApi = {
    testing: testingApi(registry, providers, statusBar, tree, queue, models),
    firstRun: firstRun.testing,
    reportPanel: () => ReportPanel.current,
    activationTime,
  };
  activated();
  void queue.resume(); // after activation: it reads the queue and its shards' logs
  return api;
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
