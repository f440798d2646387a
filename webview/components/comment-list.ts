// <ia-comment-list>: the request's comments, virtualized: only the rows near
// the viewport exist in the DOM, so a request with thousands of comments stays fast.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { themeStyles } from '../theme';
import type { CommentRow } from './comment-row';
import './comment-row';

@customElement('ia-comment-list')
export class IaCommentList extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      /* A definite height: the virtualizer contains its size, so it cannot grow with its rows. */
      lit-virtualizer { height: max(300px, calc(100vh - 190px)); }
      .empty { padding: 8px; }
    `,
  ];

  @property({ attribute: false }) rows: CommentRow[] = [];

  @query('lit-virtualizer') private virtualizer?: LitVirtualizer<CommentRow>;

  override render() {
    const reviewed = this.rows.filter((row) => row.status !== 'unreviewed').length;
    return html`<h2 id="comments-heading">Comments <span class="muted">(${reviewed} / ${this.rows.length} reviewed, by upvotes)</span></h2>
      ${this.rows.length === 0
        ? html`<p class="muted empty">This request has no comments.</p>`
        : html`<lit-virtualizer
            scroller
            role="list"
            aria-labelledby="comments-heading"
            .items=${this.rows}
            .keyFunction=${(row: CommentRow) => row.comment.id}
            .renderItem=${(row: CommentRow) => html`<ia-comment role="listitem" .row=${row}></ia-comment>`}
          ></lit-virtualizer>`}`;
  }

  /** Brings a row into view (it may not exist in the DOM yet). */
  async reveal(index: number): Promise<void> {
    await this.updateComplete;
    this.virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
  }

  /** Scrolls back to the top, e.g. when another request is shown. */
  async scrollToTop(): Promise<void> {
    await this.updateComplete;
    this.virtualizer?.element(0)?.scrollIntoView({ block: 'start' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-comment-list': IaCommentList;
  }
}
