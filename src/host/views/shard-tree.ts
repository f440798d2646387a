// The "Shards" view: every review queue (*.queue.json) with this annotator's
// done/total, then every *.shard.jsonl with their reviewed/total. A click on a
// queue walks it; a click on a shard opens it in the annotator.
import path from 'node:path';
import * as vscode from 'vscode';
import { annotationLogPath } from '../../core/annotations/paths';
import { configuredAnnotator } from '../config';
import type { EditorRegistry } from '../editor/registry';
import { SHARD_VIEW_TYPE } from '../editor/provider';
import { output } from '../output';
import { QUEUE_EXTENSION } from '../../core/validation/queue';
import { queueFileProgress, type ReviewQueueSession } from '../queue/queue-session';
import { CommentIdsStore } from './comment-ids-store';
import { LogTrustCache } from './log-trust';
import { ShardProgressCache } from './shard-progress';
import { uiText } from '../../core/untrusted-text';
import { errorMessage } from '../../core/error-message';

export const SHARD_GLOB = '**/*.shard.jsonl';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
const REFRESH_SETTLE_MS = 300;
const MAX_LISTED_WARNINGS = 5;

export class ShardTreeProvider implements vscode.TreeDataProvider<vscode.Uri>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: NodeJS.Timeout | undefined;
  /** Shards not open in an editor: kept indexed, their logs read from where the last refresh stopped. */
  private readonly closedShards: ShardProgressCache;
  /** Comment ids read, kept for the next window. */
  private readonly commentIds: CommentIdsStore;
  /** Other annotators' log lines that do not count, per log, read again when a log changes. */
  private readonly logTrust = new LogTrustCache();
  /** Warnings already written to the output channel (each once per window). */
  private readonly warned = new Set<string>();
  /** What is kept for shards gone since is removed once per window, at the first listing. */
  private pruned = false;

  /** `storage`: the workspace's storage folder, where comment ids read are kept for the next window. */
  constructor(
    private readonly registry: EditorRegistry,
    private readonly queue?: ReviewQueueSession,
    storage?: vscode.Uri,
  ) {
    this.commentIds = new CommentIdsStore(
      storage?.scheme === 'file' ? vscode.Uri.joinPath(storage, 'comment-ids').fsPath : undefined,
    );
    this.closedShards = new ShardProgressCache(undefined, this.commentIds);
    // Shards added/removed and logs changed (by us, another window, git) all change what the tree shows.
    for (const glob of [SHARD_GLOB, '**/*.shard.jsonl.annotations/*.jsonl', `**/*${QUEUE_EXTENSION}`]) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      this.disposables.push(
        watcher,
        watcher.onDidCreate(() => this.refreshSoon()),
        watcher.onDidChange(() => this.refreshSoon()),
        watcher.onDidDelete(() => this.refreshSoon()),
      );
    }
    this.disposables.push(registry.onDidChangeProgress(() => this.refreshSoon()));
    if (queue) this.disposables.push(queue.onDidChange(() => this.refreshSoon()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_SETTLE_MS);
  }

  async getChildren(element?: vscode.Uri): Promise<vscode.Uri[]> {
    if (element) return [];
    const byPath = (a: vscode.Uri, b: vscode.Uri) =>
      vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b));
    const queues = this.queue ? await vscode.workspace.findFiles(`**/*${QUEUE_EXTENSION}`, EXCLUDE_GLOB) : [];
    const files = await vscode.workspace.findFiles(SHARD_GLOB, EXCLUDE_GLOB);
    const listed = new Set(files.map((file) => file.fsPath));
    await this.closedShards.retain(listed);
    if (!this.pruned) {
      this.pruned = true;
      void this.commentIds.keepOnly(listed);
    }
    return [...queues.sort(byPath), ...files.sort(byPath)];
  }

  async getTreeItem(uri: vscode.Uri): Promise<vscode.TreeItem> {
    if (uri.fsPath.endsWith(QUEUE_EXTENSION)) return this.queueItem(uri);
    // The file's name only: with the whole path the progress after it was cut ("0/100 …") in a sidebar
    // of the usual width. The path is the tooltip's first line.
    const relative = uiText(vscode.workspace.asRelativePath(uri, false));
    const item = new vscode.TreeItem(uiText(path.basename(uri.fsPath)), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.command = { title: 'Open Shard', command: 'vscode.openWith', arguments: [uri, SHARD_VIEW_TYPE] };
    try {
      const progress =
        this.registry.documentFor(uri)?.progress() ?? (await this.closedShards.progress(uri.fsPath, configuredAnnotator()));
      item.description = `${progress.reviewed}/${progress.total} reviewed`;
      item.tooltip = uiText(
        `${relative}\n${progress.reviewed} of ${progress.total} reviewed, ${progress.invalid} invalid, ${progress.corrected} corrected`,
      );
      await this.markDistrusted(item, uri.fsPath).catch((error: unknown) =>
        output().warn(`${uri.fsPath}: the other annotators' logs could not be checked: ${String(error)}`),
      );
    } catch (error) {
      const reason = errorMessage(error);
      item.description = 'cannot read';
      item.tooltip = uiText(`${relative}: ${reason}`);
      output().warn(`${uri.fsPath}: ${reason}`);
    }
    return item;
  }

  /** Other annotators' log lines that do not count (another name, a future date): a warning on the shard's row. */
  private async markDistrusted(item: vscode.TreeItem, shardFile: string): Promise<void> {
    const warnings = await this.logTrust.warnings(shardFile, annotationLogPath(shardFile, configuredAnnotator()));
    if (warnings.length === 0) return;
    item.iconPath = new vscode.ThemeIcon('warning');
    item.description = `${String(item.description)} · ${warnings.length} log line(s) not counted`;
    const listed = warnings.slice(0, MAX_LISTED_WARNINGS).map((w) => uiText(`${path.basename(w.file)}:${w.line}: ${w.reason}`));
    const more = warnings.length > MAX_LISTED_WARNINGS ? [`(and ${warnings.length - MAX_LISTED_WARNINGS} more)`] : [];
    item.tooltip = [String(item.tooltip), ...listed, ...more].join('\n');
    for (const warning of warnings) {
      const line = `${warning.file}:${warning.line}: ${warning.reason}`;
      if (!this.warned.has(line)) output().warn(line);
      this.warned.add(line);
    }
  }

  /** A review queue with this annotator's done/total; the one being walked is marked. */
  private async queueItem(uri: vscode.Uri): Promise<vscode.TreeItem> {
    const item = new vscode.TreeItem(uiText(vscode.workspace.asRelativePath(uri, false)), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.iconPath = new vscode.ThemeIcon('checklist');
    item.contextValue = 'reviewQueue';
    item.command = { title: 'Open Review Queue', command: 'imageryAnnotator.openReviewQueue', arguments: [uri] };
    try {
      const walked = this.queue?.current;
      const progress =
        walked?.file === uri.fsPath ? walked : await queueFileProgress(this.registry, uri.fsPath, configuredAnnotator());
      item.description = uiText(
        `queue ${progress.name}: ${progress.done}/${progress.total} done${walked?.file === uri.fsPath ? ' (walking)' : ''}`,
      );
      item.tooltip = uiText(
        `${uri.fsPath}\nYou have done ${progress.done} of ${progress.total} items. Click: walk this queue with next / previous.`,
      );
    } catch (error) {
      const reason = errorMessage(error);
      item.description = 'cannot read';
      item.tooltip = uiText(`${uri.fsPath}: ${reason}`);
      output().warn(reason);
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.closedShards.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
