// Opens a request of a shard in the annotator (an existing tab, or a new one)
// and lands on it: what the report's disagreements and the review queue do.
import * as vscode from 'vscode';
import type { ShowFocus } from '../../protocol';
import type { Outcome, PanelController } from './panel';
import { SHARD_VIEW_TYPE } from './provider';
import type { EditorRegistry } from './registry';

const PANEL_WAIT_MS = 30_000;
const POLL_MS = 50;

export async function openRequest(
  registry: EditorRegistry,
  shardFile: string,
  request: string,
  focus?: ShowFocus,
): Promise<Outcome & { panel?: PanelController }> {
  const uri = vscode.Uri.file(shardFile);
  // A preview tab, as Go to Definition opens: walking a queue through many shards leaves one tab, not
  // one per shard. VS Code keeps a tab with unsaved work, or one the user pinned.
  await vscode.commands.executeCommand('vscode.openWith', uri, SHARD_VIEW_TYPE, { preview: true });
  // The editor registers its panel once VS Code resolves it.
  const deadline = Date.now() + PANEL_WAIT_MS;
  while (Date.now() < deadline) {
    const document = registry.documentFor(uri);
    const panels = document ? registry.panelsOf(document) : [];
    const panel = panels.find((candidate) => candidate.panel.active) ?? panels[0];
    if (panel) return { ...(await panel.navigate({ kind: 'id', id: request }, focus)), panel };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { ok: false, error: `Could not open request ${request} of ${shardFile}` };
}
