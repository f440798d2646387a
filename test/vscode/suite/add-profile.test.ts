// "Imagery: Add Model Profile…" in the real extension host of code-server, a
// remote window: the three input boxes answered through the workbench's own
// accept and close commands, each answer checked, and the profile written
// where VS Code reads a machine-scoped setting here (the Remote settings,
// user-data/Machine/settings.json), not the User settings it would ignore.
// Run Model with no profile says so before asking anything.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/host/extension';
import { closeEverything, createShard, extensionApi, openShard, setSettings, waitFor } from './harness';

const config = () => vscode.workspace.getConfiguration('imageryAnnotator');
const userData = () => {
  const dir = process.env.IMAGERY_USER_DATA_DIR;
  assert.ok(dir, 'scripts/vscode/code-server.mjs sets IMAGERY_USER_DATA_DIR');
  return dir;
};
const settingsFile = async (which: 'User' | 'Machine') => fs.readFile(path.join(userData(), which, 'settings.json'), 'utf8');

/** Waits for the box titled `title`, types `value` into it and presses Enter (the workbench's accept). */
async function answer(api: ExtensionApi, title: string, value: string): Promise<vscode.InputBox> {
  const box = await waitFor(`the input box "${title}"`, () => {
    const shown = api.testing.inputBox();
    return shown?.title === title && shown;
  });
  box.value = value;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return box;
}

/** Presses Enter on a refused answer: the box stays, saying why. */
async function refused(api: ExtensionApi, title: string, value: string): Promise<string> {
  const box = await answer(api, title, value);
  return waitFor(`the reason "${value}" is refused`, () => box.validationMessage?.toString());
}

suite('Add Model Profile', () => {
  const existing = { name: 'existing', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };

  setup(async () => {
    await extensionApi();
    await config().update('modelProfiles', [existing], vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await config().update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
    await closeEverything();
  });

  test('checks each answer and writes the profile to the Remote settings of this remote window', async () => {
    const api = await extensionApi();
    assert.ok(vscode.env.remoteName, 'code-server is a remote window');
    const added = vscode.commands.executeCommand('imageryAnnotator.addModelProfile');
    const first = 'Add Model Profile (1/3)';
    assert.equal(await refused(api, first, 'existing'), 'A profile named "existing" exists already.');
    assert.equal(
      await refused(api, first, '[x](command:y)'),
      'Use letters, digits, spaces and . _ - + @ / only, starting with a letter or digit.',
    );
    await answer(api, first, ' local qwen ');
    const second = 'Add Model Profile (2/3)';
    assert.match(await refused(api, second, 'localhost:11434'), /^Give an http\(s\) URL/);
    await answer(api, second, 'http://127.0.0.1:11434/v1');
    const third = 'Add Model Profile (3/3)';
    assert.match(await refused(api, third, '  '), /^Give the model's name/);
    await answer(api, third, 'qwen2.5vl:7b');
    assert.deepEqual(await added, { name: 'local qwen', place: 'Remote settings' });

    const written = { name: 'local qwen', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5vl:7b' };
    assert.deepEqual(config().inspect('modelProfiles')?.globalValue, [existing, written]);
    const machine = JSON.parse(await settingsFile('Machine')) as Record<string, unknown>;
    assert.deepEqual(machine['imageryAnnotator.modelProfiles'], [existing, written], 'the Remote settings hold it');
    assert.doesNotMatch(await settingsFile('User'), /local qwen/, 'not the User settings, which a remote window ignores here');
    const notice = api.testing.notifications().at(-1);
    assert.deepEqual(notice, {
      level: 'info',
      text: 'Model profile "local qwen" added to your Remote settings. Set its API key (local servers need none), then test the connection.',
    });
  });

  test('Esc at any step writes nothing', async () => {
    const api = await extensionApi();
    for (const answers of [[], ['local'], ['local', 'http://127.0.0.1:1/v1']]) {
      const added = vscode.commands.executeCommand('imageryAnnotator.addModelProfile');
      for (const [index, value] of answers.entries()) await answer(api, `Add Model Profile (${index + 1}/3)`, value);
      const title = `Add Model Profile (${answers.length + 1}/3)`;
      await waitFor(title, () => api.testing.inputBox()?.title === title);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await added, undefined);
      assert.deepEqual(config().inspect('modelProfiles')?.globalValue, [existing], `Esc at step ${answers.length + 1}`);
    }
  });

  test('Run Model with no profile asks nothing, says where profiles go and offers Add Model Profile', async () => {
    await config().update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
    await setSettings({});
    const { api } = await openShard(await createShard('no-profile'));
    // Old code asked the task, the prompt and the input first: this would wait on the first pick.
    await Promise.race([
      vscode.commands.executeCommand('imageryAnnotator.runModel'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('Run Model asked something first')), 8_000)),
    ]);
    const notice = await waitFor('the no-profile message', () =>
      api.testing.notifications().findLast((shown) => shown.text.startsWith('No model profile')),
    );
    assert.deepEqual(notice, {
      level: 'warning',
      text: 'No model profile: add one with "Imagery: Add Model Profile…", or enable a VS Code language model. In this remote window profiles are read from the Remote settings, not the User settings.',
    });
  });
});
