// The "Get started with Imagery Annotator" walkthrough (package.json,
// contributes.walkthroughs): opened once, the first time an installed copy
// starts, unless the person turned walkthroughs-on-install off.
// Steps about features that are not there show only once their commands exist.
import * as vscode from 'vscode';
import { output } from './output';

export const WALKTHROUGH_ID = 'imageryAnnotator.getStarted';
const SHOWN_KEY = 'imageryAnnotator.walkthroughShown';

/** Context keys that reveal a step once the commands it points at are registered. */
const STEP_COMMANDS: Record<string, string[]> = {
  'imageryAnnotator.modelCommands': ['imageryAnnotator.setApiKey', 'imageryAnnotator.runModel'],
  'imageryAnnotator.reportCommand': ['imageryAnnotator.showReport'],
};

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

/** The person's choice, from any settings level (read with inspect: the key belongs to the workbench, not to us). */
function openOnInstallSetting(): boolean {
  const inspected = vscode.workspace.getConfiguration('workbench').inspect<boolean>('welcomePage.walkthroughs.openOnInstall');
  return inspected?.workspaceValue ?? inspected?.globalValue ?? inspected?.defaultValue ?? true;
}

/**
 * Opens the walkthrough the first time an installed copy starts. A copy run from
 * source (F5, the tests) is not an install: it never opens it by itself.
 */
export async function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.extensionMode !== vscode.ExtensionMode.Production || context.globalState.get<boolean>(SHOWN_KEY)) return false;
  await context.globalState.update(SHOWN_KEY, true);
  if (!openOnInstallSetting()) {
    output().info('First start: the walkthrough stays closed (workbench.welcomePage.walkthroughs.openOnInstall is off).');
    return false;
  }
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  return true;
}
