// "Imagery: Test Model Profile…" in the real extension host, against the
// loopback server playing an OpenAI reasoning model: the command reports what
// works, and what it learnt makes the next request right at once.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckReport } from '../../../src/core/models/check-profile';
import { OpenAIServer } from '../../helpers/openai-server';
import { providerMode } from '../../helpers/provider-modes';
import { extensionApi } from './harness';

suite('Test Model Profile', () => {
  let server: OpenAIServer;
  const config = () => vscode.workspace.getConfiguration('imageryAnnotator');

  suiteSetup(async () => {
    await extensionApi();
    server = await OpenAIServer.start();
    server.answerWith(providerMode('openai-reasoning', { answer: 'Red' }));
    await config().update(
      'modelProfiles',
      [{ name: 'reasoner', baseUrl: server.baseUrl, model: 'o-test' }],
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    await config().update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  test('reports each capability of the profile and remembers what it learnt', async () => {
    const first = server.requests.length;
    const report = (await vscode.commands.executeCommand('imageryAnnotator.testModelProfile', 'reasoner')) as CheckReport;
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.deepEqual(
      report.lines.map((line) => [line.what, line.ok, line.says]),
      [
        ['token parameter', true, 'max_completion_tokens 25500 (learnt: the other was refused)'],
        ['temperature', false, 'refused by the server: runs send none and record temperatureApplied: false'],
        ['images', true, 'accepted'],
        ['streaming usage', true, 'reported'],
        ['reasoning', true, 'yes (hidden, counted only, 1200 tokens): headroom 25000 tokens'],
        ['answer', true, '"Red"'],
      ],
    );
    assert.equal(server.requests.length - first, 3);
    const again = server.requests.length;
    const second = (await vscode.commands.executeCommand('imageryAnnotator.testModelProfile', 'reasoner')) as CheckReport;
    assert.equal(second.ok, true);
    assert.equal(server.requests.length - again, 1, 'the learnt request is sent at once');
    assert.equal(server.requests.at(-1)!.body.max_completion_tokens, 25_500);
    assert.equal('temperature' in server.requests.at(-1)!.body, false);
  });
});
