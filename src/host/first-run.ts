// Everything a new user meets first: "Import Release…", "Open the Sample",
// the `imagery` command in terminals and the walkthrough. Registered from
// activate(); nothing heavy runs until a command is chosen.
import * as vscode from 'vscode';
import { IMPORT_COMMAND } from './import/command-ids';
import { registerImportReport } from './import/import-report';
import { OPEN_SAMPLE_COMMAND, openPendingShard, openSample } from './import/sample';
import { installTerminalCli, type CliShim } from './terminal-cli';
import { isDatasetReady, openWalkthroughOnFirstInstall, revealAvailableSteps } from './walkthrough';
import type { ShardTreeProvider } from './views/shard-tree';

export interface FirstRunTestingApi {
  /** The collection the extension adds to integrated terminals' environments. */
  environment: vscode.GlobalEnvironmentVariableCollection;
  /** Resolves once the `imagery` shim is written (undefined if it could not be). */
  cliShim: Promise<CliShim | undefined>;
  /** Whether an import or the sample succeeded in this window (the walkthrough's first step). */
  datasetReady(): boolean;
}

export function registerFirstRun(
  context: vscode.ExtensionContext,
  tree: ShardTreeProvider,
): { disposables: vscode.Disposable[]; testing: FirstRunTestingApi } {
  const disposables = [
    // The importer (CSV and JSON parsers, PNG reader) loads when chosen, not at activation.
    vscode.commands.registerCommand(IMPORT_COMMAND, async (release?: vscode.Uri) => {
      const { importReleaseCommand } = await import('./import/import-command');
      return importReleaseCommand(() => tree.refresh(), release);
    }),
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSample(context)),
    ...registerImportReport(),
  ];
  const cliShim = installTerminalCli(context);
  // After activate() returns, so every command of the extension is registered.
  setTimeout(() => {
    void revealAvailableSteps();
    void openWalkthroughOnFirstInstall(context);
    void openPendingShard(context);
  }, 0);
  return { disposables, testing: { environment: context.environmentVariableCollection, cliShim, datasetReady: isDatasetReady } };
}
