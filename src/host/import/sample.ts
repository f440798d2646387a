// "Open the Sample": the .vsix carries no sample files (it stays small); the
// bundled generator writes the same synthetic sample the repository holds into
// the extension's global storage, imports it with the core importer, and opens
// that folder. After the window reloads on it, its first shard opens.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { SHARD_VIEW_TYPE } from '../editor/provider';
import { output } from '../output';
import { notify } from '../notify';
import { markDatasetReady } from '../walkthrough';
import { errorMessage } from '../../core/error-message';

export const OPEN_SAMPLE_COMMAND = 'imageryAnnotator.openSample';
const PENDING_KEY = 'imageryAnnotator.openAfterReload';

export function sampleFolder(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'sample');
}

export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const dir = sampleFolder(context);
  let firstShard: string;
  try {
    const { results } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Writing the sample dataset' },
      // The sample writer and the importer (PNG writer, CSV parsers) load here, not at activation.
      async () => (await import('../../../scripts/sample/sample-folder')).writeSampleFolder(dir),
    );
    firstShard = results.find((result) => result.domain === 'music')?.shards[0] ?? results[0].shards[0];
  } catch (error) {
    const reason = errorMessage(error);
    output().error(`The sample could not be written to ${dir}: ${reason}`);
    void notify.error(`The sample could not be written: ${reason}`);
    return;
  }
  output().info(`Sample written to ${dir}`);
  await markDatasetReady();
  const uri = vscode.Uri.file(dir);
  if (vscode.workspace.workspaceFolders?.some((folder) => folder.uri.fsPath === dir)) {
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(firstShard), SHARD_VIEW_TYPE);
    return;
  }
  await context.globalState.update(PENDING_KEY, firstShard);
  await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: false });
}

/** After "Open the Sample" reloaded the window on the sample folder: open its first shard once. */
export async function openPendingShard(context: vscode.ExtensionContext): Promise<void> {
  const pending = context.globalState.get<string>(PENDING_KEY);
  if (!pending) return;
  const inWorkspace = vscode.workspace.workspaceFolders?.some((folder) => pending.startsWith(folder.uri.fsPath + path.sep));
  if (!inWorkspace) return;
  await context.globalState.update(PENDING_KEY, undefined);
  // The window reloaded on the sample, so the key set before the reload is set again here.
  await markDatasetReady();
  if (existsSync(pending)) await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(pending), SHARD_VIEW_TYPE);
}
