// Styles the model panel's cards share.
import { css } from 'lit';

export const modelCardStyles = css`
  /* A request has up to ~20 stored runs: cards out of view are not laid out or painted until scrolled to. */
  :host {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 320px;
  }
  article {
    margin: 0 0 8px;
    padding: 6px;
    border-radius: 3px;
    border: 1px solid transparent;
  }
  article[aria-current='true'] {
    border-color: var(--vscode-focusBorder, #007fd4);
  }
  h3 {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: baseline;
  }
  ol {
    margin: 4px 0;
    padding-left: 2em;
  }
  li {
    overflow-wrap: anywhere;
    padding: 1px 2px;
  }
  li[aria-current='true'] {
    outline: 1px dashed var(--vscode-focusBorder, #007fd4);
  }
  /* A text colour for "added" (git's, which every default theme sets for text on the editor), not the test
     icon's green (2:1 on white). Without git's colours, the plain foreground: the ✓ and the weight still tell. */
  .hit {
    color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-foreground, #cccccc));
    font-weight: 600;
  }
  .miss {
    color: var(--vscode-descriptionForeground, #9d9d9d);
  }
  .truth {
    font-weight: 600;
  }
  .score {
    font-variant-numeric: tabular-nums;
  }
  .verdicts {
    display: inline-flex;
    gap: 2px;
    margin-left: 4px;
  }
  .verdicts button {
    font: inherit;
    font-size: 0.85em;
    padding: 0 4px;
    color: var(--vscode-button-secondaryForeground, inherit);
    background: var(--vscode-button-secondaryBackground, transparent);
    border: 1px solid var(--vscode-button-border, var(--vscode-panel-border, #555));
    border-radius: 2px;
    cursor: pointer;
  }
  .verdicts button[aria-pressed='true'] {
    color: var(--vscode-button-foreground, #fff);
    background: var(--vscode-button-background, #0e639c);
  }
  pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--vscode-editor-font-family, monospace);
    margin: 4px 0;
  }
  .provenance {
    font-size: 0.9em;
  }
`;
