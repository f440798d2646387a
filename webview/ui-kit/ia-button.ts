// <ia-button>: a toolkit button. `label` is the screen-reader name when the
// visible content is an icon or abbreviation (it must contain the visible
// words, so speech users can say what they see); `keys` announces the hotkey.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { registerToolkit } from './register';

registerToolkit();

@customElement('ia-button')
export class IaButton extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`
    :host {
      display: inline-block;
    }
    vscode-button {
      max-width: 100%;
    }
  `;

  @property() appearance: 'primary' | 'secondary' | 'icon' = 'secondary';
  @property() label = '';
  /** The hotkey, as aria-keyshortcuts spells it ("v", "1", "Shift+?"). */
  @property() keys: string | undefined = undefined;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** For toggle buttons: 'true' / 'false'; undefined for plain buttons. */
  @property() pressed: 'true' | 'false' | undefined = undefined;

  override render() {
    return html`<vscode-button
      appearance=${this.appearance}
      aria-label=${this.label || this.textContent?.trim() || ''}
      aria-pressed=${ifDefined(this.pressed)}
      ?disabled=${this.disabled}
      ><slot></slot
    ></vscode-button>`;
  }

  /**
   * The toolkit's inner <button> (in its shadow root) carries the role, and it
   * copies aria-label and aria-pressed from its host but not aria-keyshortcuts.
   */
  protected override async updated(): Promise<void> {
    await customElements.whenDefined('vscode-button');
    const control = this.renderRoot.querySelector('vscode-button')?.shadowRoot?.querySelector('.control');
    if (!control) return;
    if (this.keys) control.setAttribute('aria-keyshortcuts', this.keys);
    else control.removeAttribute('aria-keyshortcuts');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-button': IaButton;
  }
}
