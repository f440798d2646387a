// "Imagery: Open Review Queue…" and "Imagery: Leave Review Queue".
import * as vscode from 'vscode';
import { QUEUE_EXTENSION } from '../../core/validation/queue';
import type { ReviewQueueSession } from './queue-session';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';
import { errorMessage } from '../../core/error-message';

export function registerQueueCommands(session: ReviewQueueSession): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('imageryAnnotator.openReviewQueue', (arg?: unknown) => openReviewQueue(session, arg)),
    vscode.commands.registerCommand('imageryAnnotator.leaveReviewQueue', () => {
      const name = session.current?.name;
      session.leave();
      if (name)
        void vscode.window.setStatusBarMessage(
          uiText(`Left the review queue ${name}: next and previous walk the shard again`),
          4000,
        );
    }),
  ];
}

/** `arg`: a queue file (Uri or path) from the Shards view or a test; otherwise the queues beside the shards are offered. */
async function openReviewQueue(session: ReviewQueueSession, arg?: unknown): Promise<boolean> {
  let file = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === 'string' ? arg : undefined;
  if (file === undefined) {
    const queues = (await vscode.workspace.findFiles(`**/*${QUEUE_EXTENSION}`, '**/{node_modules,.git}/**'))
      .map((uri) => uri.fsPath)
      .sort();
    if (queues.length === 0) {
      void notify.info('No review queue (*.queue.json) in this workspace: run "Imagery: Sample for Validation…" first.');
      return false;
    }
    const picked = await vscode.window.showQuickPick(
      queues.map((queue) => ({ label: uiText(vscode.workspace.asRelativePath(queue)), file: queue })),
      // Stays open when an editor takes the focus late (as the run and import picks do).
      {
        title: 'Open Review Queue',
        placeHolder: 'Walk a review queue: next and previous go through its items',
        ignoreFocusOut: true,
      },
    );
    if (!picked) return false;
    file = picked.file;
  }
  try {
    const outcome = await session.open(file);
    if (!outcome.ok) void notify.warning(outcome.error);
    return outcome.ok;
  } catch (error) {
    void notify.error(`Cannot open the review queue: ${errorMessage(error)}`);
    return false;
  }
}
