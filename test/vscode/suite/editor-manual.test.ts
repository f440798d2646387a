// Manual save mode: edits make the editor dirty and stay in memory until
// Save; Revert drops them; a backup restores them when the document reopens.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { readBackup } from '../../../src/host/editor/backup';
import {
  activeTabDirty,
  annotate,
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

suite('Editor: manual save mode and backups', () => {
  suiteSetup(() => setSettings({ saveMode: 'manual' }));
  suiteTeardown(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('an edit makes the tab dirty without writing; save writes it and cleans the tab', async () => {
    const shard = await createShard('manual-save');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    await annotate(panel, confirmDraft('r0', 'c1'));

    await waitFor('the tab to be dirty', () => activeTabDirty() === true);
    assert.deepEqual(await logEvents(shard.logFile), []);
    assert.equal(document.pendingEvents.length, 2);
    assert.equal(document.state().get('r0')?.validity?.status, 'valid', 'pending events count in the state');

    const pendingIds = document.pendingEvents.map((event) => event.id);
    await vscode.workspace.save(shard.uri);
    const onDisk = await logEvents(shard.logFile);
    assert.deepEqual(
      onDisk.map((event) => event.type),
      ['validity', 'extraction'],
    );
    assert.deepEqual(
      onDisk.map((event) => event.id),
      pendingIds,
      'save writes the very events that were pending',
    );
    assert.equal(document.pendingEvents.length, 0);
    await waitFor('the tab to be clean', () => activeTabDirty() === false);
  });

  test('revert drops unsaved events and restores the saved state', async () => {
    const shard = await createShard('manual-revert');
    const { document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r1'));
    await vscode.workspace.save(shard.uri);
    await annotate(panel, { type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' });
    assert.equal(document.state().get('r1')?.validity?.status, 'invalid');

    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(
      'the revert',
      () => document.pendingEvents.length === 0 && document.state().get('r1')?.validity?.status === 'valid',
    );
    assert.equal((await logEvents(shard.logFile)).length, 1);
    await waitFor('the tab to be clean', () => activeTabDirty() === false);
  });

  test('backup + reopen restores the unsaved events; after delete() nothing is restored', async () => {
    const shard = await createShard('manual-backup');
    const { api, document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r2'));
    await annotate(panel, { type: 'note', request: 'r2', text: 'blurry photo' });
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    const destination = vscode.Uri.file(path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'imagery-backup-')), 'backup.json'));
    const backup = await provider.backupCustomDocument(document, { destination });
    assert.equal(backup.id, destination.toString());

    // Reopen as after a window reload that lost VS Code's backupId (the web workbench's hot-exit gap).
    const reopened = await provider.openCustomDocument(shard.uri, { backupId: undefined, untitledDocumentData: undefined });
    try {
      assert.deepEqual(
        reopened.pendingEvents.map((event) => event.id),
        document.pendingEvents.map((event) => event.id),
      );
      assert.equal(reopened.state().get('r2')?.notes[0]?.text, 'blurry photo');
      assert.deepEqual(await logEvents(shard.logFile), [], 'restoring does not write the log');
    } finally {
      reopened.dispose();
    }

    // VS Code gives a backupId, but the backup was deleted (the work is gone): load from disk. The
    // editor drops its edits first, or VS Code's own backup of them (a second after the edit) could be named.
    await provider.revertCustomDocument(document);
    backup.delete();
    await waitFor('the backup to be deleted', async () => !(await exists(destination.fsPath)));
    const fresh = await provider.openCustomDocument(shard.uri, { backupId: backup.id, untitledDocumentData: undefined });
    try {
      assert.equal(fresh.pendingEvents.length, 0);
      assert.equal(fresh.state().get('r2'), undefined);
    } finally {
      fresh.dispose();
    }
  });
  test('VS Code opening a shard without a backupId still restores our newest backup and marks the tab dirty', async () => {
    const source = await createShard('hot-exit-source');
    const { api, document, panel } = await openShard(source);
    await annotate(panel, validDraft('r3'));
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    const destination = vscode.Uri.file(path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'imagery-backup-')), 'backup.json'));
    await provider.backupCustomDocument(document, { destination });
    await closeEverything();

    // A second shard whose window "reloaded" before VS Code recorded its backup: only our pointer names it.
    const target = await createShard('hot-exit-target');
    await api.testing.pointBackup(target.uri, destination);
    const reopened = await openShard(target);
    assert.equal(reopened.document.pendingEvents.length, 1);
    assert.equal(reopened.document.state().get('r3')?.validity?.status, 'valid');
    await waitFor('the restored tab to be dirty', () => activeTabDirty() === true);
    assert.deepEqual(await logEvents(target.logFile), []);

    await vscode.workspace.save(target.uri);
    assert.equal((await logEvents(target.logFile)).length, 1);
    await waitFor('the tab to be clean', () => activeTabDirty() === false);
  });
  test('every unsaved edit is in our own backup at once, pointed to; revert leaves none', async () => {
    const shard = await createShard('own-backup');
    const { api, document, panel } = await openShard(shard);
    const provider = api.testing.provider(SHARD_VIEW);
    assert.ok(provider);
    const backedUp = async () => {
      const newest = await provider.pointers.newest(shard.uri);
      return newest && (await readBackup(newest))?.map((event) => event.id);
    };
    await annotate(panel, validDraft('r1'));
    await annotate(panel, confirmDraft('r1', 'c1'));
    const ids = document.pendingEvents.map((event) => event.id);
    await waitFor('both unsaved events in the backup', async () => JSON.stringify(await backedUp()) === JSON.stringify(ids));
    assert.deepEqual(await logEvents(shard.logFile), [], 'the backup is not the log');

    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the backup to be gone after revert', async () => (await provider.pointers.newest(shard.uri)) === undefined);
  });

  test('save as writes a copy of the shard and a log with every event, saved or not', async () => {
    const shard = await createShard('save-as');
    const { api, document, panel } = await openShard(shard);
    await annotate(panel, validDraft('r0'));
    await vscode.workspace.save(shard.uri);
    await annotate(panel, confirmDraft('r0', 'c1'));
    const target = vscode.Uri.file(path.join(shard.root, 'copy', 'copy.shard.jsonl'));
    await api.testing.provider(SHARD_VIEW)?.saveCustomDocumentAs(document, target);
    assert.equal(await fs.readFile(target.fsPath, 'utf8'), await fs.readFile(shard.file, 'utf8'));
    const copied = await logEvents(path.join(target.fsPath + '.annotations', 'integration-tester.jsonl'));
    assert.deepEqual(
      copied.map((event) => event.type),
      ['validity', 'extraction'],
    );
  });
});

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
