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
    :host([tone='good']) span {
      background: var(--vscode-testing-iconPassed, #388a34);
      color: var(--vscode-editor-background, #ffffff);
    }
    :host([tone='changed']) span {
      background: var(--vscode-editorWarning-foreground, #bf8803);
      color: var(--vscode-editor-background, #ffffff);
    }
    :host([tone='bad']) span {
      background: var(--vscode-errorForeground, #a1260d);
      color: var(--vscode-editor-background, #ffffff);
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
