// The palette commands. Navigation commands act on the active annotator editor.
import path from 'node:path';
import * as vscode from 'vscode';
import { FILTER_LABELS, FILTERS, type NavTarget } from '../protocol';
import type { Outcome, PanelController } from './editor/panel';
import { JSONL_VIEW_TYPE, SHARD_VIEW_TYPE } from './editor/provider';
import type { EditorRegistry } from './editor/registry';
import { SHARD_EXTENSION } from '../core/shard/schema';
import type { ShardTreeProvider } from './views/shard-tree';
import { notify } from './notify';

export function registerCommands(registry: EditorRegistry, tree: ShardTreeProvider): vscode.Disposable[] {
  const onActive = (action: (panel: PanelController) => Promise<unknown> | unknown) => async () => {
    const panel = registry.activePanel;
    if (!panel) {
      void notify.info('Open a shard in the Imagery Annotator first.');
      return;
    }
    await action(panel);
  };
  const go = (target: NavTarget) => onActive(async (panel) => report(await panel.navigate(target)));
  return [
    vscode.commands.registerCommand('imageryAnnotator.next', go({ kind: 'next' })),
    vscode.commands.registerCommand('imageryAnnotator.previous', go({ kind: 'previous' })),
    vscode.commands.registerCommand('imageryAnnotator.nextUnreviewed', go({ kind: 'nextUnreviewed' })),
    vscode.commands.registerCommand('imageryAnnotator.goTo', onActive(goTo)),
    vscode.commands.registerCommand('imageryAnnotator.setFilter', onActive(pickFilter)),
    vscode.commands.registerCommand(
      'imageryAnnotator.showKeymap',
      onActive((panel) => panel.showKeymap()),
    ),
    vscode.commands.registerCommand(
      'imageryAnnotator.confirmRest',
      onActive(async (panel) => report(await panel.confirmRestOfShown())),
    ),
    // The webview knows the current comment: it sends the request with it.
    vscode.commands.registerCommand(
      'imageryAnnotator.suggestItems',
      onActive((panel) => panel.post({ type: 'suggest', scope: 'comment' })),
    ),
    vscode.commands.registerCommand(
      'imageryAnnotator.suggestItemsForRequest',
      onActive((panel) => panel.post({ type: 'suggest', scope: 'request' })),
    ),
    vscode.commands.registerCommand('imageryAnnotator.openShard', openShard),
    vscode.commands.registerCommand('imageryAnnotator.refreshShards', () => tree.refresh()),
    // The exporter loads when chosen, not at activation.
    vscode.commands.registerCommand('imageryAnnotator.exportCorrected', async () =>
      (await import('./export-command')).runExportCorrected(registry),
    ),
  ];
}

function report(outcome: Outcome): void {
  if (!outcome.ok) void vscode.window.setStatusBarMessage(outcome.error, 3000);
}

/** An id of the shard, else a 1-based position. */
async function goTo(panel: PanelController): Promise<void> {
  const size = panel.document.size;
  const answer = await panel.asking(() =>
    vscode.window.showInputBox({
      title: 'Go to request',
      prompt: `A request id, or a position from 1 to ${size}`,
      validateInput: async (text) =>
        (await targetFor(panel, text)) ? undefined : `Neither an id of this shard nor a position 1-${size}`,
    }),
  );
  if (answer === undefined) return;
  const target = await targetFor(panel, answer);
  if (target) report(await panel.navigate(target));
}

async function targetFor(panel: PanelController, text: string): Promise<NavTarget | undefined> {
  const value = text.trim();
  if (!value) return undefined;
  if ((await panel.document.positionOf(value)) !== undefined) return { kind: 'id', id: value };
  const position = /^\d+$/.test(value) ? Number(value) : NaN;
  if (position >= 1 && position <= panel.document.size) return { kind: 'position', position: position - 1 };
  return undefined;
}

async function pickFilter(panel: PanelController): Promise<void> {
  const picked = await panel.asking(() =>
    vscode.window.showQuickPick(
      FILTERS.map((filter) => ({
        label: FILTER_LABELS[filter],
        description: filter === panel.filter ? 'current' : undefined,
        filter,
      })),
      { title: 'Show requests', placeHolder: 'Filter the requests of this shard' },
    ),
  );
  if (picked) report(await panel.setFilter(picked.filter));
}

/** From the explorer (uri given), the active text editor, or a file picker. */
async function openShard(uri?: vscode.Uri): Promise<void> {
  let target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'JSON Lines': ['jsonl'] },
      title: 'Open a shard',
    });
    target = picked?.[0];
  }
  if (!target) return;
  const viewType = path.basename(target.fsPath).endsWith(SHARD_EXTENSION) ? SHARD_VIEW_TYPE : JSONL_VIEW_TYPE;
  await vscode.commands.executeCommand('vscode.openWith', target, viewType);
}
