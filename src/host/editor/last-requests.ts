// Where the annotator was in each shard, so a reloaded window or a reopened
// editor resumes at that request. Kept in the extension's own storage as soon
// as a request is shown: VS Code's webview state and mementos reach disk only
// every few seconds in the web workbench, so a quick reload would forget them.
import * as vscode from 'vscode';
import * as z from 'zod';
import { readStorageFile, writeStorageFile } from '../storage-files';
import { storageKey } from './storage-key';

const Record = z.object({ document: z.string(), request: z.string() });

export class LastRequests {
  /** The newest write per document: a burst of key presses leaves only the last request on disk. */
  private readonly writing = new Map<string, Promise<void>>();
  private readonly latest = new Map<string, string>();

  constructor(private readonly folder: vscode.Uri) {}

  private fileFor(document: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${storageKey(document)}.json`);
  }

  /** The request last shown for this document, if any (a missing or damaged record is no memory). */
  async get(document: vscode.Uri): Promise<string | undefined> {
    try {
      const raw = await readStorageFile(this.fileFor(document));
      const parsed = Record.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.document === document.toString() ? parsed.data.request : undefined;
    } catch {
      return undefined;
    }
  }

  remember(document: vscode.Uri, request: string): void {
    const key = document.toString();
    this.latest.set(key, request);
    if (this.writing.has(key)) return; // the running write picks up the newest request when it is done
    const write = async (): Promise<void> => {
      for (let written: string | undefined; written !== this.latest.get(key);) {
        written = this.latest.get(key);
        const body = JSON.stringify({ document: key, request: written });
        await writeStorageFile(this.fileFor(document), body);
      }
    };
    this.writing.set(
      key,
      write()
        .catch(() => undefined) // only a convenience: the shard still opens at its first unreviewed request
        .finally(() => this.writing.delete(key)),
    );
  }
}
