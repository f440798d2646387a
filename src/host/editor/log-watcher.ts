// Picks up changes to the annotator's log made outside this document: another
// window (even the same annotator), a git pull or checkout. Our own appends
// come back here too; the document skips events it already has. File events
// can be late or missing (remote and network file systems), so a cheap stat
// every few seconds backs them up.
import path from 'node:path';
import * as vscode from 'vscode';
import { otherLogsStamp } from '../log-stamp';
import { output } from '../output';
import type { AnnotatorDocument } from './document';

/** Coalesces bursts of file events (one append may report create + change). */
const SETTLE_MS = 50;
const POLL_MS = 2000;

export function watchLog(document: AnnotatorDocument): vscode.Disposable {
  // Asked each time: the document moves to another log when the annotator setting changes.
  const logFile = () => path.resolve(document.logFile);
  let timer: NodeJS.Timeout | undefined;
  const sync = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      document
        .syncFromDisk()
        .catch((error: unknown) => output().error(`${logFile()}: could not re-read the log: ${String(error)}`));
    }, SETTLE_MS);
  };
  // The other annotators' logs, as last seen: their file events can go missing too.
  let othersSeen: string | undefined;
  const pollOthers = async () => {
    const now = await otherLogsStamp(document.uri.fsPath, logFile());
    if (othersSeen !== undefined && now !== othersSeen) document.otherLogsChanged();
    othersSeen = now;
  };
  // The first fingerprint now, not at the first poll: a log another annotator wrote in the two seconds
  // after the editor opened was in that first fingerprint, so no later one differed, and if the file
  // event was missed too the panel never heard of it (the likely cause of a check that heard nothing in 60 s).
  pollOthers().catch(() => undefined);
  const poll = setInterval(() => {
    document.logChangedOnDisk().then(
      (changed) => changed && sync(),
      () => undefined,
    );
    pollOthers().catch(() => undefined);
  }, POLL_MS);
  // Rooted at the shard's folder (which exists) rather than the `.annotations`
  // folder, which appears only with the first append; `**` asks for a recursive
  // watch (a new folder's first file may still be reported late: the poll covers it).
  const shardFolder = vscode.Uri.file(path.dirname(document.uri.fsPath));
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(shardFolder, '**/*.annotations/*.jsonl'));
  let othersTimer: NodeJS.Timeout | undefined;
  const ownFolder = () => path.dirname(logFile());
  const onFile = (uri: vscode.Uri) => {
    const file = path.resolve(uri.fsPath);
    if (file === logFile()) sync();
    else if (path.dirname(file) === ownFolder()) {
      // Another annotator's log of this shard: the adjudication panel's answers may have changed.
      clearTimeout(othersTimer);
      othersTimer = setTimeout(() => document.otherLogsChanged(), SETTLE_MS);
    }
  };
  const subscriptions = [watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile)];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    clearTimeout(othersTimer);
    clearInterval(poll);
    for (const subscription of subscriptions) subscription.dispose();
  });
}
