// <ia-model-title-run>: one title-generation run: its parsed titles (up to
// 20), hit or miss per title with the item it matched (edit distance, or a
// creator match), Hit@1/10/20, and a verdict per title.
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HIT_AT, hitAt, type PanelRun, type ScoredTitle, type TitleMatch } from '../models/panel-runs';
import { TITLE_VERDICTS, verdictLabel, type TitleVerdict } from '../models/verdicts';
import { clampText, DISPLAY_MAX } from '../../src/core/report/display-text';
import { themeStyles } from '../theme';
import { modelCardStyles } from './model-styles';
import { provenanceLine, rawAnswer, runHeading } from './model-run-header';

export interface TitleVerdictDetail {
  index: number;
  verdict: TitleVerdict;
}

@customElement('ia-model-title-run')
export class IaModelTitleRun extends LitElement {
  static override styles = [themeStyles, modelCardStyles];

  @property({ attribute: false }) run!: PanelRun;
  @property({ attribute: false }) titles: ScoredTitle[] = [];
  /** Verdict per title index. */
  @property({ attribute: false }) verdicts: ReadonlyMap<number, string> = new Map();
  @property({ type: Boolean }) selected = false;
  /** The title the keyboard is on, when selected. */
  @property({ type: Number }) selectedTitle = 0;
  @property({ type: Boolean }) rawOpen = false;

  override render() {
    const run = this.run;
    const summary = html`<span class="score hit-at">${HIT_AT.map((k) => `Hit@${k} ${hitAt(this.titles, k)}`).join(' · ')}</span>`;
    return html`<article class="run" data-run=${run.key} data-task="rec_title" aria-current=${this.selected ? 'true' : 'false'}>
      ${runHeading(run, summary)} ${provenanceLine(run)}
      ${
        this.titles.length
          ? html`<ol class="titles">
              ${this.titles.map((title, index) => this.renderTitle(title, index))}
            </ol>`
          : html`<p class="muted">No parsable titles.</p>`
      }
      ${rawAnswer(run.answer, this.rawOpen, (open) => this.emit('ia-raw-toggle', { open }), run.inline?.thinking)}
    </article>`;
  }

  private renderTitle(title: ScoredTitle, index: number) {
    const verdict = this.verdicts.get(index);
    const current = this.selected && index === this.selectedTitle;
    return html`<li class=${title.match ? 'hit' : 'miss'} data-index=${index} aria-current=${current ? 'true' : 'false'}>
      <span class="mark">${title.match ? '✓ hit' : '✗ miss'}</span>
      <span class="title">${title.title}</span>
      ${title.match ? html`<span class="muted match" title=${titleIfLong(title.match.item)}>→ ${clampText(title.match.item)} (${matchWords(title.match)})</span>` : nothing}
      ${verdict ? html`<span class="verdict" data-verdict=${verdict}>[${verdictLabel(verdict)}]</span>` : nothing}
      <span class="verdicts" role="group" aria-label=${`Verdict on title ${index + 1}`}>
        ${TITLE_VERDICTS.map(
          (entry) =>
            html`<button
              type="button"
              aria-pressed=${verdict === entry.verdict ? 'true' : 'false'}
              aria-keyshortcuts=${entry.key}
              @click=${() => this.emit('ia-title-verdict', { index, verdict: entry.verdict } satisfies TitleVerdictDetail)}
            >
              ${entry.label}
            </button>`,
        )}
      </span>
    </li>`;
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/** The whole item as a tooltip when it is shown clamped. */
const titleIfLong = (text: string) => (text.length > DISPLAY_MAX ? text : nothing);

export function matchWords(match: TitleMatch): string {
  return match.kind === 'creator' ? 'creator match' : `edit distance ${match.distance}`;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-model-title-run>: a verdict on one title. */
    'ia-title-verdict': CustomEvent<{ index: number; verdict: TitleVerdict }>;
  }
  interface HTMLElementTagNameMap {
    'ia-model-title-run': IaModelTitleRun;
  }
}
