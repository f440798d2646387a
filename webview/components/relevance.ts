// <ia-relevance>: the request's items with S_r recomputed live from the
// corrections, what changed against the release, and the positive (argmax).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { positiveItem, type ReleaseMismatch } from '../../src/core/paper/relevance';
import { relevanceChanges } from '../relevance-diff';
import { themeStyles } from '../theme';
import '../ui-kit';

/** Items listed before "Show all"; music requests can hold 1,000+. */
const SHORT_LIST = 25;

@customElement('ia-relevance')
export class IaRelevance extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      ol,
      ul {
        margin: 4px 0;
        padding-left: 1.6em;
      }
      li {
        overflow-wrap: anywhere;
      }
      .score {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .added {
        color: var(--vscode-gitDecoration-addedResourceForeground, #81b88b);
      }
      .removed {
        color: var(--vscode-list-errorForeground, var(--vscode-errorForeground, #f48771));
        text-decoration: line-through;
      }
      .rescored {
        color: var(--vscode-gitDecoration-modifiedResourceForeground, #e2c08d);
      }
      .positive {
        font-weight: 600;
      }
      .mismatch {
        border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700);
        padding-left: 6px;
      }
    `,
  ];

  @property({ attribute: false }) release: [string, number][] = [];
  @property({ attribute: false }) corrected: [string, number][] = [];
  /** Items whose released S_r the stored extraction does not give back (import flags these requests). */
  @property({ attribute: false }) mismatches: ReleaseMismatch[] = [];
  @state() private showAll = false;

  override render() {
    const positive = positiveItem(this.corrected);
    const releasedPositive = positiveItem(this.release);
    const changes = relevanceChanges(this.release, this.corrected);
    const sorted = [...this.corrected].sort((a, b) => b[1] - a[1]);
    const shown = this.showAll ? sorted : sorted.slice(0, SHORT_LIST);
    return html`<section class="panel" aria-label="Relevance">
      <h2>Items and S<sub>r</sub> <span class="muted">(${this.corrected.length} items)</span></h2>
      <p class="positive">
        Positive: <span class="positive-item">${positive ?? 'none'}</span>
        ${positive !== releasedPositive ? html`<span class="rescored">(release: ${releasedPositive ?? 'none'})</span>` : nothing}
      </p>
      ${this.renderMismatch(changes.length > 0)}
      ${
        changes.length
          ? html`<h3>Changed by corrections (${changes.length})</h3>
              <ul class="changes">
                ${changes.map((change) => this.renderChange(change.item, change.before, change.after))}
              </ul>`
          : html`<p class="muted">No changes against the release.</p>`
      }
      <h3>By score</h3>
      <ol class="items">
        ${shown.map(([item, score]) => html`<li><span class="score">${score}</span> ${item}</li>`)}
      </ol>
      ${
        sorted.length > SHORT_LIST
          ? html`<ia-button @click=${() => (this.showAll = !this.showAll)}
              >${this.showAll ? 'Show fewer' : `Show all ${sorted.length}`}</ia-button
            >`
          : nothing
      }
    </section>`;
  }

  /** The flag of a request whose stored extraction does not add up to its released S_r, and what the export writes. */
  private renderMismatch(changed: boolean) {
    if (this.mismatches.length === 0) return nothing;
    const count = this.mismatches.length;
    return html`<p class="mismatch" role="note">
      The stored extraction does not give back the released S<sub>r</sub> (${count}
      ${count === 1 ? 'item differs' : 'items differ'}, e.g. ${this.mismatches[0].item}: released
      ${this.mismatches[0].released ?? 'none'}, recomputed ${this.mismatches[0].recomputed ?? 'none'}).
      <span class="export-writes"
        >${
          changed
            ? "Export writes: S_r recomputed by the paper's rule over the corrected extraction (the list below)."
            : 'Export writes: the released S_r (no correction changes it yet; a correction recomputes it over the corrected extraction).'
        }</span
      >
    </p>`;
  }

  private renderChange(item: string, before: number | null, after: number | null) {
    if (before === null) return html`<li class="added">+ ${item} <span class="score">${after}</span></li>`;
    if (after === null) return html`<li class="removed">− ${item} <span class="score">${before}</span></li>`;
    return html`<li class="rescored">~ ${item} <span class="score">${before} → ${after}</span></li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-relevance': IaRelevance;
  }
}
