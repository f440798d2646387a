// <ia-app>: the screen's layout and its key routing. What the host sent and
// the actions on their way to it live in HostSync; where the annotator is
// within the request lives in ReviewCursor; comment editing in CommentEditing.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { permalinkUrl } from '../../src/core/shard/schema';
import type { HostToWebview } from '../../src/protocol';
import type { HostClient } from '../client';
import { CommentEditing } from '../comment-editing';
import { HostSync, type Show } from '../host-sync';
import { commandFor, isTyping, type Command } from '../keymap';
import { ReviewCursor } from '../review-cursor';
import { themeStyles } from '../theme';
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

@customElement('ia-app')
export class IaApp extends LitElement {
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

  private readonly sync = new HostSync(this);
  private readonly cursor = new ReviewCursor(this, this.sync, (comment) => void this.commentList?.reveal(comment));
  private readonly comments = new CommentEditing(this.sync, this.cursor);

  @state() private helpOpen = false;

  @query('ia-toolbar') private toolbar!: IaToolbar;
  @query('ia-comment-list') private commentList?: IaCommentList;
  @query('ia-gallery') private gallery?: IaGallery;
  @query('ia-validity') private validity?: IaValidity;

  constructor() {
    super();
    // The elements' events bubble up here, typed by the one event table (events.ts).
    this.addEventListener('ia-navigate', (e) => this.sync.navigate(e.detail));
    this.addEventListener('ia-filter', (e) => this.sync.setFilter(e.detail.filter));
    this.addEventListener('ia-annotate', (e) => this.sync.annotate(e.detail));
    this.addEventListener('ia-comment-action', (e) => this.comments.onAction(e.detail));
    this.addEventListener('ia-open-external', (e) => this.sync.openExternal(e.detail.url));
    this.addEventListener('ia-help', () => (this.helpOpen = true));
    this.addEventListener('ia-close', this.closeHelp);
  }

  /** Wires the client and restores the screen state VS Code kept while the webview was hidden. */
  attach(client: HostClient): void {
    this.sync.attach(client);
    this.cursor.attach(client);
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
    if (message.type === 'showKeymap') this.helpOpen = true;
    else this.sync.receive(message);
  }

  // ---------- layout ----------

  override render() {
    const { show, init, error } = this.sync;
    return html`<ia-toolbar
        .position=${show?.position ?? 0}
        .total=${show?.total ?? 0}
        .matching=${show?.matching ?? 0}
        .filter=${show?.filter ?? 'all'}
        .shardName=${init?.shardName ?? ''}
        .progress=${this.sync.progress}
        .saveStatus=${this.sync.saveStatus}
      ></ia-toolbar>
      ${error
        ? html`<div class="banner" role="alert">
            <span>${error}</span><ia-button label="Dismiss error" @click=${() => this.sync.dismissError()}>Dismiss</ia-button>
          </div>`
        : nothing}
      <main>${show ? this.renderView(show) : html`<p class="muted">Loading…</p>`}</main>
      ${this.helpOpen ? html`<ia-help></ia-help>` : nothing}`;
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
    const { record, images } = view;
    const state = this.sync.requestState;
    if (!state) return nothing;
    const corrected = this.sync.correctedRelevance;
    return html`<ia-query .record=${record}></ia-query>
      <div class="columns">
        <ia-comment-list .rows=${this.comments.rows()}></ia-comment-list>
        <div class="side">
          <ia-gallery .images=${images} .runs=${record.runs} ?adult=${record.over_18} requestId=${record.id}></ia-gallery>
          <ia-validity requestId=${record.id} .reasons=${this.sync.init?.reasons ?? []} .state=${state}></ia-validity>
          <ia-relevance .release=${record.relevance} .corrected=${corrected}></ia-relevance>
          <ia-model-panel .runs=${record.runs} .groundTruth=${corrected.map(([item]) => item)} .choice=${record.choice}></ia-model-panel>
        </div>
      </div>`;
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

  /** Every command in one switch: a command added to the keymap and not handled here fails to compile. */
  private run(command: Command, key: string): void {
    const record = this.sync.record;
    switch (command) {
      case 'nextRequest':
        return this.sync.navigate({ kind: 'next' });
      case 'previousRequest':
        return this.sync.navigate({ kind: 'previous' });
      case 'nextUnreviewed':
        return this.sync.navigate({ kind: 'nextUnreviewed' });
      case 'goTo':
        return this.toolbar.focusGoTo();
      case 'focusFilter':
        return this.toolbar.focusFilter();
      case 'toggleHelp':
        return this.helpOpen ? this.closeHelp() : void (this.helpOpen = true);
      case 'closeOverlay':
        if (this.helpOpen) return this.closeHelp();
        if (this.gallery?.close()) return;
        return this.cursor.edit(null);
      case 'confirmAndNext':
        return this.comments.confirmAndNext();
      case 'nextComment':
        return this.cursor.move(1);
      case 'previousComment':
        return this.cursor.move(-1);
      case 'markValid':
        return record ? this.sync.annotate({ type: 'validity', request: record.id, verdict: 'valid' }) : undefined;
      case 'invalidReason':
        return this.validity?.markInvalid(Number(key) - 1);
      case 'focusNote':
        return this.validity?.focusNote();
      case 'openPermalink': {
        const url = record ? permalinkUrl(record.permalink) : null;
        return url === null ? undefined : this.sync.openExternal(url);
      }
      case 'nextItem':
      case 'previousItem':
      case 'addItem':
      case 'editItem':
      case 'removeItem':
      case 'creatorOnly':
        return this.comments.runItemCommand(command);
      default:
        return command satisfies never;
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
