// The "Get started with Imagery Annotator" walkthrough (package.json,
// contributes.walkthroughs): opened once, the first time the extension starts
// after being installed, unless the person turned walkthroughs-on-install off.
// Steps about features that are not there show only once their commands exist.
import * as vscode from 'vscode';

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
    await vscode.commands.executeCommand('setContext', key, needed.every((command) => commands.has(command)));
  }
}

export async function openWalkthroughOnFirstInstall(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return false;
  await context.globalState.update(SHOWN_KEY, true);
  if (vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall') === false) return false;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  return true;
}
