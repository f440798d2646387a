// <ia-app>: the whole screen for one request. Receives host messages, keeps
// the per-request screen state, turns key presses and component events into
// protocol messages, and shows annotation results at once (optimistically).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { EventDraft } from '../../src/core/annotations/events';
import type { RequestState } from '../../src/core/annotations/state';
import { correctedRelevance } from '../../src/core/paper/relevance';
import { permalinkUrl, type ShardRecord } from '../../src/core/shard/schema';
import type { HostToWebview, NavTarget, Progress } from '../../src/protocol';
import type { HostClient } from '../client';
import { CommentEditing, type Editing, type EditingHost } from '../comment-editing';
import { effectiveItems } from '../items';
import { commandFor, isTyping, type Command } from '../keymap';
import { applyDraft } from '../optimistic';
import { RequestUiMemory, type RequestUi } from '../request-ui';
import { sortedComments } from '../sorted-comments';
import { themeStyles } from '../theme';
import type { CommentAction, CommentRow, CommentStatus } from './comment-row';
import type { IaCommentList } from './comment-list';
import type { IaGallery } from './gallery';
import type { IaToolbar } from './toolbar';
import type { IaValidity } from './validity';
import './comment-list';
import './gallery';
import './help-overlay';
import './model-panel';
import './query';
import './relevance';
import './toolbar';
import './validity';

type Init = Extract<HostToWebview, { type: 'init' }>;
type Show = Extract<HostToWebview, { type: 'show' }>;

export interface SavedState {
  ui: [string, RequestUi][];
}

@customElement('ia-app')
export class IaApp extends LitElement implements EditingHost {
  static override styles = [
    themeStyles,
    css`
      /*
       * Wide: the app is exactly one window high; the comment list fills the height
       * left under the header and the side column scrolls on its own. The list's
       * size then follows every window or header change, and the virtualizer only
       * re-measures its viewport when its own size changes (or on scroll).
       */
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        background: var(--vscode-editor-background, #1e1e1e);
      }
      ia-toolbar { flex: none; }
      main { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 8px; display: flex; flex-direction: column; gap: 8px; }
      ia-query { flex: none; }
      /* Below 300px the columns stop shrinking and main scrolls instead. */
      .columns {
        flex: 1 1 0;
        min-height: 300px;
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        grid-template-rows: minmax(0, 1fr);
        gap: 8px;
      }
      ia-comment-list { min-height: 0; }
      /* The padding keeps focus rings of the side's edge controls inside its scroll box. */
      .side { min-height: 0; overflow: auto; padding: 2px; display: flex; flex-direction: column; gap: 8px; }
      /* Narrow: one column and the page scrolls; the list keeps a window-relative height. */
      @media (max-width: 720px) {
        :host { display: block; height: auto; min-height: 100vh; }
        main { overflow: visible; }
        .columns { flex: none; min-height: 0; display: flex; flex-direction: column; }
        .columns > * { flex: none; }
        ia-comment-list { --ia-comment-list-height: max(300px, 70vh); }
        .side { overflow: visible; }
      }
      .banner {
        padding: 6px 8px;
        border: 1px solid var(--vscode-inputValidation-errorBorder, #be1100);
        background: var(--vscode-inputValidation-errorBackground, #5a1d1d);
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .unreadable { padding: 12px; }
      .unreadable code { font-family: var(--vscode-editor-font-family, monospace); }
    `,
  ];

  client!: HostClient;
  private memory = new RequestUiMemory();

  @state() private init: Init | null = null;
  @state() private show: Show | null = null;
  @state() private progress: Progress | null = null;
  @state() private error: string | null = null;
  @state() private helpOpen = false;
  /** Annotations sent to the host and not yet acknowledged (in immediate mode: not yet on disk). */
  @state() private unacknowledged = 0;
  /** The host refused or failed the last annotation (the banner says why). */
  @state() private lastSaveFailed = false;
  @state() editing: Editing | null = null;
  @state() ui: RequestUi = { comment: 0, item: 0 };
  private readonly comments = new CommentEditing(this);

  @query('ia-toolbar') private toolbar!: IaToolbar;
  @query('ia-comment-list') private commentList?: IaCommentList;
  @query('ia-gallery') private gallery?: IaGallery;
  @query('ia-validity') private validity?: IaValidity;

  /** Wires the client and restores the screen state VS Code kept while the webview was hidden. */
  attach(client: HostClient): void {
    this.client = client;
    this.memory = new RequestUiMemory(client.getState<SavedState>()?.ui ?? []);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown);
    super.disconnectedCallback();
  }

  receive(message: HostToWebview): void {
    switch (message.type) {
      case 'init':
        this.init = message;
        break;
      case 'show':
        this.showView(message);
        break;
      case 'state': {
        const record = this.record;
        if (record?.id === message.requestId) this.setRequestState(message.state);
        break;
      }
      case 'progress':
        this.progress = message.progress;
        break;
      case 'error':
        this.error = message.message;
        break;
      case 'reply':
        this.client.settle(message);
        break;
      case 'showKeymap':
        this.helpOpen = true;
        break;
    }
  }

  private showView(message: Show) {
    const previous = this.record?.id;
    this.show = message;
    const record = this.record;
    if (record && record.id !== previous) {
      this.editing = null;
      this.ui = this.memory.get(record.id);
      void this.commentList?.reveal(this.ui.comment);
    }
  }

  get record(): ShardRecord | null {
    return this.show?.view.kind === 'record' ? this.show.view.record : null;
  }

  get requestState(): RequestState | null {
    return this.show?.view.kind === 'record' ? this.show.view.state : null;
  }

  private setRequestState(next: RequestState) {
    if (!this.show || this.show.view.kind !== 'record') return;
    this.show = { ...this.show, view: { ...this.show.view, state: next } };
  }

  // ---------- rendering ----------

  override render() {
    const show = this.show;
    return html`<ia-toolbar
        .position=${show?.position ?? 0}
        .total=${show?.total ?? 0}
        .matching=${show?.matching ?? 0}
        .filter=${show?.filter ?? 'all'}
        .shardName=${this.init?.shardName ?? ''}
        .progress=${this.progress}
        .saveStatus=${this.saveStatus()}
        @ia-navigate=${(e: CustomEvent<NavTarget>) => this.navigate(e.detail)}
        @ia-filter=${(e: CustomEvent<{ filter: Show['filter'] }>) => this.request({ type: 'setFilter', filter: e.detail.filter })}
        @ia-help=${() => (this.helpOpen = true)}
      ></ia-toolbar>
      ${this.error
        ? html`<div class="banner" role="alert">
            <span>${this.error}</span><ia-button label="Dismiss error" @click=${() => (this.error = null)}>Dismiss</ia-button>
          </div>`
        : nothing}
      <main>${show ? this.renderView(show) : html`<p class="muted">Loading…</p>`}</main>
      ${this.helpOpen ? html`<ia-help @ia-close=${this.closeHelp}></ia-help>` : nothing}`;
  }

  private renderView(show: Show) {
    const view = show.view;
    if (view.kind === 'unreadable') {
      const { file, line, reason } = view.unreadable;
      return html`<section class="panel unreadable" role="alert" aria-label="Unreadable record">
        <h2>This line could not be read</h2>
        <p><code class="location">${file}:${line}</code></p>
        <p class="reason error">${reason}</p>
        <p class="muted">Fix the line in the file, or move on with j / k.</p>
      </section>`;
    }
    const { record, images, state } = view;
    const release = record.relevance;
    const corrected = this.correctedRelevance(record, state);
    return html`<ia-query .record=${record} @ia-open-external=${(e: CustomEvent<{ url: string }>) => this.openExternal(e.detail.url)}></ia-query>
      <div class="columns">
        <ia-comment-list .rows=${this.rows(record, state)} @ia-comment-action=${(e: CustomEvent<CommentAction>) => this.comments.onAction(e.detail)}></ia-comment-list>
        <div class="side">
          <ia-gallery .images=${images} .runs=${record.runs} ?adult=${record.over_18} requestId=${record.id}></ia-gallery>
          <ia-validity
            requestId=${record.id}
            .reasons=${this.init?.reasons ?? []}
            .state=${state}
            @ia-annotate=${(e: CustomEvent<EventDraft>) => this.annotate(e.detail)}
          ></ia-validity>
          <ia-relevance .release=${release} .corrected=${corrected}></ia-relevance>
          <ia-model-panel .runs=${record.runs} .groundTruth=${corrected.map(([item]) => item)} .choice=${record.choice}></ia-model-panel>
        </div>
      </div>`;
  }

  private relevanceCache: { record: ShardRecord; state: RequestState; result: [string, number][] } | null = null;

  private correctedRelevance(record: ShardRecord, state: RequestState): [string, number][] {
    const cached = this.relevanceCache;
    if (cached?.record === record && cached.state === state) return cached.result;
    const original = record.comments.map((c) => ({ upvotes: c.upvotes, items: c.extraction.items }));
    const corrected = record.comments.map((c) => ({ upvotes: c.upvotes, items: effectiveItems(c.extraction.items, state.comments[c.id]) }));
    const result = correctedRelevance(record.relevance, original, corrected);
    this.relevanceCache = { record, state, result };
    return result;
  }

  private rows(record: ShardRecord, state: RequestState): CommentRow[] {
    return sortedComments(record).map((comment, index) => {
      const verdict = state.comments[comment.id];
      const status: CommentStatus = verdict?.status ?? 'unreviewed';
      const current = index === this.ui.comment;
      return {
        comment,
        index,
        items: effectiveItems(comment.extraction.items, verdict),
        status,
        current,
        selectedItem: this.ui.item,
        editing: this.editing?.commentId === comment.id ? this.editing.index : null,
        restorable: this.comments.restorable(comment.id),
      };
    });
  }

  // ---------- actions ----------

  private request(message: Parameters<HostClient['request']>[0]) {
    this.client.request(message).catch((error: Error) => (this.error = error.message));
  }

  private navigate(target: NavTarget) {
    this.request({ type: 'navigate', target });
  }

  annotate(draft: EventDraft): void {
    const state = this.requestState;
    if (state) this.setRequestState(applyDraft(state, draft));
    this.unacknowledged++;
    this.client.request({ type: 'annotate', draft }).then(
      () => {
        this.lastSaveFailed = false;
        this.unacknowledged--;
      },
      (error: Error) => {
        this.error = error.message;
        this.lastSaveFailed = true;
        this.unacknowledged--;
      },
    );
  }

  private saveStatus(): IaToolbar['saveStatus'] {
    if (this.init?.saveMode !== 'immediate') return null;
    if (this.unacknowledged > 0) return 'saving';
    return this.lastSaveFailed ? 'failed' : 'saved';
  }

  private openExternal(url: string) {
    this.client.post({ type: 'openExternal', url });
  }

  setUi(ui: RequestUi): void {
    const record = this.record;
    if (!record) return;
    this.ui = ui;
    this.memory.set(record.id, ui);
    this.client.setState({ ui: this.memory.toJSON() } satisfies SavedState);
  }

  moveComment(delta: number): void {
    const count = this.record?.comments.length ?? 0;
    if (count === 0) return;
    const comment = Math.min(count - 1, Math.max(0, this.ui.comment + delta));
    this.editing = null;
    this.setUi({ comment, item: 0 });
    void this.commentList?.reveal(comment);
  }

  // ---------- keyboard ----------

  private onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || isTyping(event)) return;
    const command = commandFor(event);
    if (!command) return;
    if (this.helpOpen && command !== 'toggleHelp' && command !== 'closeOverlay') return;
    if (this.gallery?.isOpen && command !== 'closeOverlay') return;
    event.preventDefault();
    this.run(command, event.key);
  };

  private run(command: Command, key: string) {
    const record = this.record;
    switch (command) {
      case 'nextRequest':
        return this.navigate({ kind: 'next' });
      case 'previousRequest':
        return this.navigate({ kind: 'previous' });
      case 'nextUnreviewed':
        return this.navigate({ kind: 'nextUnreviewed' });
      case 'goTo':
        return this.toolbar.focusGoTo();
      case 'focusFilter':
        return this.toolbar.focusFilter();
      case 'toggleHelp':
        return this.helpOpen ? this.closeHelp() : void (this.helpOpen = true);
      case 'closeOverlay':
        if (this.helpOpen) return this.closeHelp();
        if (this.gallery?.close()) return;
        this.editing = null;
        return;
    }
    if (!record) return;
    switch (command) {
      case 'confirmAndNext':
        return this.comments.confirmAndNext();
      case 'nextComment':
        return this.moveComment(1);
      case 'previousComment':
        return this.moveComment(-1);
      case 'markValid':
        return this.annotate({ type: 'validity', request: record.id, verdict: 'valid' });
      case 'invalidReason':
        return this.validity?.markInvalid(Number(key) - 1);
      case 'focusNote':
        return this.validity?.focusNote();
      case 'openPermalink':
        return this.openExternal(permalinkUrl(record.permalink));
    }
    switch (command) {
      case 'nextItem':
      case 'previousItem':
      case 'addItem':
      case 'editItem':
      case 'removeItem':
      case 'creatorOnly':
        return this.comments.runItemCommand(command);
    }
  }

  private closeHelp = () => {
    this.helpOpen = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-app': IaApp;
  }
}
