// <ia-query>: the request itself (title + selftext as plain text), where and
// when it was posted, and a button that asks the host to open the permalink.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { permalinkUrl, type ShardRecord } from '../../src/core/shard/schema';
import { emit } from '../ui-kit/emit';
import { themeStyles } from '../theme';
import '../ui-kit';

function formatDate(utcSeconds: number | null): string {
  return utcSeconds === null ? 'unknown date' : new Date(utcSeconds * 1000).toISOString().slice(0, 10);
}

@customElement('ia-query')
export class IaQuery extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.3em;
        margin: 0 0 4px;
        overflow-wrap: anywhere;
      }
      .selftext {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 4px 0;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .nsfw {
        color: var(--vscode-list-errorForeground, var(--vscode-errorForeground, #f48771));
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) record!: ShardRecord;

  override render() {
    const record = this.record;
    return html`<section aria-label="Request">
      <h1 class="title">${record.title}</h1>
      ${record.selftext ? html`<p class="selftext">${record.selftext}</p>` : nothing}
      <div class="meta">
        <span>r/${record.subreddit}</span>
        <span class="muted">${record.domain}</span>
        <span class="muted">${formatDate(record.created_utc)}</span>
        ${record.author ? html`<span class="muted">u/${record.author}</span>` : nothing}
        <span class="muted">id ${record.id}</span>
        ${record.over_18 ? html`<span class="nsfw">NSFW</span>` : nothing}
        <ia-button
          class="permalink"
          label="Open on Reddit (the post in your browser)"
          keys="o"
          ?disabled=${permalinkUrl(record.permalink) === null}
          @click=${this.openPermalink}
          >Open on Reddit</ia-button
        >
      </div>
    </section>`;
  }

  private openPermalink() {
    const url = permalinkUrl(this.record.permalink);
    if (url !== null) emit(this, 'ia-open-external', { url });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-query>: ask the host to open a link in the browser. */
    'ia-open-external': CustomEvent<{ url: string }>;
  }
  interface HTMLElementTagNameMap {
    'ia-query': IaQuery;
  }
}
