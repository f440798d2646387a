// <ia-help>: the keyboard shortcuts, rendered from the one KEYMAP table.
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { emit } from '../ui-kit/emit';
import { KEYMAP, keyLabel } from '../keymap';
import { themeStyles } from '../theme';
import '../ui-kit';

@customElement('ia-help')
export class IaHelp extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: flex;
        align-items: center;
        justify-content: center;
        background: rgba(0, 0, 0, 0.5);
      }
      div[role='dialog'] {
        max-height: 90vh;
        overflow: auto;
        padding: 12px 16px;
        background: var(--vscode-editorWidget-background, #252526);
        border: 1px solid var(--vscode-contrastBorder, var(--vscode-widget-border, #454545));
        box-shadow: 0 0 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.36));
      }
      table {
        border-collapse: collapse;
      }
      td {
        padding: 2px 8px;
        vertical-align: top;
      }
      kbd {
        font-family: var(--vscode-editor-font-family, monospace);
        border: 1px solid var(--vscode-keybindingLabel-border, #888);
        border-radius: 3px;
        padding: 0 4px;
        background: var(--vscode-keybindingLabel-background, transparent);
        color: var(--vscode-keybindingLabel-foreground, inherit);
      }
    `,
  ];

  @query('[role=dialog]') private dialog!: HTMLElement;

  override render() {
    return html`<div role="dialog" aria-modal="true" aria-labelledby="help-title" tabindex="-1">
      <h2 id="help-title">Keyboard shortcuts</h2>
      <p class="muted">Keys do nothing while you type in a field. Undo and redo are VS Code's (Ctrl+Z / Ctrl+Shift+Z).</p>
      <table>
        <tbody>
          ${KEYMAP.map(
            (binding) =>
              html`<tr>
                <td>${binding.keys.map((key, i) => html`${i ? ' ' : ''}<kbd>${keyLabel(key)}</kbd>`)}</td>
                <td>${binding.description}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <ia-button label="Close" keys="Escape" @click=${() => emit(this, 'ia-close')}>Close</ia-button>
    </div>`;
  }

  protected override firstUpdated(): void {
    this.dialog.focus();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-help>: close the overlay. */
    'ia-close': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'ia-help': IaHelp;
  }
}
