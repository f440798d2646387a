// Shared styles. Colours come only from VS Code's theme variables (with
// fallbacks for a bare browser), so light, dark and high-contrast all work.
import { css } from 'lit';

export const themeStyles = css`
  :host {
    color: var(--vscode-foreground, #cccccc);
    font-family: var(--vscode-font-family, system-ui, sans-serif);
    font-size: var(--vscode-font-size, 13px);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 1px solid var(--vscode-focusBorder, #007fd4);
    outline-offset: 1px;
  }
  h2,
  h3 {
    font-size: 1em;
    font-weight: 600;
    margin: 0 0 6px;
    color: var(--vscode-foreground, #cccccc);
  }
  .muted {
    color: var(--vscode-descriptionForeground, #9d9d9d);
  }
  /* list.errorForeground first: Light Modern's errorForeground (#F85149) is 3.3:1 on white; the high-contrast
     themes set no list colour and their errorForeground reads well. */
  .error {
    color: var(--vscode-list-errorForeground, var(--vscode-errorForeground, #f48771));
  }
  .panel {
    border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
    border-radius: 4px;
    padding: 8px;
    background: var(--vscode-sideBar-background, transparent);
  }
  mark {
    background: var(--vscode-editor-findMatchHighlightBackground, rgba(234, 92, 0, 0.33));
    color: inherit;
    outline: 1px solid var(--vscode-contrastActiveBorder, transparent);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
