// <ia-dropdown>: a toolkit dropdown over `options`. Event `ia-change`, detail = { value }.
// A choice and Escape give the keyboard back to the editor: the next key is a command, not a pick.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from './emit';
import { registerToolkit } from './register';

registerToolkit();

export interface DropdownOption {
  value: string;
  label: string;
}

@customElement('ia-dropdown')
export class IaDropdown extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`
    :host {
      display: inline-block;
    }
  `;

  @property() value = '';
  @property({ attribute: false }) options: readonly DropdownOption[] = [];
  @property() label = '';

  @query('vscode-dropdown') private dropdown!: HTMLElement & { value: string };

  override render() {
    return html`<vscode-dropdown
      aria-label=${this.label}
      .value=${this.value}
      @change=${this.onChange}
      @keydown=${this.onKeydown}
    >
      ${this.options.map(
        (option) =>
          html`<vscode-option value=${option.value} ?selected=${option.value === this.value}>${option.label}</vscode-option>`,
      )}
    </vscode-dropdown>`;
  }

  override focus(): void {
    this.dropdown?.focus();
  }

  private onChange(event: Event) {
    event.stopPropagation();
    const value = this.dropdown.value;
    if (value === this.value) return;
    this.value = value;
    emit(this, 'ia-change', { value });
    this.dropdown.blur();
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    // The toolkit closes an open list first (its own handler ran); either way the field is left.
    event.stopPropagation();
    this.dropdown.blur();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-dropdown>: another option was picked. */
    'ia-change': CustomEvent<{ value: string }>;
  }
  interface HTMLElementTagNameMap {
    'ia-dropdown': IaDropdown;
  }
}
