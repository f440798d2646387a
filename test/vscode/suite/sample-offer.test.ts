// "Imagery: Sample for Validation…" in the real extension host: its five
// questions taken at their defaults, then the notification's "Open Review
// Queue" button walks the queue it wrote.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { closeEverything, extensionApi, setSettings, waitFor } from './harness';

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
    const sampled = Promise.resolve(vscode.commands.executeCommand<string | undefined>('imageryAnnotator.sampleForValidation'));
    let done = false;
    void sampled.finally(() => (done = true));
    // Every question has a default (all shards, comments, 100, a seed, "validation"): Enter on each.
    await waitFor(
      'the five questions answered',
      async () => {
        if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      },
      30_000,
    );
    written = await sampled;
    assert.ok(written?.endsWith('validation.queue.json'), String(written));
    const notice = api.testing.notifications().findLast((shown) => shown.text.startsWith('Wrote '));
    assert.match(notice?.text ?? '', /^Wrote .*validation\.queue\.json: \d+ of \d+ comments, seed \d+\.$/);
    assert.equal(api.testing.reviewQueue(), undefined, 'not walked before the button');
    assert.equal(api.testing.pressNotificationButton('Wrote ', 'Open Review Queue'), true, 'the notification offers it');
    const walked = await waitFor('the queue walked', () => api.testing.reviewQueue());
    assert.equal(walked.file, written);
    assert.equal(walked.name, 'validation');
  });
});
