// <ia-toolbar>: position, previous/next, filter, go-to box, progress and save status.
// Emits `ia-navigate` (detail: NavTarget) and `ia-filter` (detail: { filter }).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { FILTER_LABELS, FILTERS, type Filter, type NavTarget, type Progress } from '../../src/protocol';
import { emit } from '../ui-kit/emit';
import type { SaveStatus } from '../host-sync';
import { goToTarget } from './toolbar-target';
import { themeStyles } from '../theme';
import type { IaDropdown, IaTextField, ValueEvent } from '../ui-kit';
import '../ui-kit';

const SAVE_STATUS_TEXT = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' } as const;

@customElement('ia-toolbar')
export class IaToolbar extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        padding: 6px 8px;
        border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
        background: var(--vscode-editorWidget-background, transparent);
      }
      .position {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .spacer {
        flex: 1;
      }
      /* Drawn here, not by Chromium: its track is light grey in every theme (an empty bar looked full in a dark one). */
      progress {
        appearance: none;
        width: 8em;
        height: 6px;
        border: 1px solid var(--vscode-contrastBorder, transparent);
        border-radius: 3px;
        background: rgba(128, 128, 128, 0.3);
      }
      progress::-webkit-progress-bar {
        background: transparent;
      }
      progress::-webkit-progress-value {
        background: var(--vscode-progressBar-background, #0e70c0);
      }
      .save-status[data-status='failed'] {
        color: var(--vscode-list-errorForeground, var(--vscode-errorForeground, #f48771));
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Number }) position = 0;
  @property({ type: Number }) total = 0;
  @property({ type: Number }) matching = 0;
  @property() filter: Filter = 'all';
  @property() shardName = '';
  @property({ attribute: false }) progress: Progress | null = null;
  /** Immediate mode: whether every action is on disk yet. Null in manual mode (the tab's dirty marker tells). */
  @property({ attribute: false }) saveStatus: SaveStatus = null;

  @query('ia-text-field.goto') private goToField!: IaTextField;
  @query('ia-dropdown.filter') private filterDropdown!: IaDropdown;

  override render() {
    const progress = this.progress;
    return html`<nav aria-label="Requests">
      <span class="muted">${this.shardName}</span>
      <ia-button appearance="icon" label="Previous request" keys="k" @click=${() => this.navigate({ kind: 'previous' })}
        >◀</ia-button
      >
      <span class="position" aria-live="polite" aria-label="Position">${this.total ? this.position + 1 : 0} / ${this.total}</span>
      <ia-button appearance="icon" label="Next request" keys="j" @click=${() => this.navigate({ kind: 'next' })}>▶</ia-button>
      <ia-button label="Next unreviewed request" keys="n" @click=${() => this.navigate({ kind: 'nextUnreviewed' })}
        >Next unreviewed</ia-button
      >
      <ia-dropdown
        class="filter"
        label="Filter (f)"
        .value=${this.filter}
        .options=${FILTERS.map((value) => ({ value, label: FILTER_LABELS[value] }))}
        @ia-change=${(e: ValueEvent) => emit(this, 'ia-filter', { filter: e.detail.value as Filter })}
      ></ia-dropdown>
      ${this.filter === 'all' ? nothing : html`<span class="muted">${this.matching} matching</span>`}
      <ia-text-field
        class="goto"
        placeholder="Go to id or #"
        label="Go to request by id or position (g)"
        @ia-commit=${this.onGoTo}
        @ia-cancel=${() => this.goToField.blur()}
      ></ia-text-field>
      <span class="spacer"></span>
      ${
        progress
          ? html`<label class="progress"
              >${progress.reviewed} / ${progress.total} reviewed
              <progress max=${progress.total || 1} .value=${progress.reviewed}></progress>
              <span class="muted">${progressCounts(progress)}</span></label
            >`
          : nothing
      }
      ${
        this.saveStatus
          ? html`<span class="save-status muted" role="status" data-status=${this.saveStatus}
              >${SAVE_STATUS_TEXT[this.saveStatus]}</span
            >`
          : nothing
      }
      <ia-button appearance="icon" label="Keyboard shortcuts" keys="?" @click=${() => emit(this, 'ia-help')}>?</ia-button>
    </nav>`;
  }

  focusGoTo(): void {
    void this.goToField.focus();
  }

  focusFilter(): void {
    this.filterDropdown.focus();
  }

  private onGoTo(event: ValueEvent) {
    const target = goToTarget(event.detail.value);
    if (!target) return;
    this.navigate(target);
    this.goToField.value = '';
    this.goToField.blur();
  }

  private navigate(target: NavTarget) {
    emit(this, 'ia-navigate', target);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-toolbar>: go to another request. */
    'ia-navigate': CustomEvent<NavTarget>;
    /** <ia-toolbar>: show the requests that pass another filter. */
    'ia-filter': CustomEvent<{ filter: Filter }>;
    /** <ia-toolbar>: open the keyboard shortcuts. */
    'ia-help': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'ia-toolbar': IaToolbar;
  }
}

/** "2 invalid · 5 corrected", then how many were confirmed in bulk: one string, so no line break falls inside it. */
function progressCounts(progress: Progress): string {
  const bulk = progress.bulkConfirmed ? ` · ${progress.bulkConfirmed} confirmed in bulk` : '';
  return `${progress.invalid} invalid · ${progress.corrected} corrected${bulk}`;
}
