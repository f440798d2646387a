// <ia-validity>: valid / invalid-with-reason for the request, and free notes.
// Emits `ia-annotate` with the event draft.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { EventDraft, InvalidReason } from '../../src/core/annotations/events';
import type { RequestState } from '../../src/core/annotations/state';
import { emit } from '../ui-kit/emit';
import { themeStyles } from '../theme';
import type { IaTextField, ValueEvent } from '../ui-kit';
import '../ui-kit';

@customElement('ia-validity')
export class IaValidity extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-bottom: 6px;
      }
      .note {
        display: flex;
        gap: 4px;
      }
      .note ia-text-field {
        flex: 1;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 1.2em;
      }
      li {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property() requestId = '';
  @property({ attribute: false }) reasons: readonly string[] = [];
  @property({ attribute: false }) state!: RequestState;

  @query('ia-text-field.note-field') private noteField!: IaTextField;

  override render() {
    const validity = this.state.validity;
    const status = validity ? (validity.status === 'valid' ? 'valid' : `invalid: ${validity.reason}`) : 'undecided';
    return html`<section class="panel" aria-label="Validity">
      <h2>Validity: <span class="status" data-status=${validity?.status ?? 'undecided'}>${status}</span></h2>
      <div class="choices" role="group" aria-label="Validity verdict">
        <ia-button
          appearance=${validity?.status === 'valid' ? 'primary' : 'secondary'}
          pressed=${validity?.status === 'valid' ? 'true' : 'false'}
          label="Valid"
          keys="v"
          @click=${() => this.annotate({ type: 'validity', request: this.requestId, verdict: 'valid' })}
          >Valid</ia-button
        >
        ${this.reasons.map((reason, index) => {
          const chosen = validity?.status === 'invalid' && validity.reason === reason;
          return html`<ia-button
            appearance=${chosen ? 'primary' : 'secondary'}
            pressed=${chosen ? 'true' : 'false'}
            label=${`${index + 1} ${reason}: mark invalid`}
            keys=${String(index + 1)}
            @click=${() => this.markInvalid(index)}
            >${index + 1} ${reason}</ia-button
          >`;
        })}
      </div>
      <div class="note">
        <ia-text-field
          class="note-field"
          placeholder="Add a note (i), Enter saves"
          label="Note"
          @ia-commit=${this.addNote}
        ></ia-text-field>
      </div>
      ${
        this.state.notes.length
          ? html`<ul aria-label="Notes">
              ${this.state.notes.map((note) => html`<li>${note.text}</li>`)}
            </ul>`
          : nothing
      }
    </section>`;
  }

  /** Reason `index` (0-based) from the host's reason list. */
  markInvalid(index: number): void {
    const reason = this.reasons[index];
    if (reason === undefined) return;
    this.annotate({ type: 'validity', request: this.requestId, verdict: 'invalid', reason: reason as InvalidReason });
  }

  focusNote(): void {
    void this.noteField.focus();
  }

  private addNote(event: ValueEvent) {
    const text = event.detail.value.trim();
    if (!text) return;
    this.annotate({ type: 'note', request: this.requestId, text });
    this.noteField.value = '';
  }

  private annotate(draft: EventDraft) {
    emit(this, 'ia-annotate', draft);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-validity>, <ia-adjudication>, <ia-model-panel>: record an annotation. */
    'ia-annotate': CustomEvent<EventDraft>;
  }
  interface HTMLElementTagNameMap {
    'ia-validity': IaValidity;
  }
}
