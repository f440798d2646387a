// The dirty table: what each save mode does about VS Code's dirty marker and
// hot-exit backups, at each moment of a document's life.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backupUpdate, DIRTY_TABLE, effectsOf, type SaveMode, type Trigger } from '../../../src/host/editor/state/dirty-table';

const MODES: SaveMode[] = ['immediate', 'manual'];
const TRIGGERS: Trigger[] = ['edit', 'undo', 'save', 'revert', 'backup', 'reopen', 'tab-dirty'];

test('every mode answers every trigger', () => {
  for (const mode of MODES) assert.deepEqual(Object.keys(DIRTY_TABLE[mode]).sort(), [...TRIGGERS].sort(), mode);
});

test('an edit reaches VS Code (undo stack) in both modes, and only an edit does', () => {
  for (const mode of MODES) {
    for (const trigger of TRIGGERS) {
      assert.equal(effectsOf(mode, trigger).includes('relay-edit'), trigger === 'edit', `${mode} ${trigger}`);
    }
  }
});

test('immediate mode cleans the tab after every action; manual mode leaves it dirty until save', () => {
  assert.ok(effectsOf('immediate', 'edit').includes('clean-tab'));
  assert.ok(effectsOf('immediate', 'undo').includes('clean-tab'));
  assert.ok(!effectsOf('manual', 'edit').includes('clean-tab'));
  assert.ok(!effectsOf('manual', 'undo').includes('clean-tab'));
});

test('manual mode backs up unsaved work at every action, undo included', () => {
  assert.ok(effectsOf('manual', 'edit').includes('keep-own-backup'));
  assert.ok(effectsOf('manual', 'undo').includes('keep-own-backup'));
});

test('save and revert leave no backup; a backup request writes one; a reopen may mark or clean the tab', () => {
  for (const mode of MODES) {
    assert.deepEqual(effectsOf(mode, 'save'), ['forget-backup']);
    assert.deepEqual(effectsOf(mode, 'revert'), ['forget-backup']);
    assert.deepEqual(effectsOf(mode, 'backup'), ['write-backup']);
    assert.deepEqual(effectsOf(mode, 'reopen'), ['mark-restored', 'wake-stale-tab', 'clean-tab']);
    assert.deepEqual(effectsOf(mode, 'tab-dirty'), ['clean-tab']);
  }
});

test('after a switch to immediate mode, an action also brings our own backup in line (none left once written)', () => {
  assert.ok(effectsOf('immediate', 'edit').includes('keep-own-backup'));
  assert.ok(effectsOf('immediate', 'undo').includes('keep-own-backup'));
});

test('our own backup grows by appending; it is rewritten only when kept events were dropped', () => {
  assert.deepEqual(backupUpdate(undefined, ['a']), { kind: 'rewrite' }, 'the first write makes the file');
  assert.deepEqual(backupUpdate([], ['a']), { kind: 'rewrite' });
  assert.deepEqual(backupUpdate(['a'], ['a', 'b', 'c']), { kind: 'append', from: 1 });
  assert.deepEqual(backupUpdate(['a', 'b'], ['a', 'b']), { kind: 'none' }, 'a second trigger for the same action writes nothing');
  assert.deepEqual(backupUpdate(['a', 'b'], ['a']), { kind: 'rewrite' }, 'fewer events: rewrite');
  assert.deepEqual(backupUpdate(['a', 'b'], ['a', 'x', 'c']), { kind: 'rewrite' }, 'another prefix: rewrite');
  assert.deepEqual(backupUpdate(['a'], []), { kind: 'remove' });
  assert.deepEqual(backupUpdate(undefined, []), { kind: 'remove' }, 'a leftover from an earlier session goes');
  assert.deepEqual(backupUpdate([], []), { kind: 'none' });
});
