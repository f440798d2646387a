// Batch extraction runs written while a shard is open (`imagery extract
// --shards` in the integrated terminal, beside the editor) reach the shown
// request without moving. Both places the editor reads runs from (an
// `extractions` folder beside the shard's folder or inside it) are watched,
// and polled as well: in code-server a watch on folders that appear after it
// started (the run makes `extractions/<name>/<domain>/`) reported nothing.
// A run appends answer by answer, so changes are taken at most once a second.
import { statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTRACTION_FILE } from '../../core/models/extract/comment-line';
import { listExtractionOutputs } from '../../core/models/extract/batch-output';
import { EXTRACTIONS_FOLDER, extractionFolders } from '../../core/models/extract/batch-suggestions';

const THROTTLE_MS = 1_000;
const POLL_MS = 2_000;

/** The run files of a domain with their size and time: changes when a run is written, grows or goes. */
export function runFilesStamp(shardFile: string, domain: string): string {
  return extractionFolders(shardFile)
    .flatMap((folder) => listExtractionOutputs(folder, domain))
    .map(({ file }) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('\n');
}

/** Calls `onChange` when a run file of the shown request's domain (`domain()`, undefined: nothing shown) changes. */
export function watchExtractionRuns(
  shardFile: string,
  domain: () => string | undefined,
  onChange: () => void,
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, THROTTLE_MS);
  };
  const shardFolder = path.dirname(shardFile);
  // Rooted at folders that exist: the extractions folder itself may appear only with the run.
  const watchers = [path.dirname(shardFolder), shardFolder].map((base) =>
    vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(base), `${EXTRACTIONS_FOLDER}/**/${EXTRACTION_FILE}`),
    ),
  );
  const subscriptions = watchers.flatMap((watcher) => [
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
  ]);
  let seen: { domain: string; stamp: string } | undefined;
  const poll = setInterval(() => {
    const shown = domain();
    if (shown === undefined) return;
    const stamp = runFilesStamp(shardFile, shown);
    // A new domain on screen is shown with its runs already; only a change after that counts.
    if (seen?.domain === shown && seen.stamp !== stamp) changed();
    seen = { domain: shown, stamp };
  }, POLL_MS);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    clearInterval(poll);
    for (const subscription of subscriptions) subscription.dispose();
  });
}
