// The status bar while a model run streams, in the real extension host against
// the loopback model server: "Running <model>… Esc cancels" while it runs, a
// click (its command) cancels it, and the item goes when the run ends.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeRecord } from '../../fixtures/synthetic-record';
import { createShard, openShard, setSettings, waitFor } from './harness';

const MODEL = 'slow-$(zap)-model';

suite('Model run status bar', () => {
  let server: OpenAIServer;
  const config = () => vscode.workspace.getConfiguration('imageryAnnotator');

  suiteSetup(async () => {
    await setSettings({});
    server = await OpenAIServer.start();
    await config().update(
      'modelProfiles',
      [{ name: 'slow', baseUrl: server.baseUrl, model: MODEL }],
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    await config().update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  test('shows the running model while it streams; clicking cancels it and the item goes', async () => {
    // A stored description is the run's input: text only, no image needed.
    const record = makeRecord({
      id: 'r0',
      runs: [{ model: 'describer', input: 'image', task: 'description', answer: ['A foggy harbour at dawn.'] }],
    });
    const shard = await createShard('run-status', [record]);
    const { api, panel } = await openShard(shard);
    assert.equal(api.testing.runStatusBarText(), undefined, 'hidden before any run');
    // One chunk, then the stream stays open and silent until cancelled.
    server.answerWith({ text: '1. gamma trio - harbour lights', chunks: 3, stallAfterChunks: 1 });
    await panel.receive({
      type: 'runModel',
      seq: 1,
      requestId: 'r0',
      choice: { task: 'rec_title', prompt: 'standard', input: 'desc:describer/image/description', profile: 'slow' },
    });
    const running = await waitFor('the status bar item of the run', () => api.testing.runStatusBarText());
    // The model name is data: its "$(zap)" must not become an icon, so a zero-width space breaks it.
    assert.equal(running, '$(sync~spin) Running slow-$\u200b(zap)-model… Esc cancels');
    await waitFor('the request at the server', () => server.requests.length > 0);
    await vscode.commands.executeCommand('imageryAnnotator.cancelModelRun');
    assert.equal(await server.requests.at(-1)!.closed, 'aborted', 'the click aborted the HTTP request');
    await waitFor('the item to go', () => api.testing.runStatusBarText() === undefined);
    const phases = panel.history.flatMap((m) => (m.type === 'modelRun' ? [m.run.phase] : []));
    assert.equal(phases.at(-1), 'cancelled');
  });
});
