// <ia-app>: the screen's layout and its key routing. What the host sent and
// the actions on their way to it live in HostSync; where the annotator is
// within the request lives in ReviewCursor; comment editing in CommentEditing.
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { RequestState } from '../../src/core/annotations/state';
import { permalinkUrl, type ShardRecord } from '../../src/core/shard/schema';
import type { HostToWebview } from '../../src/protocol';
import type { HostClient } from '../client';
import { CommentEditing } from '../comment-editing';
import { HostSync, type Show } from '../host-sync';
import { commandFor, isTyping, type Command } from '../keymap';
import { LandingFocus } from '../landing-focus';
import { isModelMessage, ModelRunsController } from '../models/model-runs-controller';
import { ReviewCursor } from '../review-cursor';
import { sortedComments } from '../sorted-comments';
import { isSuggestMessage, SuggestionsController } from '../suggestions';
import { themeStyles } from '../theme';
import { appStyles } from './app-styles';
import type { IaAdjudication } from './adjudication';
import type { IaCommentList } from './comment-list';
import type { IaGallery } from './gallery';
import type { IaModelPanel } from './model-panel';
import type { IaToolbar } from './toolbar';
import type { IaValidity } from './validity';
import './adjudication';
import './comment-list';
import './gallery';
import './help-overlay';
import './model-panel';
import './query';
import './relevance';
import './toolbar';
import './validity';

/** "Queue sample: item 3 of 100 · 41 done by you" while a review queue is walked. */
const queueBar = (queue: NonNullable<Show['queue']>) =>
  html`<div class="queue-bar" role="status" aria-label="Review queue">
    Queue <strong><bdi>${queue.name}</bdi></strong
    >: item ${queue.index + 1} of ${queue.total} · ${queue.done} done by you · j / k walk the queue
  </div>`;

/** The gallery's description runs, before a new request's later panels are drawn (the frame after its title). */
const NO_RUNS: ShardRecord['runs'] = [];

@customElement('ia-app')
export class IaApp extends LitElement {
  static override styles = [themeStyles, appStyles];

  private readonly sync = new HostSync(this);
  private readonly cursor = new ReviewCursor(this, this.sync, (comment) => void this.commentList?.reveal(comment));
  private readonly models = new ModelRunsController(this, (message) => this.sync.showError(message));
  private readonly suggestions = new SuggestionsController(
    this,
    (message) => this.sync.showError(message),
    () => this.models.access,
  );
  private readonly comments = new CommentEditing(this.sync, this.cursor, this.suggestions);
  private readonly landing = new LandingFocus(this, this.sync, this.cursor, {
    revealComment: (index) => void this.commentList?.reveal(index),
    focusAdjudication: () => this.adjudication?.focusFirst(),
  });

  @state() private helpOpen = false;
  /**
   * The host is asking the user something for this panel (quick picks, an input box): no action key
   * acts. Set at once when `p` asks for a run, since the picks take the keyboard only after a round trip.
   */
  @state() private hostAsking = false;
  /** `p` pressed while the host was asking: the run is asked for once the question is over (its answer may be on its way). */
  private runAfterAsking = false;

  @query('ia-toolbar') private toolbar!: IaToolbar;
  @query('ia-comment-list') private commentList?: IaCommentList;
  @query('ia-gallery') private gallery?: IaGallery;
  @query('ia-validity') private validity?: IaValidity;
  @query('ia-model-panel') private modelPanel?: IaModelPanel;
  @query('ia-adjudication') private adjudication?: IaAdjudication;

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
    this.addEventListener('ia-run-model', () => this.runModel());
    this.addEventListener('ia-live-run', (e) => this.models.onLiveAction(e.detail.action, e.detail.id));
  }

  /** Wires the client and restores the screen state VS Code kept while the webview was hidden. */
  attach(client: HostClient): void {
    this.sync.attach(client);
    this.cursor.attach(client);
    this.models.attach(client);
    this.suggestions.attach(client);
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
    else if (message.type === 'modal') this.onModal(message.on);
    else if (isModelMessage(message)) {
      if (message.type === 'modelRun' && message.run.phase === 'running') this.sync.modelRunStarted();
      this.models.receive(message);
    } else if (isSuggestMessage(message)) {
      if (message.type === 'suggestRun' && message.run.phase === 'running') this.sync.modelRunStarted();
      this.suggestions.receive(message);
    } else if (message.type === 'suggest') this.suggest(message.scope);
    else {
      this.sync.receive(message);
      this.landing.receive(message);
    }
  }

  // ---------- layout ----------

  override render() {
    const { show, init, error } = this.sync;
    return html`${show?.queue ? queueBar(show.queue) : nothing}<ia-toolbar
        .position=${show?.position ?? 0}
        .total=${show?.total ?? 0}
        .matching=${show?.matching ?? 0}
        .filter=${show?.filter ?? 'all'}
        .shardName=${init?.shardName ?? ''}
        .progress=${this.sync.progress}
        .saveStatus=${this.sync.saveStatus}
      ></ia-toolbar>
      ${
        error
          ? html`<div class="banner" role="alert">
              <span>${error}</span><ia-button label="Dismiss error" @click=${() => this.sync.dismissError()}>Dismiss</ia-button>
            </div>`
          : nothing
      }
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
    return html`<ia-query .record=${record}></ia-query>
      <div class="columns">
        <ia-comment-list
          requestId=${record.id}
          .rows=${this.comments.rows()}
          .suggestStatus=${this.suggestStatus(record.id)}
        ></ia-comment-list>
        <div class="side">
          <ia-gallery
            .images=${images}
            .runs=${this.panelsFor === record.id ? record.runs : NO_RUNS}
            ?adult=${record.over_18}
            requestId=${record.id}
          ></ia-gallery>
          <ia-adjudication
            requestId=${record.id}
            .disputes=${this.sync.disputes}
            .reasons=${this.sync.init?.reasons ?? []}
            .commentLabel=${(id: string) => {
              const index = sortedComments(record).findIndex((comment) => comment.id === id);
              return index >= 0 ? `comment ${index + 1} (${id})` : `comment ${id}`;
            }}
          ></ia-adjudication>
          <ia-validity requestId=${record.id} .reasons=${this.sync.init?.reasons ?? []} .state=${state}></ia-validity>
          ${this.laterPanels(record, state)}
        </div>
      </div>`;
  }

  /** The request whose relevance list and model panel are drawn. */
  @state() private panelsFor: string | null = null;

  private panelsScheduled = false;

  /**
   * A request's relevance list, model runs and the gallery's descriptions are drawn after the frame that
   * paints its title and comments: those are the costliest to draw (many stored runs). A task queued from
   * the frame's animation callback runs once that frame is painted; drawing them in the callback itself
   * would hold the paint of the keypress until they were done.
   */
  private laterPanels(record: ShardRecord, state: RequestState) {
    if (this.panelsFor !== record.id) {
      if (!this.panelsScheduled) {
        this.panelsScheduled = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            this.panelsScheduled = false;
            this.panelsFor = this.sync.record?.id ?? null;
          }),
        );
      }
      return nothing;
    }
    // The corrected relevance walks every comment: only these panels read it.
    const corrected = this.sync.correctedRelevance;
    return html`<ia-relevance
        .release=${record.relevance}
        .corrected=${corrected}
        .mismatches=${this.sync.releaseMismatches}
      ></ia-relevance>
      <ia-model-panel
        .record=${record}
        .requestState=${state}
        .colleagueRuns=${this.sync.colleagueRuns}
        .groundTruth=${this.groundTruth(corrected)}
        .live=${this.models.liveFor(record.id)}
        .access=${this.models.access}
      ></ia-model-panel>`;
  }

  private truthCache: { corrected: [string, number][]; items: string[] } | null = null;

  /** The corrected items, the same array while they stay the same (the model panel caches scores on it). */
  private groundTruth(corrected: [string, number][]): string[] {
    if (this.truthCache?.corrected !== corrected) this.truthCache = { corrected, items: corrected.map(([item]) => item) };
    return this.truthCache.items;
  }

  /** "Suggesting items with gpt: 3 / 12 comments" while a run goes on for the request, and how it ended. */
  private suggestStatus(requestId: string): string {
    const run = this.suggestions.runFor(requestId);
    if (!run) return '';
    const counted = `${run.done} / ${run.total} comment${run.total === 1 ? '' : 's'}`;
    switch (run.phase) {
      case 'running':
        return run.wait
          ? `Suggest Items with ${run.model}: waiting ${run.wait.seconds} s (${run.wait.reason}); ${counted}`
          : `Suggesting items with ${run.model}: ${counted} (Esc cancels)`;
      case 'done':
        return `Suggested items with ${run.model}: ${counted}`;
      case 'cancelled':
        return `Suggest Items cancelled: ${counted} recorded`;
      case 'failed':
        return `Suggest Items failed: ${counted} recorded`;
    }
  }

  /** Suggest Items for the current comment, or every comment of the request. */
  private suggest(scope: 'comment' | 'request'): void {
    const record = this.sync.record;
    if (!record) return;
    const current = this.comments.current();
    const comments = scope === 'request' ? sortedComments(record).map((comment) => comment.id) : current ? [current.id] : [];
    this.suggestions.suggest(record.id, scope, comments);
  }

  private onModal(on: boolean): void {
    this.hostAsking = on;
    if (on || !this.runAfterAsking) return;
    // A `p` pressed just as the last pick closed (before the host said so) still opens the picks.
    this.runAfterAsking = false;
    this.runModel();
  }

  private runModel(): void {
    const record = this.sync.record;
    if (record && this.models.runModel(record.id, () => (this.hostAsking = false))) this.hostAsking = true;
  }

  private confirmRest(): void {
    const record = this.sync.record;
    if (!record) return;
    // The host asks first (a modal): keys wait from now on, not only once its `modal` message arrives.
    this.hostAsking = true;
    this.sync.confirmRest(record.id, () => (this.hostAsking = false));
  }

  // ---------- keyboard ----------

  private onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || isTyping(event)) return;
    const command = commandFor(event);
    if (!command) return;
    if (this.hostAsking) {
      // The key was meant for the host's question (its picker had not taken the keyboard yet): it must not act here.
      event.preventDefault();
      if (command === 'runModel') this.runAfterAsking = true;
      return;
    }
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
        if (this.cursor.editing) return this.cursor.edit(null);
        // Esc with nothing else to close cancels Suggest Items, else the model run streaming for this request, else dismisses a failed or cancelled one.
        if (record && this.suggestions.cancel(record.id)) return;
        if (!this.modelPanel?.cancelStreaming()) this.modelPanel?.dismissEnded();
        return;
      case 'confirmAndNext':
        return this.comments.confirmAndNext();
      case 'confirmRest':
        return this.confirmRest();
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
      case 'acceptSuggestion':
      case 'dismissSuggestion':
        return this.comments.runItemCommand(command);
      case 'suggestComment':
        return this.suggest('comment');
      case 'suggestRequest':
        return this.suggest('request');
      case 'runModel':
        return this.runModel();
      case 'nextRun':
        return void this.modelPanel?.moveRun(1);
      case 'previousRun':
        return void this.modelPanel?.moveRun(-1);
      case 'nextTitle':
        return void this.modelPanel?.moveTitle(1);
      case 'previousTitle':
        return void this.modelPanel?.moveTitle(-1);
      case 'titleRelevant':
        return void this.modelPanel?.giveVerdict('relevant');
      case 'titleWrongMatch':
        return void this.modelPanel?.giveVerdict('not-relevant');
      case 'titleUnsure':
        return void this.modelPanel?.giveVerdict('unsure');
      case 'choiceAgree':
        return void this.modelPanel?.giveVerdict('agree');
      case 'choiceDisagree':
        return void this.modelPanel?.giveVerdict('disagree');
      case 'toggleRawAnswer':
        return void this.modelPanel?.toggleRaw();
      case 'focusAdjudication':
        return this.sync.disputes.length
          ? this.landing.focusAdjudication()
          : this.sync.showError('Nothing to adjudicate here: the annotators agree');
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
