// <ia-badge tone="...">: a status pill. Drawn here, not with the toolkit's
// badge: that one binds an inline style attribute, which the webview's CSP blocks.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export type BadgeTone = 'neutral' | 'good' | 'changed' | 'bad';

@customElement('ia-badge')
export class IaBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    span {
      display: inline-block;
      padding: 1px 7px;
      border-radius: 11px;
      font-size: 0.85em;
      line-height: 1.4;
      border: 1px solid var(--vscode-contrastBorder, transparent);
      background: var(--vscode-badge-background, #4d4d4d);
      color: var(--vscode-badge-foreground, #ffffff);
    }
    /* The text keeps the badge's own pair, which every theme makes legible; the tone is a mark beside it
       (icon colours are made to be seen, not read: white on testing.iconPassed was 2:1 in Light Modern). */
    :host([tone='good']) span {
      border-left: 4px solid var(--vscode-testing-iconPassed, #73c991);
    }
    :host([tone='changed']) span {
      border-left: 4px solid var(--vscode-editorWarning-foreground, #bf8803);
    }
    :host([tone='bad']) span {
      border-left: 4px solid var(--vscode-errorForeground, #a1260d);
    }
  `;

  @property({ reflect: true }) tone: BadgeTone = 'neutral';

  override render() {
    return html`<span part="badge"><slot></slot></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-badge': IaBadge;
  }
}
