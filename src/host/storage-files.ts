// Small files in the extension's own storage (backups, their pointers, the
// last request per shard). A local file is read and written with Node, not
// `workspace.fs`: in a web workbench that goes through the window, and a
// browser tab closed right after an action never finished the write (an edit
// was lost so). Other schemes (a virtual workspace) still use `workspace.fs`.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { writeFileWhole } from '../core/write-whole';

/** Written whole or not at all (beside, then renamed): a crash mid-write keeps the previous file. */
export async function writeStorageFile(target: vscode.Uri, text: string): Promise<void> {
  if (target.scheme === 'file') {
    await writeFileWhole(target.fsPath, text);
    return;
  }
  const temp = target.with({ path: `${target.path}.${process.pid}.tmp` });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(temp, Buffer.from(text, 'utf8'));
  await vscode.workspace.fs.rename(temp, target, { overwrite: true });
}

/** The file's text; rejects when it is missing or unreadable. */
export async function readStorageFile(source: vscode.Uri): Promise<string> {
  if (source.scheme === 'file') return fs.readFile(source.fsPath, 'utf8');
  return Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
}

/** Removes the file if it is there. */
export async function deleteStorageFile(target: vscode.Uri): Promise<void> {
  try {
    if (target.scheme === 'file') await fs.rm(target.fsPath, { force: true });
    else await vscode.workspace.fs.delete(target);
  } catch {
    // Already gone, or its folder is: nothing to clean.
  }
}
