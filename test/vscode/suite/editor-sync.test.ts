// Changes from outside the editor (another window, git) and several editors
// on one shard all end up in every view, without losing unsaved local edits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import {
  annotate,
  ANNOTATOR,
  closeEverything,
  createShard,
  navigate,
  openShard,
  setSettings,
  validDraft,
  waitFor,
} from './harness';

function externalEvent(request: string): string {
  return JSON.stringify({
    v: 1,
    id: randomUUID(),
    time: new Date().toISOString(),
    annotator: ANNOTATOR,
    request,
    type: 'note',
    text: 'from another window',
  });
}

suite('Editor: external changes and split editors', () => {
  teardown(async () => {
    await closeEverything();
    await setSettings({ saveMode: 'immediate' });
  });

  test('an event appended to the log by someone else is picked up, keeping unsaved local edits', async () => {
    await setSettings({ saveMode: 'manual' });
    const shard = await createShard('external');
    const { document, panel } = await openShard(shard);
    await navigate(panel, { kind: 'id', id: 'r3' });
    await annotate(panel, validDraft('r4'));

    await fs.mkdir(path.dirname(shard.logFile), { recursive: true });
    await fs.appendFile(shard.logFile, externalEvent('r3') + '\n');

    await waitFor(
      'the watcher to merge the external event',
      () => document.state().get('r3')?.notes[0]?.text === 'from another window',
    );
    assert.equal(document.state().get('r4')?.validity?.status, 'valid', 'the unsaved local edit survives');
    assert.equal(document.pendingEvents.length, 1);
    assert.ok(
      panel.history.some((m) => m.type === 'state' && m.requestId === 'r3'),
      'the panel showing r3 got its new state',
    );
  });

  test('a log rewritten shorter (git checkout) is re-read from the start', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('rewritten');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    await annotate(panel, validDraft('r1'));
    await fs.writeFile(shard.logFile, externalEvent('r2') + '\n');
    await waitFor('the re-read', () => document.state().has('r2') && !document.state().has('r0'));
  });

  test('two editors on one shard both receive every update', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('split');
    const first = await openShard(shard);
    const second = await openShard(shard, vscode.ViewColumn.Beside);
    assert.equal(first.document, second.document, 'one document, two panels');
    assert.notEqual(first.panel, second.panel);
    for (const { panel } of [first, second]) await navigate(panel, { kind: 'id', id: 'r2' });

    await annotate(first.panel, { type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Not a rec request' });
    for (const { panel } of [first, second]) {
      const state = await waitFor('a state message in each panel', () =>
        panel.history.findLast((m) => m.type === 'state' && m.requestId === 'r2'),
      );
      assert.deepEqual(state.type === 'state' && state.state.validity, { status: 'invalid', reason: 'Not a rec request' });
      const progress = panel.history.findLast((m) => m.type === 'progress');
      assert.deepEqual(progress?.type === 'progress' && progress.progress, { reviewed: 1, total: 5, invalid: 1, corrected: 0 });
    }
  });
});
