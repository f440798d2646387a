// One editor tab's conversation with its webview: it answers the webview's
// messages in order and keeps where the tab stands (position and filter).
// Several panels may show one document (split editors); each keeps its own place.
import * as vscode from 'vscode';
import { emptyRequestState } from '../../core/annotations/state';
import { INVALID_REASONS, type EventDraft } from '../../core/annotations/events';
import { isRedditUrl, REDDIT_ORIGIN, type ShardRecord } from '../../core/shard/schema';
import { WebviewToHost, type Filter, type HostToWebview, type NavTarget, type ShowFocus } from '../../protocol';
import { gatherBatchSuggestions } from '../../core/models/extract/batch-suggestions';
import type { ModelHook, ModelPanel } from '../models/model-panel';
import { output } from '../output';
import { formatUnreadable, type UnreadableLine } from '../../core/release/import-jsonl';
import type { AnnotatorDocument } from './document';
import type { LastRequests } from './last-requests';
import { renderPage } from './state/html';
import { land, settleAfterFilter } from './state/navigation';
import type { Outcome, QueueWalk } from './state/queue-walk';
import { RecordsAhead } from './records-ahead';
import { SerialQueue } from './state/serial-queue';
import { confirmRest } from './confirm-rest';
import { disputesAt } from './request-disputes';
import { requestViewAt } from './request-view';
import { errorMessage } from '../../core/error-message';
import { watchExtractionRuns } from './extraction-watcher';

/** Messages kept for inspection by the integration tests (and for debugging). */
const HISTORY_LIMIT = 500;

export interface PanelContext {
  extensionUri: vscode.Uri;
  /** Real paths of the folders the webview may show images from (core/image-roots.ts). */
  imageRoots: readonly string[];
  /** Real paths of the image folders a model run may send images from (core/image-roots.ts). */
  imageFolders: readonly string[];
  lastRequests: LastRequests;
  /** The review queue being walked, if any (src/host/queue/queue-session.ts). */
  queue?: () => QueueWalk | undefined;
  /** Where the panel's model messages go (src/host/models/service.ts). */
  models: ModelHook;
}

export type { Outcome, QueueWalk };

export class PanelController implements ModelPanel, vscode.Disposable {
  position = 0;
  filter: Filter = 'all';
  private resumed = false;
  /** The webview said ready: a focus sent before would be lost, so it waits for the first show after. */
  private started = false;
  private pendingFocus: ShowFocus | undefined;
  /** The annotator moved or filtered: finishing the index must not move the view. */
  private navigated = false;
  private readonly inbox = new SerialQueue();
  private disposed = false;
  /** Questions the host is asking for this panel now (quick picks, input boxes): the webview takes no action key meanwhile. */
  private asks = 0;
  /** Counts disputes lookups: only the latest one posts, so a slow older read cannot overwrite a newer answer. */
  private disputesAsked = 0;
  /** The request on screen, so a batch run written meanwhile can update its suggestions. */
  private shownRecord: ShardRecord | undefined;
  /** What the webview keeps: a request shown again, or sent ahead, travels as its id. */
  private readonly ahead: RecordsAhead;
  /** Messages posted, newest last; a `show` as the webview resolves it (the record in full, not its id). */
  readonly history: HostToWebview[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly document: AnnotatorDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly context: PanelContext,
  ) {
    const { webview } = panel;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(context.extensionUri, 'dist'),
        vscode.Uri.joinPath(context.extensionUri, 'media'),
        ...context.imageRoots.map((root) => vscode.Uri.file(root)),
      ],
    };
    webview.html = renderPage({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js')).toString(),
      title: document.shardName,
    });
    this.ahead = new RecordsAhead(document, webview, context.imageRoots, (message, asShown) => this.post(message, asShown));
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      document.onDidChangeState((requests) => void this.onStateChanged(requests)),
      document.onDidIndex(() => void this.inbox.run(() => this.onIndexed())),
      document.onDidChangeOtherLogs(() => void this.postDisputes()),
      document.onDidRecord((requests) => {
        const shown = this.document.idAt(this.position);
        if (shown !== null && requests.includes(shown)) void this.postDisputes();
      }),
      watchExtractionRuns(
        document.uri.fsPath,
        () => this.shownRecord?.domain,
        () => void this.inbox.run(() => this.refreshBatchSuggestions()),
      ),
    );
    this.position = this.firstUnreviewed();
  }

  /**
   * Handles one message as if the webview sent it; invalid messages are logged and ignored.
   * Messages are handled one at a time, in order: two quick "next" presses must both move,
   * and each from where the one before them landed.
   */
  receive(raw: unknown): Promise<void> {
    return this.inbox.run(() => this.handle(raw));
  }

  /** Resolves once every message received so far has been handled. */
  settled(): Promise<void> {
    return this.inbox.run(async () => undefined);
  }

  private async handle(raw: unknown): Promise<void> {
    const parsed = WebviewToHost.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid';
      output().warn(`${this.document.shardName}: ignored an invalid webview message: ${reason}`);
      // A request the webview awaits must settle, or its promise would hang.
      const seq = seqOf(raw);
      if (seq !== undefined) this.reply(seq, { ok: false, error: `Invalid message: ${reason}` });
      return;
    }
    const message = parsed.data;
    try {
      switch (message.type) {
        case 'ready':
          return await this.start();
        case 'navigate':
          return this.reply(message.seq, await this.navigate(message.target));
        case 'setFilter':
          return this.reply(message.seq, await this.setFilter(message.filter));
        case 'annotate':
          return this.reply(message.seq, await this.annotate(message.draft));
        case 'confirmRest':
          return this.reply(message.seq, await this.confirmRest(message.requestId));
        case 'openExternal':
          return await this.openExternal(message.url);
        case 'webviewError':
          output().error(`${this.document.shardName}: webview error: ${message.message}`);
          return;
        case 'runModel':
        case 'cancelModelRun':
        case 'keepModelRun':
        case 'dismissModelRun':
          return this.context.models.handle(this, message);
        case 'suggestItems':
        case 'cancelSuggestItems':
          return this.context.models.suggest(this, message);
      }
    } catch (error) {
      const text = errorMessage(error);
      output().error(`${this.document.shardName}: ${message.type} failed: ${text}`);
      if ('seq' in message) this.reply(message.seq, { ok: false, error: text });
      else this.post({ type: 'error', message: text });
    }
  }

  /** `focus`: where the webview puts the keyboard once it shows the request (a queued comment, the adjudication panel). */
  async navigate(target: NavTarget, focus?: ShowFocus): Promise<Outcome> {
    this.navigated = true;
    if (target.kind === 'next' || target.kind === 'previous') {
      const walked = this.context.queue?.()?.step(this, target.kind === 'next' ? 1 : -1);
      if (walked) return walked;
    }
    this.pendingFocus = focus;
    const { document } = this;
    const landing = await land(target, {
      current: this.position,
      size: document.size,
      matching: document.matching(this.filter),
      factsAt: (position) => document.factsAt(position),
      positionOfId: (id) => document.positionOf(id),
    });
    if ('error' in landing) return { ok: false, error: landing.error };
    this.position = landing.position;
    await this.show();
    return { ok: true };
  }

  async setFilter(filter: Filter): Promise<Outcome> {
    this.navigated = true;
    this.filter = filter;
    this.position = settleAfterFilter(this.position, this.document.matching(filter));
    await this.show();
    return { ok: true };
  }

  /** The image folders of this tab's shard: a model run sends only images from there. */
  get modelImageFolders(): readonly string[] {
    return this.context.imageFolders;
  }

  /**
   * Asks the user something for this panel (a quick pick, an input box): the webview is told to take no
   * action key until the question is answered or dismissed, so a key meant for it cannot act on the annotation.
   */
  async asking<T>(question: () => PromiseLike<T>): Promise<T> {
    if (this.asks++ === 0) this.post({ type: 'modal', on: true });
    try {
      return await question();
    } finally {
      if (--this.asks === 0) this.post({ type: 'modal', on: false });
    }
  }

  /** The palette's "confirm the rest" on the shown request, in turn with the webview's messages. */
  confirmRestOfShown(): Promise<Outcome> {
    const id = this.document.idAt(this.position);
    if (id === null) return Promise.resolve({ ok: false, error: 'No request is shown' });
    return this.inbox.run(() => this.confirmRest(id));
  }

  private confirmRest(requestId: string): Promise<Outcome> {
    return confirmRest(
      this.document,
      requestId,
      (question) => this.asking(question),
      (draft) => this.annotate(draft),
    );
  }

  showKeymap(): void {
    this.post({ type: 'showKeymap' });
  }

  post(message: HostToWebview, asShown: HostToWebview = message): void {
    // Work started before the editor closed (a read, a reply) may finish after it: nobody is left to tell.
    if (this.disposed) return;
    this.history.push(asShown);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    void this.panel.webview.postMessage(message);
  }

  /** The webview (re)loaded, or a setting changed. A new panel resumes at the request last shown for this shard. */
  async start(): Promise<void> {
    // A reloaded webview holds no records; one that did not reload is told to forget what it held.
    this.ahead.reset();
    if (!this.resumed) {
      this.resumed = true;
      // A shard still indexing opens at its first request; onIndexed resumes once ids are known.
      if (this.document.isIndexed) await this.resume();
    }
    this.started = true;
    this.post({
      type: 'init',
      shardName: this.document.shardName,
      annotator: this.document.annotator,
      saveMode: this.document.saveMode,
      reasons: INVALID_REASONS,
    });
    this.context.models.panelReady(this);
    // A webview reloaded while a question is open starts unlocked: lock it again.
    if (this.asks > 0) this.post({ type: 'modal', on: true });
    await this.show();
    this.post({ type: 'progress', progress: this.document.progress() });
  }

  private async resume(): Promise<void> {
    const last = await this.context.lastRequests.get(this.document.uri);
    const position = last === undefined ? undefined : await this.document.positionOf(last);
    if (position !== undefined) this.position = position;
  }

  /** The shard finished indexing: the total fills in, and an untouched view moves to where the annotator was. */
  private async onIndexed(): Promise<void> {
    if (!this.resumed || this.disposed) return;
    if (!this.navigated) {
      this.position = this.firstUnreviewed();
      await this.resume();
    }
    await this.show();
    this.post({ type: 'progress', progress: this.document.progress() });
  }

  private async show(): Promise<void> {
    // Just opened and still indexing: wait for the first line (or the end of an empty file), not the whole index.
    if (this.document.size === 0 && !this.document.isIndexed) await this.document.read(0).catch(() => undefined);
    const size = this.document.size;
    if (size === 0) {
      this.post({ type: 'error', message: `${this.document.shardName} has no requests` });
      return;
    }
    this.position = Math.min(this.position, size - 1);
    const matching = this.document.matching(this.filter);
    const view = await requestViewAt(this.document, this.position, this.panel.webview, this.context.imageRoots);
    if (view.kind === 'record') this.context.lastRequests.remember(this.document.uri, view.record.id);
    const queue = this.context.queue?.()?.statusFor(this, view.kind === 'record' ? view.record.id : undefined);
    const focus = this.started ? this.pendingFocus : undefined;
    if (this.started) this.pendingFocus = undefined;
    const show = {
      ...this.ahead.showAt(this.position, matching, this.filter, view),
      ...(queue ? { queue } : {}),
      ...(focus ? { focus } : {}),
    };
    this.ahead.show({ ...show, view });
    // Walking a queue, next / previous go to the queue's items, which the shard's neighbours are not: nothing is shown ahead.
    if (this.context.queue?.()?.walks(this)) this.post({ type: 'ahead', from: this.position, next: null, previous: null });
    else this.sendAheadSoon(matching);
    this.shownRecord = view.kind === 'record' ? view.record : undefined;
    if (view.kind === 'record') {
      await this.postDisputes();
      await this.postBatchSuggestions(view.record);
    }
  }

  /** A batch run file changed: the shown request's suggestions again, none included (a run removed takes its own away). */
  private async refreshBatchSuggestions(): Promise<void> {
    if (this.disposed || !this.started || !this.shownRecord) return;
    await this.postBatchSuggestions(this.shownRecord, true);
  }

  /** A batch extraction run's suggestions for the shown request, when there are any. */
  private async postBatchSuggestions(record: ShardRecord, evenNone = false): Promise<void> {
    const warn = (problem: UnreadableLine) => output().warn(formatUnreadable(problem));
    const runs = await gatherBatchSuggestions(this.document.uri.fsPath, record, warn).catch((error: unknown) => {
      output().warn(`${this.document.shardName}: could not read the batch extraction runs: ${String(error)}`);
      return [];
    });
    if (runs.length || evenNone) this.post({ type: 'batchSuggestions', requestId: record.id, runs });
  }

  /** After the reply: where the next and previous presses land travels now, while the annotator reads this request. */
  private sendAheadSoon(matching: readonly number[]): void {
    const from = this.position;
    void this.inbox.run(async () => {
      // Moved on already (presses queued up): that show sends its own.
      if (this.disposed || this.position !== from) return;
      await this.ahead.sendAhead(from, matching, this.filter).catch((error: unknown) => {
        output().warn(`${this.document.shardName}: could not send the neighbours of position ${from + 1}: ${String(error)}`);
      });
    });
  }

  /** The walked queue was recounted: the banner's done count follows without showing the request again. */
  postQueueProgress(progress: { done: number; total: number }): void {
    if (this.started) this.post({ type: 'queueProgress', done: progress.done, total: progress.total });
  }

  /** Shows the request again (the queue started or ended: its status changed). */
  refresh(): Promise<void> {
    return this.inbox.run(() => this.show());
  }

  /** What annotators disagree on in the shown request; a failure to read the other logs is logged, not shown. */
  private async postDisputes(): Promise<void> {
    const position = this.position;
    const ticket = ++this.disputesAsked;
    const found = await disputesAt(this.document, position).catch((error: unknown) => {
      output().warn(`${this.document.shardName}: could not read the other annotators' logs: ${String(error)}`);
      return undefined;
    });
    if (found && position === this.position && ticket === this.disputesAsked) this.post({ type: 'disputes', ...found });
  }

  private async annotate(draft: EventDraft): Promise<Outcome> {
    if ((await this.document.positionOf(draft.request)) === undefined) {
      return { ok: false, error: `No request with id "${draft.request}" in ${this.document.shardName}` };
    }
    try {
      await this.document.annotate(draft);
    } catch (error) {
      // The webview showed the action at once: put back what is really recorded (the reply carries the error).
      if (draft.request === this.document.idAt(this.position)) {
        this.post({
          type: 'state',
          requestId: draft.request,
          state: this.document.state().get(draft.request) ?? emptyRequestState(),
        });
      }
      throw error;
    }
    return { ok: true };
  }

  private async openExternal(url: string): Promise<void> {
    // Only posts on Reddit: the webview shows data, and data must not choose where the browser goes.
    if (!isRedditUrl(url)) {
      output().warn(
        `${this.document.shardName}: refused to open a link that is not a post on ${REDDIT_ORIGIN}: ${url.slice(0, 200)}`,
      );
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  private async onStateChanged(requests: readonly string[]): Promise<void> {
    const shown = this.document.idAt(this.position);
    const state = this.document.state();
    for (const request of requests) {
      if (request === shown) this.post({ type: 'state', requestId: request, state: state.get(request) ?? emptyRequestState() });
    }
    this.post({ type: 'progress', progress: this.document.progress() });
    // What a press would show may have changed (a neighbour's state, the filter's matches).
    this.sendAheadSoon(this.document.matching(this.filter));
  }

  private firstUnreviewed(): number {
    const { document } = this;
    for (let position = 0; position < document.size; position++) if (!document.factsAt(position).reviewed) return position;
    return 0;
  }

  private reply(seq: number, outcome: Outcome): void {
    this.post(outcome.ok ? { type: 'reply', seq, ok: true } : { type: 'reply', seq, ok: false, error: outcome.error });
  }

  dispose(): void {
    this.disposed = true;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The `seq` of a message that failed validation, when it carries a usable one. */
function seqOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('seq' in raw)) return undefined;
  const { seq } = raw;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
}
