// The one owner of what the host told the webview (settings, the shown
// request, progress, errors) and of the annotations sent but not yet
// acknowledged. The screen shows the host's last state with every
// unacknowledged draft applied on top, so the host's answer to one action
// never hides a quicker second one, not even for a frame.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventDraft } from '../src/core/annotations/events';
import { commentVerdict, type InlineRun, type RequestState } from '../src/core/annotations/state';
import { correctedRelevance, releaseMismatches, type ReleaseMismatch } from '../src/core/paper/relevance';
import type { ShardRecord } from '../src/core/shard/schema';
import type { Dispute, Filter, HostToWebview, NavTarget, Progress } from '../src/protocol';
import type { HostClient } from './client';
import { HeldRecordStore, type ResolvedShow } from './held-records';
import { effectiveItems } from './items';
import { applyDraft } from './optimistic';

export type Init = Extract<HostToWebview, { type: 'init' }>;
export type Show = ResolvedShow;
/** Everything the host sends except requests to the screen itself (`showKeymap`, `modal`) and model runs (ModelRunsController). */
export type SyncedMessage = Exclude<
  HostToWebview,
  {
    type:
      | 'showKeymap'
      | 'modal'
      | 'modelRun'
      | 'modelRunText'
      | 'modelRunGone'
      | 'modelAccess'
      | 'suggestRun'
      | 'batchSuggestions'
      | 'suggest';
  }
>;
/** Immediate mode: whether every action is on disk yet. Null in manual mode (the tab's dirty marker tells). */
export type SaveStatus = 'saving' | 'saved' | 'failed' | null;

interface Sent {
  draft: EventDraft;
  /** For a note: how many notes with its text were on screen when it was sent (a state holding more has it). */
  sameNotesBefore: number;
  /** The host recorded it; the next state it sends for the request holds it. */
  acknowledged: boolean;
}

export class HostSync implements ReactiveController {
  init: Init | null = null;
  show: Show | null = null;
  progress: Progress | null = null;
  /** The last error to show (a refused action, a failed request, the host's own). */
  error: string | null = null;
  private errorAboutModels = false;
  /** What annotators disagree on in the shown request (the host sends them after each show and log change). */
  disputes: readonly Dispute[] = [];
  /** Inline model runs other annotators made on the shown request (their logs), for the model panel. */
  colleagueRuns: readonly InlineRun[] = [];

  private client!: HostClient;
  /** The host's last state for the shown request, before any draft. */
  private hostState: RequestState | null = null;
  /** Drafts whose effect the host's last state may not hold yet, in the order they were sent. */
  private sent: Sent[] = [];
  private shownState: RequestState | null = null;
  private lastSaveFailed = false;
  private relevanceCache: { record: ShardRecord; state: RequestState; result: [string, number][] } | null = null;
  /** Records the host sent ahead, and where the next / previous press lands. */
  private readonly held = new HeldRecordStore();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  attach(client: HostClient): void {
    this.client = client;
  }

  /** Nothing to set up: host messages come in through receive(), which main.ts calls. */
  hostConnected(): void {}

  receive(message: SyncedMessage): void {
    switch (message.type) {
      case 'init':
        this.init = message;
        break;
      case 'records':
      case 'ahead':
        this.held.receive(message);
        return;
      case 'show': {
        const show = this.held.resolve(message);
        if (!show) return this.startOver(message);
        this.showResolved(show);
        break;
      }
      case 'state':
        if (this.record?.id !== message.requestId) return;
        this.hostState = message.state;
        this.sent = this.sent.filter((sent) => !sent.acknowledged || sent.draft.request !== message.requestId);
        this.reapply();
        break;
      case 'disputes':
        if (this.record?.id !== message.requestId) return;
        this.disputes = message.disputes;
        this.colleagueRuns = message.colleagueRuns ?? [];
        break;
      case 'progress':
        this.progress = message.progress;
        break;
      case 'queueProgress':
        if (!this.show?.queue) return;
        this.show = { ...this.show, queue: { ...this.show.queue, done: message.done, total: message.total } };
        break;
      case 'error':
        this.setError(message.message, message.about === 'models');
        break;
      case 'reply':
        // Settling runs the request's own handlers (below), which update the screen.
        this.client.settle(message);
        return;
      default:
        message satisfies never;
    }
    this.host.requestUpdate();
  }

  get record(): ShardRecord | null {
    return this.show?.view.kind === 'record' ? this.show.view.record : null;
  }

  /** The shown request's state as the screen shows it: the host's, plus every unacknowledged draft. */
  get requestState(): RequestState | null {
    return this.shownState;
  }

  /** The live ground truth (corrected S_r), computed once per record and state. */
  get correctedRelevance(): [string, number][] {
    const record = this.record;
    const state = this.shownState;
    if (!record || !state) return [];
    const cached = this.relevanceCache;
    if (cached?.record === record && cached.state === state) return cached.result;
    const original = record.comments.map((c) => ({ upvotes: c.upvotes, items: c.extraction.items }));
    const corrected = record.comments.map((c) => ({
      upvotes: c.upvotes,
      items: effectiveItems(c.extraction.items, commentVerdict(state, c.id)),
    }));
    const result = correctedRelevance(record.relevance, original, corrected);
    this.relevanceCache = { record, state, result };
    return result;
  }

  private mismatchCache: { record: ShardRecord; result: ReleaseMismatch[] } | null = null;

  /** The items whose released S_r the shown request's stored extraction does not give back (empty: it does). */
  get releaseMismatches(): ReleaseMismatch[] {
    const record = this.record;
    if (!record) return [];
    if (this.mismatchCache?.record !== record) {
      const stored = record.comments.map((c) => ({ upvotes: c.upvotes, items: c.extraction.items }));
      this.mismatchCache = { record, result: record.comments.length ? releaseMismatches(record.relevance, stored) : [] };
    }
    return this.mismatchCache.result;
  }

  get saveStatus(): SaveStatus {
    if (this.init?.saveMode !== 'immediate') return null;
    if (this.sent.some((sent) => !sent.acknowledged)) return 'saving';
    return this.lastSaveFailed ? 'failed' : 'saved';
  }

  /** Shows the draft at once and sends it; it stays applied until the host answers. */
  annotate(draft: EventDraft): void {
    const sameNotesBefore = draft.type === 'note' ? this.notesWithText(this.shownState, draft.text) : 0;
    const pending: Sent = { draft, sameNotesBefore, acknowledged: false };
    this.sent.push(pending);
    this.reapply();
    this.host.requestUpdate();
    this.client.request({ type: 'annotate', draft }).then(
      () => this.acknowledge(pending, null),
      (error: Error) => this.acknowledge(pending, error),
    );
  }

  navigate(target: NavTarget): void {
    // The host sent where this press lands: show it now; the host's own `show` follows and has the last word.
    const ahead =
      target.kind === 'next' || target.kind === 'previous' ? this.held.take(target.kind, this.show?.position ?? -1) : null;
    if (ahead) {
      this.showResolved(ahead);
      this.host.requestUpdate();
    }
    this.request({ type: 'navigate', target });
  }

  private showResolved(show: ResolvedShow): void {
    if (show.view.kind !== 'record' || show.view.record.id !== this.record?.id) {
      this.disputes = [];
      this.colleagueRuns = [];
    }
    // An error is about the request it was shown on: moving on takes it away.
    if (show.position !== this.show?.position || show.view.kind !== this.show.view.kind) this.setError(null);
    this.show = show;
    this.hostState = show.view.kind === 'record' ? show.view.state : null;
    // Any request shown later comes with the host's truth: recorded drafts are no longer needed.
    this.sent = this.sent.filter((sent) => !sent.acknowledged);
    this.reapply();
  }

  /** A `show` named a record we do not hold: the host lost track of what we keep. Starting over resends everything. */
  private startOver(show: Extract<SyncedMessage, { type: 'show' }>): void {
    const id = show.view.kind === 'held' ? show.view.id : '';
    this.client.post({ type: 'webviewError', message: `show: record ${JSON.stringify(id)} is not held; starting over` });
    this.client.post({ type: 'ready' });
  }

  /** "Confirm the rest": the host asks, with the count, and records one bulk-confirm event; `refused` runs when it did not ask. */
  confirmRest(requestId: string, refused: () => void): void {
    this.client.request({ type: 'confirmRest', requestId }).catch((error: Error) => {
      refused();
      this.showError(error.message);
    });
  }

  setFilter(filter: Filter): void {
    this.request({ type: 'setFilter', filter });
  }

  openExternal(url: string): void {
    this.client.post({ type: 'openExternal', url });
  }

  showError(message: string): void {
    this.setError(message);
    this.host.requestUpdate();
  }

  private setError(message: string | null, aboutModels = false): void {
    this.error = message;
    this.errorAboutModels = aboutModels;
  }

  /** A model run or suggestion started: a banner about the last one failing to start is stale. */
  modelRunStarted(): void {
    if (!this.errorAboutModels || this.error === null) return;
    this.setError(null);
    this.host.requestUpdate();
  }

  dismissError(): void {
    this.setError(null);
    this.host.requestUpdate();
  }

  private request(message: Parameters<HostClient['request']>[0]) {
    this.client.request(message).catch((error: Error) => {
      this.setError(error.message);
      this.host.requestUpdate();
    });
  }

  /**
   * The host answered. A recorded draft stays applied until the host's next
   * state for its request, which holds it; a refused one goes at once (the
   * host sent what it really recorded before refusing).
   */
  private acknowledge(pending: Sent, error: Error | null) {
    if (error) this.sent = this.sent.filter((sent) => sent !== pending);
    else pending.acknowledged = true;
    this.lastSaveFailed = error !== null;
    if (error) this.setError(error.message);
    this.reapply();
    this.host.requestUpdate();
  }

  private reapply() {
    const base = this.hostState;
    const requestId = this.record?.id;
    if (!base || requestId === undefined) {
      this.shownState = null;
      return;
    }
    let state = base;
    for (const { draft, sameNotesBefore } of this.sent) {
      if (draft.request !== requestId) continue;
      // A note is not idempotent: once the host's state holds it, applying it again would show it twice.
      if (draft.type === 'note' && this.notesWithText(base, draft.text) > sameNotesBefore) continue;
      state = applyDraft(state, draft);
    }
    this.shownState = state;
  }

  private notesWithText(state: RequestState | null, text: string): number {
    return state?.notes.filter((note) => note.text === text).length ?? 0;
  }
}
