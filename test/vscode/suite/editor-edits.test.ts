// Annotating in the real custom editor: events reach the log, replay gives the
// state, and VS Code's undo/redo append retracts.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeTabDirty,
  annotate,
  closeEverything,
  confirmDraft,
  createShard,
  logEvents,
  openShard,
  setSettings,
  validDraft,
  waitFor,
} from './harness';

suite('Editor: annotating, saving, undo/redo', () => {
  teardown(closeEverything);

  test('the webview loads under the strict CSP and says ready (the host answers with init and show)', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('ready');
    const { panel } = await openShard(shard);
    const init = await waitFor('init (sent on ready)', () => panel.history.find((m) => m.type === 'init'), 20_000);
    assert.deepEqual(init, {
      type: 'init',
      shardName: 'test.shard.jsonl',
      annotator: 'integration-tester',
      saveMode: 'immediate',
      reasons: ['Not a rec request', 'Image is item(s)', 'Image is text', 'Not music rec', 'Explicit content', 'Other'],
    });
    const show = await waitFor('show (after init)', () => panel.history.find((m) => m.type === 'show'));
    assert.ok(show?.type === 'show' && show.view.kind === 'record' && show.view.record.id === 'r0');
  });

  test('three annotated requests are on disk, replayed, and counted as reviewed', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('three');
    const { document, panel } = await openShard(shard);
    for (const request of ['r0', 'r1', 'r2']) {
      await annotate(panel, { type: 'validity', request, verdict: 'invalid', reason: 'Image is text' });
    }
    await waitFor('the tab to be clean', () => activeTabDirty() === false);

    const onDisk = await logEvents(shard.logFile);
    assert.deepEqual(
      onDisk.map((event) => [event.type, event.request]),
      [
        ['validity', 'r0'],
        ['validity', 'r1'],
        ['validity', 'r2'],
      ],
    );
    assert.ok(onDisk.every((event) => event.annotator === 'integration-tester' && event.id && event.time));
    for (const request of ['r0', 'r1', 'r2']) {
      assert.deepEqual(document.state().get(request)?.validity, { status: 'invalid', reason: 'Image is text' });
    }
    assert.deepEqual(document.progress(), { reviewed: 3, total: 5, invalid: 3, corrected: 0 });
    // The panel is told the same figures (the last progress message, once the third verdict is counted).
    const told = await waitFor('a progress message counting all three', () => {
      const last = panel.history.findLast((m) => m.type === 'progress');
      return last?.type === 'progress' && last.progress.reviewed === 3 ? last : undefined;
    });
    assert.deepEqual(told.progress, { reviewed: 3, total: 5, invalid: 3, corrected: 0 });
  });

  test('immediate mode appends at once and does not leave the tab dirty', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('immediate');
    const { panel } = await openShard(shard);
    const reply = await annotate(panel, confirmDraft('r1', 'c2'));
    assert.deepEqual(reply, { type: 'reply', seq: (reply as { seq: number }).seq, ok: true });
    // No save, no wait: the event is already fsync'd when the reply is sent.
    const onDisk = await logEvents(shard.logFile);
    assert.equal(onDisk.length, 1);
    assert.equal(onDisk[0].type, 'extraction');
    await waitFor('the tab to be clean', () => activeTabDirty() === false);
  });

  test('undo and redo (VS Code commands) append retract events and update the state', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('undo');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    assert.equal(document.state().get('r0')?.validity?.status, 'valid');

    // Focus the editor, as a user's Ctrl+Z would have it: a focused text input elsewhere takes the undo.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const stateOfR0After = (start: number) =>
      panel.history.slice(start).findLast((m) => m.type === 'state' && m.requestId === 'r0');
    const beforeUndo = panel.history.length;
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to take the verdict back', () => document.state().get('r0') === undefined);
    let onDisk = await logEvents(shard.logFile);
    assert.deepEqual(
      onDisk.map((event) => event.type),
      ['validity', 'retract'],
    );
    assert.equal((onDisk[1] as { target: string }).target, onDisk[0].id);
    // The panel is told: a state for r0, sent after the undo, without the verdict.
    const afterUndo = await waitFor('the panel to get r0 without its verdict', () => stateOfR0After(beforeUndo));
    assert.ok(afterUndo.type === 'state' && afterUndo.state.validity === undefined, JSON.stringify(afterUndo));

    const beforeRedo = panel.history.length;
    await vscode.commands.executeCommand('redo');
    await waitFor('redo to restore the verdict', () => document.state().get('r0')?.validity?.status === 'valid');
    onDisk = await logEvents(shard.logFile);
    assert.deepEqual(
      onDisk.map((event) => event.type),
      ['validity', 'retract', 'retract'],
    );
    assert.equal((onDisk[2] as { target: string }).target, onDisk[1].id);
    const afterRedo = await waitFor('the panel to get r0 with its verdict again', () => stateOfR0After(beforeRedo));
    assert.ok(afterRedo.type === 'state' && afterRedo.state.validity?.status === 'valid', JSON.stringify(afterRedo));
  });
});
