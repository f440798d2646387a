// <ia-text-field>: a toolkit text field. Events: `ia-input` (each change),
// `ia-commit` (Enter), `ia-cancel` (Escape); detail = { value }.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { registerToolkit } from './register';

registerToolkit();

export type ValueEvent = CustomEvent<{ value: string }>;

@customElement('ia-text-field')
export class IaTextField extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`
    :host { display: inline-block; min-width: 8em; }
    vscode-text-field { width: 100%; }
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
    this.emit('ia-input');
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.value = this.field.value;
      this.emit('ia-commit');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.emit('ia-cancel');
    }
  }

  private emit(type: string) {
    this.dispatchEvent(new CustomEvent(type, { detail: { value: this.value }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-text-field': IaTextField;
  }
}
