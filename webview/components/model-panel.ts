// <ia-model-panel>: every model run of the request, stored and inline, scored
// against the live corrected ground truth; the runs started here while they
// stream; verdicts by mouse or keyboard (the app routes the keys here).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EventDraft } from '../../src/core/annotations/events';
import type { InlineRun, RequestState } from '../../src/core/annotations/state';
import type { ShardRecord } from '../../src/core/shard/schema';
import type { LiveModelRun } from '../../src/protocol';
import { runHeading } from './model-run-header';
import { panelRuns, scoreChoice, scoreTitles, verdictOf, type PanelRun, type ScoredTitle } from '../models/panel-runs';
import { verdictDraft, type PanelVerdict, type VerdictTarget } from '../models/verdicts';
import { themeStyles } from '../theme';
import type { LiveRunAction } from './model-live-run';
import type { TitleVerdictDetail } from './model-title-run';
import './model-choice-run';
import './model-live-run';
import './model-title-run';
import '../ui-kit';

export interface ModelAccess {
  allowed: boolean;
  reason?: string;
}

@customElement('ia-model-panel')
export class IaModelPanel extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        gap: 8px;
        align-items: baseline;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      .descriptions li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) record: ShardRecord | null = null;
  @property({ attribute: false }) requestState: RequestState | null = null;
  /** Other annotators' inline runs on this request (from their logs): listed, marked as theirs, open to verdicts. */
  @property({ attribute: false }) colleagueRuns: readonly InlineRun[] = [];
  /** The live ground truth (corrected S_r items). */
  @property({ attribute: false }) groundTruth: string[] = [];
  /** Runs started from the editor for this request, newest first (shown above the stored runs). */
  @property({ attribute: false }) live: LiveModelRun[] = [];
  @property({ attribute: false }) access: ModelAccess = { allowed: true };

  /** Index among the runs that take verdicts (titles and choices). */
  @state() private runIndex = 0;
  @state() private titleIndex = 0;
  @state() private rawOpen = new Set<string>();
  private shownRequest: string | null = null;

  protected override willUpdate(): void {
    // A new request starts at its first run and title.
    const id = this.record?.id ?? null;
    if (id !== this.shownRequest) {
      this.shownRequest = id;
      this.runIndex = 0;
      this.titleIndex = 0;
      this.rawOpen = new Set();
    }
  }

  override render() {
    const record = this.record;
    if (!record) return nothing;
    const runs = panelRuns(record, this.requestState, this.colleagueRuns);
    const judged = runs.filter((run) => run.task !== 'description');
    const described = runs.filter((run) => run.task === 'description');
    const current = judged[Math.min(this.runIndex, judged.length - 1)];
    return html`<section class="panel" aria-label="Model answers">
      <header>
        <h2>Model answers <span class="muted">(${runs.length} runs)</span></h2>
        <ia-button class="run-model" keys="p" ?disabled=${!this.access.allowed} @click=${() => this.emit('ia-run-model', {})}
          >Run Model…</ia-button
        >
      </header>
      ${this.access.allowed ? nothing : html`<p class="muted access" role="note">${this.access.reason ?? 'Running models is disabled here.'}</p>`}
      ${this.live.map(
        (run) => html`<ia-model-live-run data-run-id=${run.id} .run=${run} @ia-live-run=${this.onLive}></ia-model-live-run>`,
      )}
      ${runs.length === 0 ? html`<p class="muted">No runs stored for this request.</p>` : nothing}
      ${judged.map((run) => this.renderRun(run, run === current))}
      ${described.length ? this.renderDescriptions(described) : nothing}
    </section>`;
  }

  private renderRun(run: PanelRun, selected: boolean) {
    const state = this.requestState;
    const rawOpen = this.rawOpen.has(run.key);
    const onRaw = (e: CustomEvent<{ open: boolean }>) => this.setRaw(run.key, e.detail.open);
    if (run.task === 'rec_title') {
      const titles = this.titlesOf(run);
      const verdicts = new Map<number, string>();
      titles.forEach((_, index) => {
        const verdict = verdictOf(state, run.key, `title:${index}`);
        if (verdict) verdicts.set(index, verdict);
      });
      return html`<ia-model-title-run
        .run=${run}
        .titles=${titles}
        .verdicts=${verdicts}
        ?selected=${selected}
        .selectedTitle=${this.titleIndex}
        ?rawOpen=${rawOpen}
        @ia-raw-toggle=${onRaw}
        @ia-title-verdict=${(e: CustomEvent<TitleVerdictDetail>) => this.judge({ run: run.key, target: { kind: 'title', index: e.detail.index } }, e.detail.verdict)}
      ></ia-model-title-run>`;
    }
    return html`<ia-model-choice-run
      .run=${run}
      .choice=${this.record?.choice ?? null}
      .score=${scoreChoice(run.answer, this.record?.choice ?? null)}
      .verdict=${verdictOf(state, run.key, 'choice')}
      ?selected=${selected}
      ?rawOpen=${rawOpen}
      @ia-raw-toggle=${onRaw}
      @ia-choice-verdict=${(e: CustomEvent<{ verdict: PanelVerdict }>) => this.judge({ run: run.key, target: { kind: 'choice' } }, e.detail.verdict)}
    ></ia-model-choice-run>`;
  }

  private renderDescriptions(runs: PanelRun[]) {
    return html`<details class="descriptions">
      <summary>Image descriptions <span class="muted">(${runs.length} runs)</span></summary>
      ${runs.map(
        (run) =>
          html`<article data-run=${run.key} data-task="description">
            ${runHeading(run, nothing)}
            <ol>
              ${(Array.isArray(run.answer) ? run.answer : [run.answer]).map((text) => html`<li>${text}</li>`)}
            </ol>
          </article>`,
      )}
    </details>`;
  }

  /** Scored titles per run key, kept while the answer and the ground truth stay the same objects. */
  private titlesCache = new Map<string, { answer: PanelRun['answer']; truth: string[]; titles: ScoredTitle[] }>();

  private titlesOf(run: PanelRun): ScoredTitle[] {
    const cached = this.titlesCache.get(run.key);
    if (cached?.truth === this.groundTruth && cached.answer === run.answer) return cached.titles;
    const titles = scoreTitles(run.answer, this.groundTruth);
    this.titlesCache.set(run.key, { answer: run.answer, truth: this.groundTruth, titles });
    return titles;
  }

  // ---------- keyboard (called by the app) ----------

  private judgedRuns(): PanelRun[] {
    return this.record
      ? panelRuns(this.record, this.requestState, this.colleagueRuns).filter((run) => run.task !== 'description')
      : [];
  }

  private currentRun(): PanelRun | undefined {
    const runs = this.judgedRuns();
    return runs[Math.min(this.runIndex, runs.length - 1)];
  }

  /** Next / previous run that takes verdicts; false when there is none. */
  moveRun(delta: number): boolean {
    const count = this.judgedRuns().length;
    if (count === 0) return false;
    this.runIndex = (Math.min(this.runIndex, count - 1) + delta + count) % count;
    this.titleIndex = 0;
    void this.reveal();
    return true;
  }

  moveTitle(delta: number): boolean {
    const run = this.currentRun();
    if (run?.task !== 'rec_title') return false;
    const count = this.titlesOf(run).length;
    if (count === 0) return false;
    this.titleIndex = Math.min(count - 1, Math.max(0, this.titleIndex + delta));
    void this.reveal();
    return true;
  }

  /** A verdict key on the selected title (r / w / u) or choice (y / d). */
  giveVerdict(verdict: PanelVerdict): boolean {
    const run = this.currentRun();
    if (!run) return false;
    const forTitle = verdict === 'relevant' || verdict === 'not-relevant' || verdict === 'unsure';
    if (run.task === 'rec_title' && forTitle && this.titlesOf(run).length > 0) {
      this.judge({ run: run.key, target: { kind: 'title', index: this.titleIndex } }, verdict);
      return true;
    }
    if (run.task === 'rec_choice' && !forTitle) {
      this.judge({ run: run.key, target: { kind: 'choice' } }, verdict);
      return true;
    }
    return false;
  }

  toggleRaw(): boolean {
    const run = this.currentRun();
    if (!run) return false;
    this.setRaw(run.key, !this.rawOpen.has(run.key));
    return true;
  }

  /** Esc: cancels the newest streaming run of this request; false when none streams. */
  cancelStreaming(): boolean {
    const active = this.live.find((run) => run.phase === 'running' || run.phase === 'waiting');
    if (!active) return false;
    this.emit('ia-live-run', { action: 'cancel', id: active.id });
    return true;
  }

  /** Esc with nothing streaming: dismisses the newest failed or cancelled card; false when there is none. */
  dismissEnded(): boolean {
    const ended = this.live.find((run) => run.phase === 'failed' || run.phase === 'cancelled');
    if (!ended) return false;
    this.emit('ia-live-run', { action: 'dismiss', id: ended.id });
    return true;
  }

  /** Live runs already brought into view once. */
  private revealedLive = new Set<string>();

  protected override updated(): void {
    // A run that just started may sit below the fold: bring its card into view once.
    const fresh = this.live.find((run) => run.phase === 'running' && !this.revealedLive.has(run.id));
    for (const run of this.live) this.revealedLive.add(run.id);
    if (!fresh) return;
    this.renderRoot
      .querySelector(`ia-model-live-run[data-run-id="${CSS.escape(fresh.id)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }

  private async reveal() {
    await this.updateComplete;
    const card = this.renderRoot.querySelector<LitElement>('[selected]');
    await card?.updateComplete;
    const target = card?.renderRoot.querySelector('li[aria-current="true"]') ?? card;
    target?.scrollIntoView({ block: 'nearest' });
  }

  private judge(target: VerdictTarget, verdict: PanelVerdict) {
    const record = this.record;
    if (!record) return;
    const key = target.target.kind === 'title' ? `title:${target.target.index}` : 'choice';
    const draft: EventDraft = verdictDraft(record.id, target, verdict, verdictOf(this.requestState, target.run, key));
    this.emit('ia-annotate', draft);
  }

  private setRaw(key: string, open: boolean) {
    const next = new Set(this.rawOpen);
    if (open) next.add(key);
    else next.delete(key);
    this.rawOpen = next;
  }

  private onLive = (e: CustomEvent<{ action: LiveRunAction; id: string }>) => {
    // Re-dispatched from the panel so the app hears one event name.
    if (e.target === this) return;
    e.stopPropagation();
    this.emit('ia-live-run', e.detail);
  };

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-model-panel>: run a model on the request (the host asks what to run). */
    'ia-run-model': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'ia-model-panel': IaModelPanel;
  }
}
