// The "Get started with Imagery Annotator" walkthrough (package.json,
// contributes.walkthroughs): opened once, the first time an installed copy
// starts, unless the person turned walkthroughs-on-install off.
// Steps about features that are not there show only once their commands exist.
import * as vscode from 'vscode';
import { output } from './output';
import { errorMessage } from '../core/error-message';

export const WALKTHROUGH_ID = 'imageryAnnotator.getStarted';
const SHOWN_KEY = 'imageryAnnotator.walkthroughShown';

/** Context keys that reveal a step once the commands it points at are registered. */
const STEP_COMMANDS: Record<string, string[]> = {
  'imageryAnnotator.modelCommands': [
    'imageryAnnotator.addModelProfile',
    'imageryAnnotator.setApiKey',
    'imageryAnnotator.runModel',
  ],
  'imageryAnnotator.reportCommand': ['imageryAnnotator.showReport'],
};

/** Ticks the walkthrough's first step (its completion event): set once an import or the sample has written shards. */
export const DATASET_READY_CONTEXT = 'imageryAnnotator.datasetReady';
let datasetReady = false;

export async function markDatasetReady(): Promise<void> {
  datasetReady = true;
  await vscode.commands.executeCommand('setContext', DATASET_READY_CONTEXT, true);
}

/** For the integration tests: whether this window said a dataset is ready. */
export function isDatasetReady(): boolean {
  return datasetReady;
}

export async function revealAvailableSteps(): Promise<void> {
  const commands = new Set(await vscode.commands.getCommands(true));
  for (const [key, needed] of Object.entries(STEP_COMMANDS)) {
    await vscode.commands.executeCommand(
      'setContext',
      key,
      needed.every((command) => commands.has(command)),
    );
  }
}

/**
 * The person's choice, as the workbench itself reads it. The setting is machine-scoped: in a remote
 * window (code-server, SSH) VS Code takes it from the remote machine's settings, and so does this.
 */
function openOnInstallSetting(): boolean {
  return vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall', true);
}

/**
 * "Shown once" is kept twice: in globalState, and as a file in the extension's global storage.
 * Under code-server globalState lives in the browser's storage, so a new browser (or a cleared
 * one) on the same install would otherwise open the walkthrough again; the file is on the server.
 */
const shownMarker = (context: vscode.ExtensionContext) => vscode.Uri.joinPath(context.globalStorageUri, 'walkthrough-shown');

async function alreadyShown(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return true;
  try {
    await vscode.workspace.fs.stat(shownMarker(context));
    return true;
  } catch {
    return false;
  }
}

async function rememberShown(context: vscode.ExtensionContext): Promise<void> {
  await context.globalState.update(SHOWN_KEY, true);
  try {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.writeFile(shownMarker(context), new TextEncoder().encode(`${new Date().toISOString()}\n`));
  } catch (error) {
    output().warn(`Could not note that the walkthrough was shown: ${errorMessage(error)}`);
  }
}

/**
 * Opens the walkthrough on the first activation after install, never again, and not at all when
 * the person turned walkthroughs-on-install off. A copy run from source (F5, the tests) is not an
 * install: it never opens it by itself.
 */
export async function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.extensionMode !== vscode.ExtensionMode.Production) return false;
  if (await alreadyShown(context)) {
    output().info('Walkthrough: offered on an earlier start; it stays closed.');
    return false;
  }
  await rememberShown(context);
  if (!openOnInstallSetting()) {
    output().info('Walkthrough: first start, but it stays closed (workbench.welcomePage.walkthroughs.openOnInstall is off).');
    return false;
  }
  output().info('Walkthrough: first start, opening "Get started with Imagery Annotator".');
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  return true;
}
