// "Imagery: Sample for Validation…" in the real extension host: its answers
// given as the command's argument, then the notification's "Open Review
// Queue" button walks the queue it wrote.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { closeEverything, createShard, extensionApi, setSettings, waitFor } from './harness';

suite('Sample for Validation', () => {
  let written: string | undefined;

  teardown(async () => {
    await vscode.commands.executeCommand('imageryAnnotator.leaveReviewQueue');
    await closeEverything();
    if (written) await fs.rm(written, { force: true });
  });

  test('offers to open the queue it wrote, and the button opens it', async () => {
    const api = await extensionApi();
    await setSettings({});
    // Its own shard only: the workspace also holds the other suites' shards, a huge one among them.
    const shard = await createShard('sample-offer');
    // The answers as a command argument: pressing accept into quick picks as they open races their items.
    const sampled = vscode.commands.executeCommand<string | undefined>('imageryAnnotator.sampleForValidation', {
      unit: 'comments',
      size: 2,
      seed: 7,
      name: 'validation',
      shards: [shard.file],
    });
    written = await sampled;
    assert.ok(written?.endsWith('validation.queue.json'), String(written));
    const notice = api.testing.notifications().findLast((shown) => shown.text.startsWith('Wrote '));
    assert.match(notice?.text ?? '', /^Wrote .*validation\.queue\.json: 2 of \d+ comments, seed 7\.$/);
    assert.equal(api.testing.reviewQueue(), undefined, 'not walked before the button');
    assert.equal(api.testing.pressNotificationButton('Wrote ', 'Open Review Queue'), true, 'the notification offers it');
    const walked = await waitFor('the queue walked', () => api.testing.reviewQueue(), 30_000);
    assert.equal(walked.file, written);
    assert.equal(walked.name, 'validation');
  });
});
