// <ia-app>'s layout: one window high with a scrolling side column when wide,
// one scrolling column when narrow; the error banner and the unreadable-line panel.
import { css } from 'lit';

export const appStyles = css`
  /*
   * Wide: the app is exactly one window high; the comment list fills the height
   * left under the header and the side column scrolls on its own. The list's
   * size then follows every window or header change, and the virtualizer only
   * re-measures its viewport when its own size changes (or on scroll).
   */
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--vscode-editor-background, #1e1e1e);
  }
  ia-toolbar {
    flex: none;
  }
  main {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    padding: 8px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  ia-query {
    flex: none;
  }
  /* Below 300px the columns stop shrinking and main scrolls instead. */
  .columns {
    flex: 1 1 0;
    min-height: 300px;
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    grid-template-rows: minmax(0, 1fr);
    gap: 8px;
  }
  ia-comment-list {
    min-height: 0;
  }
  /* The padding keeps focus rings of the side's edge controls inside its scroll box. */
  .side {
    min-height: 0;
    overflow: auto;
    padding: 2px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  /* Narrow: one column and the page scrolls; the list keeps a window-relative height. */
  @media (max-width: 720px) {
    :host {
      display: block;
      height: auto;
      min-height: 100vh;
    }
    main {
      overflow: visible;
    }
    .columns {
      flex: none;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .columns > * {
      flex: none;
    }
    ia-comment-list {
      --ia-comment-list-height: max(300px, 70vh);
    }
    .side {
      overflow: visible;
    }
  }
  .banner {
    padding: 6px 8px;
    border: 1px solid var(--vscode-inputValidation-errorBorder, #be1100);
    background: var(--vscode-inputValidation-errorBackground, #5a1d1d);
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .queue-bar {
    padding: 4px 8px;
    border-bottom: 1px solid var(--vscode-panel-border, transparent);
    background: var(--vscode-editorWidget-background, transparent);
  }
  .unreadable {
    padding: 12px;
  }
  .unreadable code {
    font-family: var(--vscode-editor-font-family, monospace);
  }
`;
