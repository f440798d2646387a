// What each save mode does, at each moment of a document's life, about VS
// Code's dirty marker and about hot-exit backups. VS Code marks a custom
// editor's tab dirty at every edit event and at every reopen from a backup,
// whether or not anything is unsaved; this table is where that is answered.
// No vscode import: the host runs these effects (see ../dirty-tabs.ts).

export type SaveMode = 'immediate' | 'manual';

export type Trigger =
  /** The user annotated (an edit event for VS Code's undo stack). */
  | 'edit'
  /** The state changed otherwise: undo, redo, revert, an outside change of the log. */
  | 'undo'
  /** VS Code saved the document. */
  | 'save'
  /** VS Code reverted the document. */
  | 'revert'
  /** VS Code asked for a hot-exit backup. */
  | 'backup'
  /** The first panel of a freshly opened document exists (a new tab, or one restored after a reload). */
  | 'reopen'
  /** VS Code turned one of our tabs dirty on its own schedule. */
  | 'tab-dirty';

export type Effect =
  /** Tell VS Code about the edit: its undo stack and its dirty marker. */
  | 'relay-edit'
  /** Make our own copy of the unsaved events match them now (appending), not a second later; none when nothing is unsaved. */
  | 'keep-own-backup'
  /** When nothing is unsaved but the tab shows dirty, a no-op save clears the marker. */
  | 'clean-tab'
  /** Nothing is unsaved any more: drop our pointer and our copy. */
  | 'forget-backup'
  /** Write VS Code's backup, and point to it while something is unsaved. */
  | 'write-backup'
  /** Unsaved events came back from a backup VS Code did not name: an edit event marks the tab dirty (and saveable). */
  | 'mark-restored'
  /**
   * A tab restored dirty over a clean document: VS Code announces the resolved state only when it is
   * dirty, so the marker would stay forever. An empty edit makes the document dirty; the save after it
   * turns the marker off.
   */
  | 'wake-stale-tab';

type Table = Readonly<Record<SaveMode, Readonly<Record<Trigger, readonly Effect[]>>>>;

export const DIRTY_TABLE: Table = {
  // Every action is on disk at once: the tab should never stay dirty. (Unsaved work left from
  // manual mode is written before the next action, and then our copy of it goes.)
  immediate: {
    edit: ['relay-edit', 'keep-own-backup', 'clean-tab'],
    undo: ['keep-own-backup', 'clean-tab'],
    save: ['forget-backup'],
    revert: ['forget-backup'],
    backup: ['write-backup'],
    reopen: ['mark-restored', 'wake-stale-tab', 'clean-tab'],
    'tab-dirty': ['clean-tab'],
  },
  // Actions stay in memory until Save: the tab is dirty while they do, and our copy follows them.
  manual: {
    edit: ['relay-edit', 'keep-own-backup'],
    undo: ['keep-own-backup'],
    save: ['forget-backup'],
    revert: ['forget-backup'],
    backup: ['write-backup'],
    reopen: ['mark-restored', 'wake-stale-tab', 'clean-tab'],
    'tab-dirty': ['clean-tab'],
  },
};

export function effectsOf(mode: SaveMode, trigger: Trigger): readonly Effect[] {
  return DIRTY_TABLE[mode][trigger];
}

/**
 * How to bring our own copy of the unsaved events (by id, as last written) up to
 * date: nothing, append the new ones (the usual case, one per action), rewrite
 * it (after an undo dropped events), or remove it (nothing is unsaved).
 */
export type BackupUpdate = { kind: 'none' } | { kind: 'append'; from: number } | { kind: 'rewrite' } | { kind: 'remove' };

export function backupUpdate(kept: readonly string[] | undefined, pending: readonly string[]): BackupUpdate {
  if (pending.length === 0) return kept?.length === 0 ? { kind: 'none' } : { kind: 'remove' };
  if (kept === undefined || kept.length === 0 || kept.length > pending.length) return { kind: 'rewrite' };
  for (let i = 0; i < kept.length; i++) if (kept[i] !== pending[i]) return { kind: 'rewrite' };
  return kept.length === pending.length ? { kind: 'none' } : { kind: 'append', from: kept.length };
}
