// Shared helpers of the integration tests: a fresh synthetic shard inside the
// workspace per test, the extension's testing API, and polling for results
// that arrive asynchronously (file watchers, webview round trips).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { annotationLogPath } from '../../../src/core/annotations/paths';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { writeShard } from '../../../src/core/shard/writer';
import type { ExtensionApi } from '../../../src/host/extension';
import type { AnnotatorDocument } from '../../../src/host/editor/document';
import type { PanelController } from '../../../src/host/editor/panel';
import type { HostToWebview } from '../../../src/protocol';
import { makeRecord } from '../../fixtures/synthetic-record';

export const EXTENSION_ID = 'imagery-annotator.imagery-annotator';
export const SHARD_VIEW = 'imageryAnnotator.shard';
export const ANNOTATOR = 'integration-tester';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls until `probe` returns a value other than undefined/false, or fails naming what was awaited. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

/** Five synthetic requests r0..r4 (three comments each), or the records given. */
export function syntheticRecords(count = 5): ShardRecord[] {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({ id: `r${i}`, title: `Synthetic request ${i}`, permalink: `/r/PictureTheSound/comments/r${i}/x/` }),
  );
}

export interface TestShard {
  /** The temp dataset folder (holds `shards/`). */
  root: string;
  file: string;
  uri: vscode.Uri;
  logFile: string;
}

/** Writes a shard at `<workspace>/.itest/<name>-<random>/shards/test.shard.jsonl`. */
export async function createShard(name: string, records: ShardRecord[] = syntheticRecords()): Promise<TestShard> {
  const root = path.join(workspaceRoot(), '.itest', `${name}-${randomUUID().slice(0, 8)}`);
  const file = path.join(root, 'shards', 'test.shard.jsonl');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeShard(file, records);
  return { root, file, uri: vscode.Uri.file(file), logFile: annotationLogPath(file, ANNOTATOR) };
}

export async function setSettings(values: { saveMode?: 'immediate' | 'manual' }): Promise<void> {
  const config = vscode.workspace.getConfiguration('imageryAnnotator');
  await config.update('annotator', ANNOTATOR, vscode.ConfigurationTarget.Global);
  await config.update('saveMode', values.saveMode ?? 'immediate', vscode.ConfigurationTarget.Global);
  // The web build saves after a delay by default; tests of dirty state need it off.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
}

export interface OpenEditor {
  api: ExtensionApi;
  document: AnnotatorDocument;
  panel: PanelController;
}

export async function openShard(shard: TestShard, viewColumn?: vscode.ViewColumn): Promise<OpenEditor> {
  const api = await extensionApi();
  const before = api.testing.panelsOf(shard.uri).length;
  await vscode.commands.executeCommand('vscode.openWith', shard.uri, SHARD_VIEW, viewColumn);
  const panels = await waitFor('the editor panel', () => {
    const open = api.testing.panelsOf(shard.uri);
    return open.length > before ? open : undefined;
  });
  const panel = panels[panels.length - 1];
  return { api, document: panel.document, panel };
}

let seq = 1000;

/** Sends an annotate message as the webview would; resolves with the host's reply. */
export async function annotate(panel: PanelController, draft: EventDraft): Promise<HostToWebview> {
  const mySeq = seq++;
  await panel.receive({ type: 'annotate', seq: mySeq, draft });
  return waitFor(`reply ${mySeq}`, () => panel.history.find((m) => m.type === 'reply' && m.seq === mySeq));
}

export async function navigate(panel: PanelController, target: object): Promise<HostToWebview> {
  const mySeq = seq++;
  await panel.receive({ type: 'navigate', seq: mySeq, target });
  return waitFor(`reply ${mySeq}`, () => panel.history.find((m) => m.type === 'reply' && m.seq === mySeq));
}

export function lastShow(panel: PanelController): Extract<HostToWebview, { type: 'show' }> | undefined {
  for (let i = panel.history.length - 1; i >= 0; i--) {
    const message = panel.history[i];
    if (message.type === 'show') return message;
  }
  return undefined;
}

/** The events of a log file on disk (every line must parse). */
export async function logEvents(file: string): Promise<AnnotationEvent[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AnnotationEvent);
}

export function activeTabDirty(): boolean | undefined {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.isDirty;
}

/** Saves whatever is unsaved (temp files only) and closes every editor, so no dialog blocks the next test. */
export async function closeEverything(): Promise<void> {
  // A save may be cancelled by the editor's own save after an immediate-mode edit: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await vscode.workspace.saveAll(false);
    } catch {
      continue;
    }
    if (!vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.isDirty))) break;
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export const confirmDraft = (request: string, comment: string): EventDraft => ({
  type: 'extraction',
  request,
  comment,
  verdict: 'confirmed',
});
export const validDraft = (request: string): EventDraft => ({ type: 'validity', request, verdict: 'valid' });
