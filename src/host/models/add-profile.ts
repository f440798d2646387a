// "Imagery: Add Model Profile…": asks a name, a base URL and a model, and
// writes the profile where VS Code reads it in this window. The profiles
// setting is machine-scoped: in a remote window (code-server, SSH, WSL,
// containers) VS Code ignores it in the local User settings and reads it from
// the Remote settings. ConfigurationTarget.Global writes a machine-scoped key
// to the Remote settings in such a window (the workbench routes it there), and
// to the User settings otherwise; the test suite checks the file it lands in.
import * as vscode from 'vscode';
import { baseUrlProblem, modelNameProblem, newProfileEntry, profileNameProblem } from '../../core/models/new-profile';
import { ask } from '../input-box';
import { notify } from '../notify';
import { ADD_PROFILE_COMMAND, TEST_PROFILE_COMMAND } from './command-ids';
import { configuredProfiles } from './settings';

export { ADD_PROFILE_COMMAND };
export const ADD_PROFILE_ACTION = 'Add Model Profile…';
const SET_KEY = 'Set API Key…';
const TEST = 'Test Connection';

/** Where this window keeps the profiles setting, in the words of VS Code's Settings editor. */
export function profilesPlace(): string {
  return vscode.env.remoteName ? 'Remote settings' : 'User settings';
}

/** Why no run can start, and where a profile goes in this window. */
export function noProfileMessage(): string {
  const where = vscode.env.remoteName
    ? ' In this remote window profiles are read from the Remote settings, not the User settings.'
    : '';
  return `No model profile: add one with "Imagery: Add Model Profile…", or enable a VS Code language model.${where}`;
}

/** Shows the no-profile message with its button; the button runs Add Model Profile. */
export function offerAddProfile(): void {
  void notify.warning(noProfileMessage(), ADD_PROFILE_ACTION).then((choice) => {
    if (choice === ADD_PROFILE_ACTION) void vscode.commands.executeCommand(ADD_PROFILE_COMMAND);
  });
}

export interface AddedProfile {
  name: string;
  place: string;
}

/** Asks the three answers (Esc at any step writes nothing) and writes the profile; undefined when cancelled. */
export async function addModelProfile(): Promise<AddedProfile | undefined> {
  const config = () => vscode.workspace.getConfiguration('imageryAnnotator');
  const written = () => {
    const value = config().inspect<unknown[]>('modelProfiles')?.globalValue;
    return Array.isArray(value) ? value : [];
  };
  const taken = () => [
    ...configuredProfiles().profiles.map((profile) => profile.name),
    ...written()
      .map((entry) => (entry as { name?: unknown } | null)?.name)
      .filter((name) => typeof name === 'string'),
  ];
  const title = (step: number) => `Add Model Profile (${step}/3)`;
  const name = await ask({
    title: title(1),
    prompt: "A name for the profile: it is shown when you pick a model and recorded with each run's provenance.",
    placeholder: 'e.g. openai-4o or local-qwen',
    check: (value) => profileNameProblem(value, taken()),
  });
  if (name === undefined) return undefined;
  const baseUrl = await ask({
    title: title(2),
    prompt: "The server's OpenAI-compatible base URL (http or https).",
    placeholder: 'e.g. https://api.openai.com/v1 or http://localhost:11434/v1',
    check: baseUrlProblem,
  });
  if (baseUrl === undefined) return undefined;
  const model = await ask({
    title: title(3),
    prompt: 'The model, as the server names it.',
    placeholder: 'e.g. gpt-4o or qwen2.5vl:7b',
    check: modelNameProblem,
  });
  if (model === undefined) return undefined;
  // Checked again at the write: another window may have added the name meanwhile.
  const clash = profileNameProblem(name, taken());
  if (clash !== undefined) {
    void notify.error(clash);
    return undefined;
  }
  const entry = newProfileEntry(name, baseUrl, model);
  await config().update('modelProfiles', [...written(), entry], vscode.ConfigurationTarget.Global);
  const place = profilesPlace();
  offerNextSteps(entry.name, place);
  return { name: entry.name, place };
}

/** One notification, shown once the setting is written: the key, then a test of the connection. */
function offerNextSteps(name: string, place: string): void {
  void notify
    .info(
      `Model profile "${name}" added to your ${place}. Set its API key (local servers need none), then test the connection.`,
      SET_KEY,
      TEST,
    )
    .then(async (choice) => {
      // Set API Key offers the test itself once the key is stored.
      if (choice === SET_KEY) await vscode.commands.executeCommand('imageryAnnotator.setApiKey', name);
      if (choice === TEST) await vscode.commands.executeCommand(TEST_PROFILE_COMMAND, name);
    });
}
