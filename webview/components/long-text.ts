// <ia-long-text>: a data string that may be megabytes (a model's raw answer,
// its thinking, a streaming run), shown as text in a <pre>. Only its first
// LONG_TEXT_SHOWN characters go into the DOM: laying out 1.9 MB of text took
// seconds on every show. The whole value is one click away ("Show all").
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { themeStyles } from '../theme';
import '../ui-kit';

/** Characters put in the DOM until "Show all" is pressed. */
export const LONG_TEXT_SHOWN = 20_000;

@customElement('ia-long-text')
export class IaLongText extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-family: var(--vscode-editor-font-family, monospace);
        margin: 4px 0;
      }
    `,
  ];

  @property({ attribute: false }) text = '';
  /** Class of the <pre> (tests and styles find the text by it). */
  @property({ attribute: 'pre-class' }) preClass = '';
  /** Set on a <pre> that grows while a run streams. */
  @property({ type: Boolean }) live = false;
  @state() private whole = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another value is shown clamped again; the same one sent again, or a streaming run growing, keeps the choice.
    const before = changed.get('text');
    if (typeof before === 'string' && !this.live && before !== this.text) this.whole = false;
  }

  override render() {
    const clamped = !this.whole && this.text.length > LONG_TEXT_SHOWN;
    const shown = clamped ? this.text.slice(0, LONG_TEXT_SHOWN) : this.text;
    return html`<pre class=${this.preClass} aria-live=${this.live ? 'polite' : nothing}>${shown}</pre>
      ${
        clamped
          ? html`<p class="muted clamped">
              Showing the first ${LONG_TEXT_SHOWN.toLocaleString('en')} of ${this.text.length.toLocaleString('en')} characters.
              <ia-button class="show-all" @click=${() => (this.whole = true)}>Show all</ia-button>
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-long-text': IaLongText;
  }
}
