// Hot exit for unsaved (manual mode) events. VS Code gives each backup a
// destination; we also keep our own pointer to the newest backup per
// document, because the web workbench may reopen an editor with no backupId
// or a stale one if the window closes within seconds of the last backup.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { z } from 'zod';
import { KnownEvent, UnknownEvent, type AnnotationEvent } from '../../core/annotations/events';

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

export async function writeBackup(destination: vscode.Uri, document: vscode.Uri, pending: readonly AnnotationEvent[]): Promise<void> {
  const body = JSON.stringify({ version: BACKUP_VERSION, document: document.toString(), pending });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(destination, '..'));
  await vscode.workspace.fs.writeFile(destination, Buffer.from(body, 'utf8'));
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

/** One small JSON record per document with unsaved work, named by a hash of the document's URI. */
export class BackupPointers {
  constructor(private readonly folder: vscode.Uri) {}

  private recordFor(document: vscode.Uri): vscode.Uri {
    const key = createHash('sha256').update(document.toString()).digest('hex').slice(0, 32);
    return vscode.Uri.joinPath(this.folder, `${key}.json`);
  }

  async point(document: vscode.Uri, backup: vscode.Uri): Promise<void> {
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
  async clear(document: vscode.Uri, backup?: vscode.Uri): Promise<void> {
    if (backup && (await this.newest(document))?.toString() !== backup.toString()) return;
    await deleteQuietly(this.recordFor(document));
  }
}
