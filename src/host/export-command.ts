// "Export Corrected Dataset…": pick shards, an output folder, optionally the
// original release, and a seed; then run the core export with a progress
// notification. Unsaved annotations of open editors are saved first, since
// the export reads the logs on disk.
import path from 'node:path';
import * as vscode from 'vscode';
import { exportCorrected, type ExportProgress } from '../core/release/export';
import { formatExportSummary } from '../core/release/export-summary';
import type { EditorRegistry } from './editor/registry';
import { output } from './output';
import { SHARD_GLOB } from './views/shard-tree';
import { notify } from './notify';
import { uiText } from '../core/untrusted-text';
import { errorMessage } from '../core/error-message';

export async function runExportCorrected(registry: EditorRegistry): Promise<void> {
  const shards = await pickShards(registry);
  if (!shards?.length) return;
  const outDir = await pickFolder('Export the corrected dataset into this folder', 'Export Here');
  if (!outDir) return;
  const releaseDir = await pickRelease();
  if (releaseDir === null) return;
  const seed = await askSeed();
  if (seed === undefined) return;

  for (const document of registry.documents()) {
    if (document.isDirty && shards.includes(document.uri.fsPath)) await vscode.workspace.save(document.uri);
  }
  try {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Exporting the corrected dataset', cancellable: false },
      (progress) => exportCorrected(shards, outDir, { seed, releaseDir, onProgress: reporter(progress) }),
    );
    const text = formatExportSummary(summary);
    output().info(text);
    const formulas = summary.formulaCells.reduce((sum, entry) => sum + entry.cells, 0);
    const care = formulas
      ? ` ${formulas} CSV cell(s) start with a formula character (= + - @): open with care in a spreadsheet.`
      : '';
    const choice = await notify.info(`Exported ${shards.length} shard(s) to ${outDir} (seed ${seed}).${care}`, 'Show Summary');
    if (choice) output().show(true);
  } catch (error) {
    void notify.error(`Export failed: ${errorMessage(error)}`);
  }
}

function reporter(progress: vscode.Progress<{ message?: string; increment?: number }>): (step: ExportProgress) => void {
  // Reading is most of the work; writing the few output files is quick.
  const share = { read: 80, write: 20 } as const;
  return (step) =>
    progress.report({
      message: uiText(
        `${step.phase === 'read' ? 'Reading' : 'Writing'} ${path.basename(step.file)} (${step.done}/${step.total})`,
      ),
      increment: share[step.phase] / Math.max(1, step.total),
    });
}

async function pickShards(registry: EditorRegistry): Promise<string[] | undefined> {
  const files = (await vscode.workspace.findFiles(SHARD_GLOB, '**/node_modules/**')).map((uri) => uri.fsPath).sort();
  if (files.length === 0) {
    void notify.warning('No *.shard.jsonl files in this workspace to export.');
    return undefined;
  }
  const active = registry.activePanel?.document.uri.fsPath;
  const picked = await vscode.window.showQuickPick(
    files.map((file) => ({
      label: uiText(vscode.workspace.asRelativePath(file)),
      file,
      picked: active === undefined || file === active,
    })),
    {
      canPickMany: true,
      title: 'Shards to export',
      placeHolder: 'Every annotator’s log of each shard is included',
      ignoreFocusOut: true,
    },
  );
  return picked?.map((item) => item.file);
}

async function pickFolder(title: string, openLabel: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    title,
    openLabel,
  });
  return picked?.[0]?.fsPath;
}

/** The original release folder, undefined to export without it, null when cancelled. */
async function pickRelease(): Promise<string | undefined | null> {
  const withRelease = 'Use the original release folder…';
  const choice = await vscode.window.showQuickPick([withRelease, 'Export without the original release'], {
    title: 'Original release',
    placeHolder: 'With it, its invalid-post list is kept and its items.csv order is followed',
    ignoreFocusOut: true,
  });
  if (choice === undefined) return null;
  if (choice !== withRelease) return undefined;
  return (await pickFolder('The original release folder', 'Use This Release')) ?? null;
}

async function askSeed(): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Seed for the multiple-choice negatives',
    prompt: 'The same seed and annotations give byte-identical files',
    value: '0',
    ignoreFocusOut: true,
    validateInput: (value) =>
      /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(Number(value)) ? undefined : 'An integer, e.g. 0',
  });
  return text === undefined ? undefined : Number(text.trim());
}
