// Hot exit for unsaved (manual mode) events. VS Code gives each backup a
// destination, but only about a second after an edit, and the web workbench
// may reopen an editor with no backupId or a stale one if the window closes
// within seconds. So we also keep our own copy of the unsaved events, written
// at every edit, and a pointer per document to the newest backup of either kind.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import * as z from 'zod';
import { KnownEvent, UnknownEvent, type AnnotationEvent } from '../../core/annotations/events';
import { backupUpdate } from './state/dirty-table';
import { SerialQueue } from './state/serial-queue';
import { deleteStorageFile, readStorageFile, writeStorageFile } from '../storage-files';
import { storageKey } from './storage-key';

const BACKUP_VERSION = 1;

const BackupEvent = z.union([KnownEvent, UnknownEvent]);

const BackupFile = z.object({
  version: z.literal(BACKUP_VERSION),
  document: z.string(),
  pending: z.array(BackupEvent),
});

/** The first line of our own copy, kept one event per line so an action appends instead of rewriting. */
const BackupHeader = z.object({
  version: z.literal(BACKUP_VERSION),
  document: z.string(),
  lines: z.literal(true),
});

const PointerRecord = z.object({
  document: z.string(),
  backup: z.string(),
  time: z.string(),
});

/** Writes a backup whole or not at all: a crash mid-write keeps the previous one. */
export async function writeBackup(
  destination: vscode.Uri,
  document: vscode.Uri,
  pending: readonly AnnotationEvent[],
): Promise<void> {
  await writeStorageFile(destination, JSON.stringify({ version: BACKUP_VERSION, document: document.toString(), pending }));
}

/**
 * The pending events of a backup, or undefined when it is missing or unreadable (then we load from disk).
 * A backup is one JSON object; our own copy may also be a header line followed by one event per line
 * (appended at each action), whose last line a crash may have cut: the lines before it still count.
 */
export async function readBackup(backup: vscode.Uri): Promise<AnnotationEvent[] | undefined> {
  let lines: string[];
  try {
    lines = (await readStorageFile(backup)).split('\n').filter((line) => line !== '');
  } catch {
    return undefined;
  }
  const whole = BackupFile.safeParse(parseJson(lines[0]));
  if (whole.success) return whole.data.pending as AnnotationEvent[];
  if (!BackupHeader.safeParse(parseJson(lines[0])).success) return undefined;
  const events: AnnotationEvent[] = [];
  for (const line of lines.slice(1)) {
    const event = BackupEvent.safeParse(parseJson(line));
    if (!event.success) break;
    events.push(event.data as AnnotationEvent);
  }
  return events;
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One small JSON record per document with unsaved work, named by a hash of
 * the document's URI, and beside it our own backup of that work. Calls for one
 * document run in order, so a late backup can never outlive the save after it.
 */
export class BackupPointers {
  private readonly queues = new Map<string, SerialQueue>();
  /** Per document: the ids in our own copy as last written ([] once removed). */
  private readonly kept = new Map<string, readonly string[]>();
  /** Documents whose pointer names our own copy (not a backup of VS Code's). */
  private readonly pointsToOwn = new Set<string>();

  constructor(private readonly folder: vscode.Uri) {}

  /** The small record naming a document's newest backup. */
  pointerFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${storageKey(document)}.json`);
  }

  /** Our own copy of the document's unsaved events. */
  ownBackupFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${storageKey(document)}.unsaved`);
  }

  private inOrder<T>(document: vscode.Uri, job: () => Promise<T>): Promise<T> {
    const key = document.toString();
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = new SerialQueue()));
    return queue.run(job);
  }

  /**
   * Our own copy of the unsaved events, brought up to date at every action: the new
   * events are appended (a long session must not cost a rewrite per action); an undo
   * that dropped events rewrites it; none is left when nothing is unsaved.
   */
  keep(document: vscode.Uri, pending: readonly AnnotationEvent[]): Promise<void> {
    const snapshot = [...pending];
    const ids = snapshot.map((event) => event.id);
    return this.inOrder(document, async () => {
      const key = document.toString();
      const own = this.ownBackupFor(document);
      const update = backupUpdate(this.kept.get(key), ids);
      if (update.kind === 'none') return;
      if (update.kind === 'remove') return this.forgetNow(document);
      if (update.kind === 'append' && own.scheme === 'file') {
        await fs.appendFile(own.fsPath, eventLines(snapshot.slice(update.from)));
      } else {
        const header = JSON.stringify({ version: BACKUP_VERSION, document: key, lines: true });
        await writeStorageFile(own, `${header}\n${eventLines(snapshot)}`);
      }
      this.kept.set(key, ids);
      if (!this.pointsToOwn.has(key)) await this.pointNow(document, own);
    });
  }

  /** Nothing unsaved any more (saved, reverted, or closed with "Don't Save"). */
  forget(document: vscode.Uri): Promise<void> {
    return this.inOrder(document, () => this.forgetNow(document));
  }

  private async forgetNow(document: vscode.Uri): Promise<void> {
    await deleteStorageFile(this.pointerFor(document));
    await deleteStorageFile(this.ownBackupFor(document));
    this.kept.set(document.toString(), []);
    this.pointsToOwn.delete(document.toString());
  }

  /**
   * Names `backup` as the newest. `stillUnsaved` is asked in turn, after any save queued
   * before: a backup VS Code started before a save must not point at work now saved.
   */
  point(document: vscode.Uri, backup: vscode.Uri, stillUnsaved: () => boolean = () => true): Promise<void> {
    return this.inOrder(document, async () => {
      if (stillUnsaved()) await this.pointNow(document, backup);
    });
  }

  /** Written whole or not at all: a torn pointer would hide the newest backup. */
  private async pointNow(document: vscode.Uri, backup: vscode.Uri): Promise<void> {
    const record = { document: document.toString(), backup: backup.toString(), time: new Date().toISOString() };
    await writeStorageFile(this.pointerFor(document), JSON.stringify(record));
    if (backup.toString() === this.ownBackupFor(document).toString()) this.pointsToOwn.add(document.toString());
    else this.pointsToOwn.delete(document.toString());
  }

  /** The newest backup of the document, if a record names one. */
  async newest(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    try {
      const raw = await readStorageFile(this.pointerFor(document));
      const parsed = PointerRecord.safeParse(JSON.parse(raw));
      if (!parsed.success || parsed.data.document !== document.toString()) return undefined;
      return vscode.Uri.parse(parsed.data.backup);
    } catch {
      return undefined;
    }
  }

  /** Removes the record if it still names this backup (a newer backup may have replaced it). */
  clear(document: vscode.Uri, backup: vscode.Uri): Promise<void> {
    return this.inOrder(document, async () => {
      if ((await this.newest(document))?.toString() !== backup.toString()) return;
      await deleteStorageFile(this.pointerFor(document));
      this.pointsToOwn.delete(document.toString());
    });
  }
}

function eventLines(events: readonly AnnotationEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}
