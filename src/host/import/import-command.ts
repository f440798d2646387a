// "Imagery: Import Release…": the questions, then the core importer (the same
// `importRelease` as `imagery import`) under a cancellable progress
// notification, then the summary, the refreshed Shards view and the first shard.
import path from 'node:path';
import * as vscode from 'vscode';
import type { ImportStep } from '../../core/release/import-progress';
import { existingImportShards, importRelease, type ImportResult } from '../../core/release/import-release';
import { SHARD_VIEW_TYPE } from '../editor/provider';
import { output } from '../output';
import { askImportChoices, type ImportChoices } from './import-choices';
import { problemsOf, SHOW_PROBLEMS_COMMAND, writeImportSummary } from './import-report';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';
import { markDatasetReady } from '../walkthrough';
import { errorMessage } from '../../core/error-message';

export { IMPORT_COMMAND } from './command-ids';

/** Share of a domain's bar per phase: reading the files, building records, writing shards. */
const PHASE_SHARE = { read: 0.3, build: 0.4, write: 0.3 } as const;
const PHASE_START = { read: 0, build: PHASE_SHARE.read, write: PHASE_SHARE.read + PHASE_SHARE.build } as const;

/** Turns the core's steps into the notification's increments (which must add up to 100). */
export function progressReporter(domains: readonly string[], report: (value: { message?: string; increment?: number }) => void) {
  let shown = 0;
  return (message: string, step?: ImportStep): void => {
    if (!step) return report({ message: uiText(message) });
    const index = Math.max(0, domains.indexOf(step.domain));
    const within = PHASE_START[step.phase] + PHASE_SHARE[step.phase] * Math.min(1, step.done / Math.max(1, step.total));
    const total = (100 * (index + within)) / domains.length;
    report({ message: uiText(message), increment: Math.max(0, total - shown) });
    shown = Math.max(shown, total);
  };
}

/** Asks before replacing shards; the annotation logs beside them follow their requests (core/release/import-logs.ts). */
async function confirmReplace(choices: ImportChoices): Promise<boolean | undefined> {
  const existing = existingImportShards(choices.outDir, choices.domains);
  if (existing.length === 0) return false;
  const replace = 'Replace Shards';
  const answer = await notify.ask(
    `${choices.outDir} already holds ${existing.length} shard(s) of ${choices.domains.join(' and ')}. Replace them?`,
    {
      modal: true,
      detail:
        'Annotations follow their requests: events of a request that lands in another shard move to the log beside it. ' +
        'An import that would leave an annotated request out is refused, naming the logs.',
    },
    replace,
  );
  return answer === replace ? true : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Runs the import; undefined when cancelled or failed (the person has been told). */
async function runImport(choices: ImportChoices, overwrite: boolean): Promise<ImportResult[] | undefined> {
  const controller = new AbortController();
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: uiText(`Importing ${path.basename(choices.releaseDir)}`),
        cancellable: true,
      },
      (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return importRelease(choices.releaseDir, {
          ...choices,
          overwrite,
          signal: controller.signal,
          progress: progressReporter(choices.domains, (value) => progress.report(value)),
        });
      },
    );
  } catch (error) {
    if (isAbort(error)) {
      output().info(`Import of ${choices.releaseDir} cancelled: no shard was written or replaced.`);
      void notify.info('Import cancelled. No shard was written or replaced.');
    } else {
      const reason = errorMessage(error);
      output().error(`Import of ${choices.releaseDir} failed: ${reason}`);
      void notify.error(`Import failed: ${reason}`);
    }
    return undefined;
  }
}

async function announce(results: readonly ImportResult[], choices: ImportChoices): Promise<void> {
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const shards = results.reduce((sum, result) => sum + result.shards.length, 0);
  const problems = problemsOf(results).length;
  const moved = results.reduce((sum, result) => sum + result.annotationsMoved.events, 0);
  const text =
    `Imported ${requests} requests into ${shards} shard(s) in ${vscode.workspace.asRelativePath(choices.outDir)}` +
    (moved ? `; ${moved} annotation event(s) moved with their requests to the logs beside their new shards` : '') +
    (problems ? `; ${problems} unreadable line(s) skipped.` : '.');
  const buttons = problems ? ['Show Problems', 'Show Summary'] : ['Show Summary'];
  const picked = await (problems ? notify.warning(text, ...buttons) : notify.info(text, ...buttons));
  if (picked === 'Show Problems') await vscode.commands.executeCommand(SHOW_PROBLEMS_COMMAND);
  if (picked === 'Show Summary') output().show(true);
}

export async function importReleaseCommand(refreshShards: () => void, release?: vscode.Uri): Promise<ImportResult[] | undefined> {
  const choices = await askImportChoices(release instanceof vscode.Uri ? release : undefined);
  if (!choices) return undefined;
  const overwrite = await confirmReplace(choices);
  if (overwrite === undefined) return undefined;
  const results = await runImport(choices, overwrite);
  if (!results) return undefined;
  // Only now, not when the command starts: the walkthrough's first step is done when shards exist.
  await markDatasetReady();
  writeImportSummary(choices.releaseDir, results);
  refreshShards();
  void announce(results, choices);
  const first = results.find((result) => result.shards.length > 0)?.shards[0];
  if (first) await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(first), SHARD_VIEW_TYPE);
  return results;
}
