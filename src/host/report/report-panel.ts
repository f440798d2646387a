// "Imagery: Show Report": one webview panel with the validation report of the
// workspace's shards (optionally one review queue). It recomputes when an
// annotation log or a shard changes on disk, i.e. as annotations are saved.
import * as vscode from 'vscode';
import { loadReportData } from '../../core/report/load';
import { buildReport, type Report } from '../../core/report/report';
import { reportBlocks } from '../../core/report/report-blocks';
import { blocksToMarkdown } from '../../core/report/report-format';
import { readQueue } from '../../core/validation/queue-file';
import { ReportToHost, type HostToReport } from '../../protocol';
import { openRequest } from '../editor/open-request';
import type { EditorRegistry } from '../editor/registry';
import { output } from '../output';
import { renderReportPage } from './report-page';
import { scopeStamp } from '../log-stamp';
import { notify } from '../notify';
import { errorMessage } from '../../core/error-message';

type ReportHtml = (report: Report) => string;

export const REPORT_VIEW_TYPE = 'imageryAnnotator.report';
const REFRESH_DELAY_MS = 300;
/** How often the files the report reads are compared with what it last read (file events can be missed). */
const POLL_MS = 2000;

export interface ReportScope {
  shards: string[];
  /** A review queue file limiting the figures, or undefined for everything. */
  queueFile?: string;
}

export class ReportPanel implements vscode.Disposable {
  static current: ReportPanel | undefined;
  /** Posted messages, for the integration tests. */
  readonly history: HostToReport[] = [];
  report: Report | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly poll: ReturnType<typeof setInterval>;
  private lastStamp: string | undefined;
  private computing: Promise<void> = Promise.resolve();

  static show(extensionUri: vscode.Uri, registry: EditorRegistry, scope: ReportScope): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.scope = scope;
      ReportPanel.current.panel.reveal();
      ReportPanel.current.refresh();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Imagery Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    });
    ReportPanel.current = new ReportPanel(panel, extensionUri, registry, scope);
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly registry: EditorRegistry,
    private scope: ReportScope,
  ) {
    panel.webview.html = renderReportPage({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'report.js')).toString(),
      title: 'Imagery Report',
    });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{shard.jsonl,jsonl,queue.json}');
    const changed = (uri: vscode.Uri) => {
      if (
        this.scope.shards.some((shard) => uri.fsPath === shard || uri.fsPath.startsWith(shard + '.annotations')) ||
        uri.fsPath === this.scope.queueFile
      ) {
        this.refreshSoon();
      }
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.poll = setInterval(() => void this.pollScope(), POLL_MS);
  }

  /** Backs up the file watcher: refreshes when what the report reads changed on disk since the last computation. */
  private async pollScope(): Promise<void> {
    if (this.lastStamp === undefined) return;
    const now = await scopeStamp(this.scope.shards, this.scope.queueFile);
    if (now !== this.lastStamp) this.refreshSoon();
  }

  /** Recomputes now (queued behind a computation in flight). */
  refresh(): Promise<void> {
    this.computing = this.computing.then(() => this.compute());
    return this.computing;
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async compute(): Promise<void> {
    try {
      const queue = this.scope.queueFile
        ? { file: this.scope.queueFile, queue: await readQueue(this.scope.queueFile) }
        : undefined;
      const stamp = await scopeStamp(this.scope.shards, this.scope.queueFile);
      const data = await loadReportData(this.scope.shards, queue);
      this.lastStamp = stamp;
      this.report = buildReport(data);
      const title = queue ? `queue ${queue.queue.name}` : `${this.scope.shards.length} shard(s)`;
      this.post({ type: 'report', report: this.report, title, updated: new Date().toLocaleTimeString() });
    } catch (error) {
      this.post({
        type: 'reportError',
        message: `The report could not be computed: ${errorMessage(error)}`,
      });
    }
  }

  private post(message: HostToReport): void {
    this.history.push(message);
    void this.panel.webview.postMessage(message);
  }

  /** A message from the view (public so the integration tests can act as the view). */
  async receive(raw: unknown): Promise<void> {
    const parsed = ReportToHost.safeParse(raw);
    if (!parsed.success) {
      output().warn(`report view: ignored an invalid message: ${parsed.error.issues[0]?.message}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
      case 'refresh':
        return this.refresh();
      case 'openRequest':
        await this.openRequest(message.shard, message.request);
        return;
      case 'exportReport':
        return this.exportReport(message.format);
      case 'webviewError':
        output().error(`report view: ${message.message}`);
        return;
    }
  }

  /** Opens a request of one of the report's own shards (never an arbitrary path from the view). */
  async openRequest(shard: string, request: string): Promise<boolean> {
    if (!this.scope.shards.includes(shard)) {
      output().warn(`report view: ${shard} is not a shard of this report`);
      return false;
    }
    // A disagreement lands on the adjudication panel, where a reviewer settles it.
    const outcome = await openRequest(this.registry, shard, request, { kind: 'adjudication' });
    if (!outcome.ok) void notify.warning(outcome.error);
    return outcome.ok;
  }

  private async exportReport(format: 'md' | 'html'): Promise<void> {
    if (!this.report) return;
    const target = await vscode.window.showSaveDialog({
      title: format === 'md' ? 'Save the report as Markdown' : 'Save the report as one HTML file',
      filters: format === 'md' ? { Markdown: ['md'] } : { HTML: ['html'] },
      defaultUri:
        vscode.workspace.workspaceFolders?.[0] &&
        vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `imagery-report.${format}`),
    });
    if (!target) return;
    try {
      await this.writeExport(target, format);
    } catch (error) {
      // A refused plot (or a write that failed) is said where the user clicked, and in a notification.
      const message = `The report was not saved: ${errorMessage(error)}`;
      this.post({ type: 'reportError', message });
      void notify.error(message);
      return;
    }
    void notify.info(`Report saved to ${target.fsPath}.`);
  }

  /**
   * The report as Markdown, or as one HTML page with the plots drawn here from the report's data by the code
   * `imagery report --format html` uses: dist/report-html.js, loaded on the first export, so Plot and linkedom
   * stay out of the extension's bundle and its activation.
   */
  async writeExport(target: vscode.Uri, format: 'md' | 'html'): Promise<void> {
    const text = format === 'md' ? blocksToMarkdown(reportBlocks(this.report!)) : this.reportHtml()(this.report!);
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  }

  private reportHtml(): ReportHtml {
    const file = vscode.Uri.joinPath(this.extensionUri, 'dist', 'report-html.js').fsPath;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded at run time
    return (require(file) as { reportHtml: ReportHtml }).reportHtml;
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearInterval(this.poll);
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
