// A file name for per-document records in the extension's storage folder.
import { createHash } from '../../core/node-crypto';
import type * as vscode from 'vscode';

export function storageKey(document: vscode.Uri): string {
  return createHash('sha256').update(document.toString()).digest('hex').slice(0, 32);
}
