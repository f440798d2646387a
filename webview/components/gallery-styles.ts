// <ia-gallery>'s styles: the image strip, the enlarged view, the blur of adult posts
// and the description runs under each image.
import { css } from 'lit';

export const galleryStyles = css`
  :host {
    display: block;
  }
  .grid {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  figure {
    margin: 0;
    width: 220px;
  }
  .thumb {
    display: block;
    width: 220px;
    height: 180px;
    padding: 0;
    border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
    background: var(--vscode-editorWidget-background, transparent);
    cursor: zoom-in;
    overflow: hidden;
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: contain;
    display: block;
  }
  .blurred img {
    filter: blur(24px);
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 8px;
    height: 100%;
    overflow-wrap: anywhere;
    color: var(--vscode-descriptionForeground, #9d9d9d);
    text-align: left;
    font: inherit;
  }
  figcaption {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-top: 4px;
  }
  .bar {
    display: flex;
    gap: 8px;
    align-items: center;
    margin-bottom: 6px;
    flex-wrap: wrap;
  }
  .overlay {
    position: fixed;
    inset: 0;
    z-index: 10;
    background: rgba(0, 0, 0, 0.8);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    color: #fff;
  }
  .overlay img {
    max-width: 92vw;
    max-height: 80vh;
    width: auto;
    height: auto;
  }
  .overlay .placeholder {
    color: #fff;
    height: auto;
  }
`;
