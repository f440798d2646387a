// The report's commands: Show Report (all shards, or one review queue) and Sample for Validation.
import * as vscode from 'vscode';
import path from 'node:path';
import { QUEUE_EXTENSION, queueShardPath } from '../../core/validation/queue';
import { readQueue } from '../../core/validation/queue-file';
import type { EditorRegistry } from '../editor/registry';
import { SHARD_GLOB } from '../views/shard-tree';
import { ReportPanel } from './report-panel';
import { runSampleForValidation, sampleAnswers } from './sample-command';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';
import { errorMessage } from '../../core/error-message';

export function registerReportCommands(extensionUri: vscode.Uri, registry: EditorRegistry): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('imageryAnnotator.showReport', (queueFile?: unknown) =>
      showReport(extensionUri, registry, queueFile),
    ),
    vscode.commands.registerCommand('imageryAnnotator.sampleForValidation', (arg?: unknown) =>
      runSampleForValidation(sampleAnswers(arg)),
    ),
    { dispose: () => ReportPanel.current?.panel.dispose() },
  ];
}

/** `queueFile` (a path or Uri) skips the question; `null` means no queue; otherwise existing queues are offered. */
async function showReport(
  extensionUri: vscode.Uri,
  registry: EditorRegistry,
  queueArg?: unknown,
): Promise<ReportPanel | undefined> {
  let shards = (await vscode.workspace.findFiles(SHARD_GLOB, '**/node_modules/**')).map((uri) => uri.fsPath).sort();
  if (shards.length === 0 && queueArg === undefined) {
    void notify.warning('No *.shard.jsonl files in this workspace to report on.');
    return undefined;
  }
  let queueFile = queueArg instanceof vscode.Uri ? queueArg.fsPath : typeof queueArg === 'string' ? queueArg : undefined;
  if (queueArg === null) queueFile = undefined;
  else if (queueArg === undefined) {
    const queues = (await vscode.workspace.findFiles(`**/*${QUEUE_EXTENSION}`, '**/node_modules/**'))
      .map((uri) => uri.fsPath)
      .sort();
    if (queues.length > 0) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Everything annotated', file: undefined as string | undefined },
          ...queues.map((file) => ({ label: uiText(vscode.workspace.asRelativePath(file)), file })),
        ],
        { title: 'Show Report', placeHolder: 'Report on every annotation, or limit it to a review queue' },
      );
      if (!picked) return undefined;
      queueFile = picked.file;
    }
  }
  // A queue names its own shards: report on exactly those (the search index may not list a new file yet).
  if (queueFile) {
    try {
      const queue = await readQueue(queueFile);
      shards = queue.shards.map((relative) => queueShardPath(path.dirname(queueFile!), relative));
    } catch (error) {
      void notify.error(`Cannot read the review queue: ${errorMessage(error)}`);
      return undefined;
    }
  }
  return ReportPanel.show(extensionUri, registry, { shards, queueFile });
}
