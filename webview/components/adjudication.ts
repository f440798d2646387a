// <ia-adjudication>: what annotators disagree on in this request, each
// annotator's answer side by side (plain text: answers come from logs), and
// the reviewer's decision: take one answer, or give their own. Emits
// `ia-annotate` with an adjudication draft, which the host records in the
// reviewer's own log (undone like any other action). Names and answers are
// clamped to a display length (the whole text is the tooltip), so a giant
// item or name cannot push the Take buttons out of the panel.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { EventDraft, InvalidReason } from '../../src/core/annotations/events';
import type { AdjudicationChoice, Dispute, DisputeAnswer } from '../../src/protocol';
import { clampText } from '../../src/core/report/display-text';
import { emit } from '../ui-kit/emit';
import { themeStyles } from '../theme';
import type { ValueEvent } from '../ui-kit';
import '../ui-kit';

/** An own extraction is typed as items separated by ";" ("creator - title" or "creator"). */
export function parseOwnItems(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Display lengths: a name fits its column, an answer a few lines. */
const NAME_MAX = 40;
const ANSWER_MAX = 600;
const titleIfClamped = (text: string, max: number) => (text.length > max ? text : nothing);
const annotatorCell = (name: string) =>
  html`<th scope="row" class="annotator" title=${titleIfClamped(name, NAME_MAX)}>${clampText(name, NAME_MAX)}</th>`;

@customElement('ia-adjudication')
export class IaAdjudication extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .dispute + .dispute {
        margin-top: 10px;
        border-top: 1px solid var(--vscode-panel-border, transparent);
        padding-top: 6px;
      }
      h3 {
        font-size: 1em;
        margin: 0 0 4px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      td,
      th {
        text-align: left;
        vertical-align: top;
        padding: 2px 6px 2px 0;
      }
      .answer {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        min-width: 8em;
      }
      th.annotator {
        overflow-wrap: anywhere;
        min-width: 4em;
        max-width: 14em;
      }
      td.decision {
        width: 1%;
        white-space: nowrap;
      }
      .own {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-top: 4px;
        align-items: center;
      }
      .own ia-text-field {
        flex: 1;
        min-width: 12em;
      }
    `,
  ];

  @property() requestId = '';
  @property({ attribute: false }) disputes: readonly Dispute[] = [];
  @property({ attribute: false }) reasons: readonly string[] = [];
  /** Shown beside each comment dispute, so the reviewer knows which comment it is (text only). */
  @property({ attribute: false }) commentLabel: (comment: string) => string = (comment) => comment;

  @state() private ownValidity = 'valid';
  @query('ia-button') private firstButton?: HTMLElement;

  override render() {
    if (this.disputes.length === 0) return nothing;
    return html`<section class="panel" aria-label="Adjudication" tabindex="-1" @keydown=${this.keepActivationKeys}>
      <h2>Adjudication: ${this.disputes.length} ${this.disputes.length === 1 ? 'disagreement' : 'disagreements'}</h2>
      ${this.disputes.map((dispute) => this.renderDispute(dispute))}
    </section>`;
  }

  /** Enter and Space on a button here press that button; they must not reach the editor's keymap (Enter confirms a comment). */
  private keepActivationKeys = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
  };

  /** Moves the keyboard to the first decision (A, or landing here from the report's disagreements). */
  focusFirst(): void {
    void this.updateComplete.then(() => this.firstButton?.focus());
  }

  private renderDispute(dispute: Dispute) {
    const title = dispute.kind === 'validity' ? 'Validity' : `Extraction of ${this.commentLabel(dispute.comment ?? '')}`;
    return html`<div class="dispute" role="group" aria-label=${`${title}: annotators disagree`} data-kind=${dispute.kind}>
      <h3>
        ${title}${
          dispute.settled === undefined
            ? nothing
            : html` —
                <span class="settled" title=${titleIfClamped(dispute.settled, ANSWER_MAX)}
                  >settled: ${clampText(dispute.settled, ANSWER_MAX)}</span
                >`
        }
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Answer</th>
            <th scope="col"><span class="sr-only">Decision</span></th>
          </tr>
        </thead>
        <tbody>
          ${dispute.answers.map(
            (answer) =>
              html`<tr>
                ${annotatorCell(answer.annotator)}
                <td class="answer" title=${titleIfClamped(answer.text, ANSWER_MAX)}>${clampText(answer.text, ANSWER_MAX)}</td>
                <td class="decision">
                  <ia-button
                    class="take"
                    appearance=${dispute.settled === answer.text ? 'primary' : 'secondary'}
                    label=${`Take ${clampText(answer.annotator, NAME_MAX)}'s answer`}
                    @click=${() => this.decide(dispute, answer.choice)}
                    >Take</ia-button
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${dispute.kind === 'validity' ? this.ownValidityControls(dispute) : this.ownItemsControls(dispute)}
    </div>`;
  }

  private ownValidityControls(dispute: Dispute) {
    const options = [
      { value: 'valid', label: 'valid' },
      ...this.reasons.map((reason) => ({ value: reason, label: `invalid: ${reason}` })),
    ];
    return html`<div class="own">
      <ia-dropdown
        label="Your own validity"
        .options=${options}
        .value=${this.ownValidity}
        @ia-change=${(event: CustomEvent<{ value: string }>) => (this.ownValidity = event.detail.value)}
      ></ia-dropdown>
      <ia-button
        class="own-decide"
        label="Settle with your own validity"
        @click=${() => this.decide(dispute, this.validityChoice())}
        >Settle</ia-button
      >
      ${this.withdrawButton(dispute)}
    </div>`;
  }

  private ownItemsControls(dispute: Dispute) {
    return html`<div class="own">
      <ia-text-field
        class="own-items"
        label="Your own items, separated by ;"
        placeholder="Your own items: creator - title; creator (Enter settles)"
        @ia-commit=${(event: ValueEvent) =>
          this.decide(dispute, { verdict: 'corrected', items: parseOwnItems(event.detail.value) })}
      ></ia-text-field>
      ${this.withdrawButton(dispute)}
    </div>`;
  }

  private withdrawButton(dispute: Dispute) {
    return dispute.settled === undefined
      ? nothing
      : html`<ia-button class="withdraw" label="Withdraw the adjudication" @click=${() => this.withdraw(dispute)}
          >Withdraw</ia-button
        >`;
  }

  private validityChoice(): AdjudicationChoice {
    return this.ownValidity === 'valid'
      ? { verdict: 'valid' }
      : { verdict: 'invalid', reason: this.ownValidity as InvalidReason };
  }

  private decide(dispute: Dispute, choice: DisputeAnswer['choice']): void {
    const draft: EventDraft = {
      type: 'adjudication',
      request: this.requestId,
      ...(dispute.comment === undefined ? {} : { comment: dispute.comment }),
      verdict: choice.verdict,
      ...(choice.reason === undefined ? {} : { reason: choice.reason }),
      ...(choice.items === undefined ? {} : { items: [...choice.items] }),
    };
    emit(this, 'ia-annotate', draft);
  }

  private withdraw(dispute: Dispute): void {
    emit(this, 'ia-annotate', {
      type: 'adjudication',
      request: this.requestId,
      ...(dispute.comment === undefined ? {} : { comment: dispute.comment }),
      verdict: 'withdrawn',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-adjudication': IaAdjudication;
  }
}
