// Host faults found by hardening: a save-mode switch must keep the order of
// actions, the annotator setting applies to open editors, hot exit survives a
// missing or torn pointer, and manual mode appends to its backup per action.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { annotationLogPath } from '../../../src/core/annotations/paths';
import { readBackup } from '../../../src/host/editor/backup';
import {
  activeTabDirty,
  annotate,
  ANNOTATOR,
  closeEverything,
  confirmDraft,
  createShard,
  logEvents,
  openShard,
  setSettings,
  SHARD_VIEW,
  validDraft,
  waitFor,
} from './harness';

const SECOND_ANNOTATOR = 'second-tester';

suite('Editor: host faults (mode switch, annotator change, hot exit, backup cost)', () => {
  setup(() => setSettings({ saveMode: 'manual' }));
  teardown(async () => {
    await closeEverything();
    await setSettings({ saveMode: 'immediate' });
  });

  test('switching from manual to immediate with unsaved edits keeps their order, on screen and in the log', async () => {
    const shard = await createShard('mode-switch');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    await annotate(panel, { type: 'note', request: 'r0', text: 'unsaved note' });
    await waitFor('the tab to be dirty', () => activeTabDirty() === true);

    await setSettings({ saveMode: 'immediate' });
    const reply = await annotate(panel, { type: 'validity', request: 'r0', verdict: 'invalid', reason: 'Other' });
    assert.equal(reply.type === 'reply' && reply.ok, true);
    assert.equal(document.state().get('r0')?.validity?.status, 'invalid', 'the later action wins on screen');
    const lastState = [...panel.history].reverse().find((m) => m.type === 'state' && m.requestId === 'r0');
    assert.equal(
      lastState?.type === 'state' && lastState.state.validity?.status,
      'invalid',
      'the panel was told the later verdict',
    );
    const logged = await logEvents(shard.logFile);
    assert.deepEqual(
      logged.map((event) => event.type),
      ['validity', 'note', 'validity'],
      'unsaved work first, then the new action',
    );
    assert.deepEqual(
      logged.map((event) => ('verdict' in event ? event.verdict : undefined)),
      ['valid', undefined, 'invalid'],
    );
    assert.equal(document.pendingEvents.length, 0);
    await waitFor('the tab to be clean', () => activeTabDirty() === false);
  });

  test('a change of the annotator setting applies to the next action of an open editor', async () => {
    await setSettings({ saveMode: 'immediate' });
    const shard = await createShard('annotator-change');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    const config = vscode.workspace.getConfiguration('imageryAnnotator');
    await config.update('annotator', SECOND_ANNOTATOR, vscode.ConfigurationTarget.Global);
    try {
      await annotate(panel, validDraft('r1'));
      const secondLog = annotationLogPath(shard.file, SECOND_ANNOTATOR);
      const theirs = await logEvents(secondLog);
      assert.deepEqual(
        theirs.map((event) => [event.request, event.annotator]),
        [['r1', SECOND_ANNOTATOR]],
      );
      assert.deepEqual(
        (await logEvents(shard.logFile)).map((event) => event.request),
        ['r0'],
        'the first name keeps only its own work',
      );
      assert.equal(document.annotator, SECOND_ANNOTATOR);
      assert.equal(document.state().get('r0'), undefined, "the editor now shows the second annotator's state");
    } finally {
      await config.update('annotator', ANNOTATOR, vscode.ConfigurationTarget.Global);
    }
  });

  test("VS Code's own backup restores unsaved work when our pointer is missing or torn", async () => {
    const shard = await createShard('backup-id');
    const { api, document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r2'));
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    const destination = vscode.Uri.file(path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'imagery-backup-')), 'backup.json'));
    const backup = await provider.backupCustomDocument(document, { destination });
    const pendingIds = document.pendingEvents.map((event) => event.id);
    const pointer = provider.pointers.pointerFor(shard.uri);
    await waitFor('our pointer', async () => (await provider.pointers.newest(shard.uri)) !== undefined);

    // Torn: a crash cut the pointer mid-write.
    const whole = await fs.readFile(pointer.fsPath, 'utf8');
    await fs.writeFile(pointer.fsPath, whole.slice(0, Math.floor(whole.length / 2)));
    const afterTear = await provider.openCustomDocument(shard.uri, { backupId: backup.id, untitledDocumentData: undefined });
    try {
      assert.deepEqual(
        afterTear.pendingEvents.map((event) => event.id),
        pendingIds,
      );
    } finally {
      afterTear.dispose();
    }
    // Missing: the pointer is gone, VS Code's backup is not.
    await fs.rm(pointer.fsPath, { force: true });
    const afterLoss = await provider.openCustomDocument(shard.uri, { backupId: backup.id, untitledDocumentData: undefined });
    try {
      assert.deepEqual(
        afterLoss.pendingEvents.map((event) => event.id),
        pendingIds,
      );
      assert.equal(afterLoss.state().get('r2')?.validity?.status, 'valid');
    } finally {
      afterLoss.dispose();
    }
  });

  test('manual mode appends each action to our own backup instead of rewriting it', async () => {
    const shard = await createShard('backup-append');
    const { api, document, panel } = await openShard(shard);
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    // Our own copy, read directly: VS Code's backups may take the pointer meanwhile.
    const own = provider.pointers.ownBackupFor(shard.uri);
    const backedUp = async () => (await readBackup(own))?.map((event) => event.id).join();
    const inode = async () => (await fs.stat(own.fsPath)).ino;

    await annotate(panel, validDraft('r1'));
    await waitFor(
      'the first event in the backup',
      async () => (await backedUp()) === document.pendingEvents.map((e) => e.id).join(),
    );
    const first = await inode();
    await annotate(panel, confirmDraft('r1', 'c1'));
    await annotate(panel, { type: 'note', request: 'r1', text: 'third' });
    await waitFor(
      'all three events in the backup',
      async () => (await backedUp()) === document.pendingEvents.map((e) => e.id).join(),
    );
    assert.equal(document.pendingEvents.length, 3);
    assert.equal(await inode(), first, 'the backup file was appended to, not replaced');
  });

  test('save takes every action the webview sent before it, even one still queued behind a navigation', async () => {
    const shard = await createShard('save-while-queued');
    const { api, document, panel } = await openShard(shard);
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    await annotate(panel, validDraft('r0'));
    // As the webview sends them: a move, then an action, then Ctrl+S reaches the host.
    const moved = panel.receive({ type: 'navigate', seq: 910_001, target: { kind: 'next' } });
    const acted = panel.receive({ type: 'annotate', seq: 910_002, draft: validDraft('r1') });
    await provider.saveCustomDocument(document);
    assert.deepEqual(
      (await logEvents(shard.logFile)).map((event) => event.request),
      ['r0', 'r1'],
    );
    assert.equal(document.pendingEvents.length, 0);
    await Promise.all([moved, acted]);
  });
});
