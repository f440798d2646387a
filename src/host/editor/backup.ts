// Hot exit for unsaved (manual mode) events. VS Code gives each backup a
// destination, but only about a second after an edit, and the web workbench
// may reopen an editor with no backupId or a stale one if the window closes
// within seconds. So we also keep our own copy of the unsaved events, written
// at every edit, and a pointer per document to the newest backup of either kind.
import * as vscode from 'vscode';
import { z } from 'zod';
import { KnownEvent, UnknownEvent, type AnnotationEvent } from '../../core/annotations/events';
import { SerialQueue } from './model/serial-queue';
import { storageKey } from './storage-key';

const BACKUP_VERSION = 1;

const BackupFile = z.object({
  version: z.literal(BACKUP_VERSION),
  document: z.string(),
  pending: z.array(z.union([KnownEvent, UnknownEvent])),
});

const PointerRecord = z.object({
  document: z.string(),
  backup: z.string(),
  time: z.string(),
});

/** Writes a backup whole or not at all (temp file, then rename): a crash mid-write keeps the previous one. */
export async function writeBackup(destination: vscode.Uri, document: vscode.Uri, pending: readonly AnnotationEvent[]): Promise<void> {
  const body = JSON.stringify({ version: BACKUP_VERSION, document: document.toString(), pending });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(destination, '..'));
  const temp = destination.with({ path: `${destination.path}.${process.pid}.tmp` });
  await vscode.workspace.fs.writeFile(temp, Buffer.from(body, 'utf8'));
  await vscode.workspace.fs.rename(temp, destination, { overwrite: true });
}

/** The pending events of a backup, or undefined when it is missing or unreadable (then we load from disk). */
export async function readBackup(backup: vscode.Uri): Promise<AnnotationEvent[] | undefined> {
  try {
    const parsed = BackupFile.safeParse(JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(backup)).toString('utf8')));
    return parsed.success ? (parsed.data.pending as AnnotationEvent[]) : undefined;
  } catch {
    return undefined;
  }
}

export async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri);
  } catch {
    // Already gone: nothing to clean.
  }
}

/**
 * One small JSON record per document with unsaved work, named by a hash of
 * the document's URI, and beside it our own backup of that work. Calls for one
 * document run in order, so a late backup can never outlive the save after it.
 */
export class BackupPointers {
  private readonly queues = new Map<string, SerialQueue>();

  constructor(private readonly folder: vscode.Uri) {}

  private recordFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${storageKey(document)}.json`);
  }

  private ownBackupFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${storageKey(document)}.unsaved`);
  }

  private inOrder<T>(document: vscode.Uri, job: () => Promise<T>): Promise<T> {
    const key = document.toString();
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = new SerialQueue()));
    return queue.run(job);
  }

  /** Our own backup of the unsaved events, taken at every edit; none left when nothing is unsaved. */
  keep(document: vscode.Uri, pending: readonly AnnotationEvent[]): Promise<void> {
    const snapshot = [...pending];
    return this.inOrder(document, async () => {
      if (snapshot.length === 0) return this.forgetNow(document);
      const own = this.ownBackupFor(document);
      await writeBackup(own, document, snapshot);
      await this.pointNow(document, own);
    });
  }

  /** Nothing unsaved any more (saved, reverted, or closed with "Don't Save"). */
  forget(document: vscode.Uri): Promise<void> {
    return this.inOrder(document, () => this.forgetNow(document));
  }

  private async forgetNow(document: vscode.Uri): Promise<void> {
    await deleteQuietly(this.recordFor(document));
    await deleteQuietly(this.ownBackupFor(document));
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

  private async pointNow(document: vscode.Uri, backup: vscode.Uri): Promise<void> {
    const record = { document: document.toString(), backup: backup.toString(), time: new Date().toISOString() };
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.recordFor(document), Buffer.from(JSON.stringify(record), 'utf8'));
  }

  /** The newest backup of the document, if a record names one. */
  async newest(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    try {
      const raw = Buffer.from(await vscode.workspace.fs.readFile(this.recordFor(document))).toString('utf8');
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
      await deleteQuietly(this.recordFor(document));
    });
  }
}
