// <ia-comment-list>: the request's comments, virtualized: only the rows near
// the viewport exist in the DOM, so a request with thousands of comments stays fast.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { themeStyles } from '../theme';
import type { CommentRow } from './comment-row';
import './comment-row';

/**
 * Rows are keyed by position: another request's rows then reuse the elements already drawn (a property update)
 * instead of building every row and its toolkit buttons again. A row keeps nothing of its own (editing is in `row`).
 */
const rowKey = (_row: CommentRow, index: number) => index;

@customElement('ia-comment-list')
export class IaCommentList extends LitElement {
  static override styles = [
    themeStyles,
    css`
      /*
       * The virtualizer contains its size (it cannot grow with its rows), so it takes
       * the height its parent gives this element, or --ia-comment-list-height.
       */
      :host {
        display: flex;
        flex-direction: column;
      }
      lit-virtualizer {
        flex: 1 1 auto;
        height: var(--ia-comment-list-height, auto);
      }
      .empty {
        padding: 8px;
      }
    `,
  ];

  @property({ attribute: false }) rows: CommentRow[] = [];
  /** The request the rows belong to. */
  @property() requestId = '';
  /** Suggest Items' progress on the request ("… 3 / 12 comments"), or empty. */
  @property() suggestStatus = '';

  @query('lit-virtualizer') private virtualizer?: LitVirtualizer<CommentRow>;

  // The virtualizer measures which rows are visible only when its own box resizes
  // or something scrolls. A window that grows, or a header that shrinks, can move
  // the list into view without either, which left a list booted in a hidden or
  // short frame showing one row or none. Any window or page resize re-measures it.
  private readonly pageResize = new ResizeObserver(() => this.remeasure());
  private readonly onWindowResize = () => this.remeasure();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onWindowResize);
    this.pageResize.observe(document.documentElement);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('resize', this.onWindowResize);
    this.pageResize.disconnect();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Rows are reused for another request's comments; the focus must not stay on a chip that now shows
    // another item (Delete there would remove it). It goes, as it did when each request had rows of its own.
    if (changed.get('requestId') === undefined || !this.matches(':focus-within')) return;
    let focused = this.shadowRoot?.activeElement ?? null;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (focused instanceof HTMLElement) focused.blur();
  }

  /** A scroll event is the virtualizer's public cue to recompute its visible range. */
  private remeasure() {
    this.virtualizer?.dispatchEvent(new Event('scroll'));
  }

  override render() {
    const reviewed = this.rows.filter((row) => row.status !== 'unreviewed').length;
    return html`<h2 id="comments-heading">
        Comments <span class="muted">(${reviewed} / ${this.rows.length} reviewed, by upvotes)</span>
      </h2>
      <p class="muted suggest-status" role="status" ?hidden=${!this.suggestStatus}>${this.suggestStatus}</p>
      ${
        this.rows.length === 0
          ? html`<p class="muted empty">This request has no comments.</p>`
          : html`<lit-virtualizer
              scroller
              role="list"
              aria-labelledby="comments-heading"
              .items=${this.rows}
              .keyFunction=${rowKey}
              .renderItem=${(row: CommentRow) => html`<ia-comment role="listitem" .row=${row}></ia-comment>`}
            ></lit-virtualizer>`
      }`;
  }

  /** Brings a row into view (it may not exist in the DOM yet). */
  async reveal(index: number): Promise<void> {
    const virtualizer = await this.laidOutVirtualizer();
    if (index < this.rows.length) virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
  }

  /** Scrolls back to the top, e.g. when another request is shown. */
  async scrollToTop(): Promise<void> {
    (await this.laidOutVirtualizer())?.element(0)?.scrollIntoView({ block: 'start' });
  }

  private readonly laidOut = new WeakSet<LitVirtualizer<CommentRow>>();

  /** The list, once it has a layout: a list drawn just now (the first show, after a reload) throws on a scroll before. */
  private async laidOutVirtualizer(): Promise<LitVirtualizer<CommentRow> | undefined> {
    await this.updateComplete;
    const virtualizer = this.virtualizer;
    if (!virtualizer) return undefined;
    // Scrolling before the virtualizer took the new rows pins it to an index of the old ones.
    await virtualizer.updateComplete;
    if (this.laidOut.has(virtualizer)) return this.virtualizer === virtualizer ? virtualizer : undefined;
    await virtualizer.layoutComplete; // a new list always lays out once
    this.laidOut.add(virtualizer);
    return this.virtualizer === virtualizer ? virtualizer : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-comment-list': IaCommentList;
  }
}
