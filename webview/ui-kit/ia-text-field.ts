// <ia-text-field>: a toolkit text field. Events: `ia-input` (each change),
// `ia-commit` (Enter), `ia-cancel` (Escape); detail = { value }. Enter and
// Escape both give the keyboard back to the editor, so no key after them is typed here.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from './emit';
import { registerToolkit } from './register';

registerToolkit();

export type ValueEvent = CustomEvent<{ value: string }>;

@customElement('ia-text-field')
export class IaTextField extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`
    :host {
      display: inline-block;
      min-width: 8em;
    }
    vscode-text-field {
      width: 100%;
    }
  `;

  @property() value = '';
  @property() placeholder = '';
  /** Screen-reader name. */
  @property() label = '';

  @query('vscode-text-field') private field!: HTMLElement & { value: string; control?: HTMLInputElement };

  override render() {
    return html`<vscode-text-field
      .value=${this.value}
      placeholder=${this.placeholder}
      aria-label=${this.label}
      @input=${this.onInput}
      @keydown=${this.onKeydown}
    ></vscode-text-field>`;
  }

  /** Focuses the field and selects its text, ready to type over. */
  override async focus(): Promise<void> {
    await this.updateComplete;
    this.field.focus();
    this.field.control?.select();
  }

  private onInput() {
    this.value = this.field.value;
    emit(this, 'ia-input', { value: this.value });
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.value = this.field.value;
      emit(this, 'ia-commit', { value: this.value });
      this.leave();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Esc leaves the field only: it must not also cancel a streaming run.
      event.stopPropagation();
      emit(this, 'ia-cancel', { value: this.value });
      this.leave();
    }
  }

  /** Gives the keyboard back to the page (its key handler). */
  private leave() {
    this.field.control?.blur();
    this.field.blur();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-text-field>: each change of the text. */
    'ia-input': CustomEvent<{ value: string }>;
    /** <ia-text-field>: Enter. */
    'ia-commit': CustomEvent<{ value: string }>;
    /** <ia-text-field>: Escape. */
    'ia-cancel': CustomEvent<{ value: string }>;
  }
  interface HTMLElementTagNameMap {
    'ia-text-field': IaTextField;
  }
}
