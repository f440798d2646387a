// <ia-comment>: one comment: upvotes, status, its text with every item
// mention highlighted, and the items as editable chips; beside them a second
// extractor's disagreements (a dashed chip per possible miss, a mark on each
// possibly wrong item; agreement shows nothing). Stateless: the app owns
// selection and editing, this element reports actions as `ia-comment-action`.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { normalizeItem } from '../../src/core/annotations/items';
import { sourceLabel, type SuggestedItem } from '../../src/core/models/extract/suggestions';
import type { ShardComment } from '../../src/core/shard/schema';
import { emit } from '../ui-kit/emit';
import { LONG_TEXT_SHOWN } from './long-text';
import { mentionSegments, splitItem } from '../items';
import { themeStyles } from '../theme';
import type { BadgeTone, ValueEvent } from '../ui-kit';
import '../ui-kit';

export type CommentStatus = 'unreviewed' | 'confirmed' | 'corrected';

export interface CommentRow {
  comment: ShardComment;
  /** Position in the sorted list. */
  index: number;
  items: string[];
  status: CommentStatus;
  current: boolean;
  /** Selected item index when current. */
  selectedItem: number;
  /** Item index being edited (items.length = a new item), or null. */
  editing: number | null;
  /** Creator-only items whose dropped title `t` can bring back. */
  restorable: ReadonlySet<string>;
  /** A second extractor's possible misses: chips after the items (selected as items.length + i). */
  misses: readonly SuggestedItem[];
  /** Possibly wrong items, by normalised item. */
  wrong: ReadonlyMap<string, SuggestedItem>;
  /** The extractor's answer streaming for this comment now; undefined when it is not being asked. */
  asking?: string;
}

export type CommentAction =
  | { action: 'select'; commentId: string; index?: number }
  | { action: 'confirm'; commentId: string }
  | { action: 'remove' | 'edit' | 'creatorOnly'; commentId: string; index: number }
  | { action: 'add'; commentId: string }
  | { action: 'accept' | 'dismiss'; commentId: string; index: number }
  | { action: 'commit'; commentId: string; index: number; value: string }
  | { action: 'cancel'; commentId: string };

const TONES: Record<CommentStatus, BadgeTone> = { unreviewed: 'neutral', confirmed: 'good', corrected: 'changed' };

@customElement('ia-comment')
export class IaComment extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        width: 100%;
      }
      article {
        border-left: 3px solid transparent;
        padding: 6px 8px;
        border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
      }
      article.current {
        border-left-color: var(--vscode-focusBorder, #007fd4);
        background: var(--vscode-list-inactiveSelectionBackground, rgba(128, 128, 128, 0.15));
        /* High-contrast themes have no selection background: outline the row as VS Code's lists do. */
        outline: 1px dashed var(--vscode-contrastActiveBorder, transparent);
        outline-offset: -1px;
      }
      /* Dark Modern's muted grey is 4.35:1 on its selection background: on the current row, plain text colour. */
      article.current .muted {
        color: var(--vscode-foreground, #cccccc);
      }
      header {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-bottom: 4px;
      }
      .upvotes {
        font-weight: 600;
        min-width: 3em;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0 0 6px;
      }
      ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 0;
        padding: 0;
        align-items: center;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        border: 1px solid var(--vscode-button-border, var(--vscode-panel-border, rgba(128, 128, 128, 0.5)));
        border-radius: 10px;
        padding: 0 2px 0 8px;
        background: var(--vscode-badge-background, #4d4d4d);
        color: var(--vscode-badge-foreground, #ffffff);
      }
      .chip.selected {
        outline: 2px solid var(--vscode-focusBorder, #007fd4);
      }
      .chip-text {
        cursor: text;
      }
      .chip button {
        background: none;
        border: none;
        color: inherit;
        cursor: pointer;
        font: inherit;
        padding: 0 4px;
      }
      .empty {
        font-style: italic;
      }
      .chip,
      .chip-text {
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      /* A possible miss: the model's item, not (yet) one of the comment's. */
      .chip.miss {
        border: 1px dashed var(--vscode-editorWarning-foreground, #bf8803);
        background: transparent;
        color: var(--vscode-foreground, inherit);
      }
      /* A possibly wrong item: the model did not find it. */
      .chip.possibly-wrong .chip-text {
        text-decoration: underline wavy var(--vscode-editorWarning-foreground, #bf8803);
        text-underline-offset: 3px;
      }
      .wrong-mark {
        font-weight: 700;
        padding-left: 2px;
      }
      .suggesting {
        font-style: italic;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) row!: CommentRow;
  /** A comment past LONG_TEXT_SHOWN characters (only hostile data is: Reddit stops at 10,000) shows all of it. */
  @state() private wholeText = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.get('row')?.comment.id !== undefined && changed.get('row')?.comment.id !== this.row.comment.id)
      this.wholeText = false;
  }

  override render() {
    const { comment, items, status, current } = this.row;
    return html`<article
      class=${current ? 'current' : ''}
      aria-current=${current ? 'true' : 'false'}
      aria-label=${`Comment with ${comment.upvotes} upvotes, ${status}`}
      @click=${this.onArticleClick}
    >
      <header>
        <span class="upvotes" title="Upvotes">▲ ${comment.upvotes}</span>
        <ia-badge tone=${TONES[status]} data-status=${status}>${status}</ia-badge>
        <span class="muted">${items.length} item${items.length === 1 ? '' : 's'}</span>
        ${
          this.row.asking === undefined
            ? nothing
            : // Not a live region: the list's status says k / n; each streamed word announced would be noise.
              html`<span class="suggesting muted" data-suggesting
                >Suggesting items… <bdi>${this.row.asking.slice(-80)}</bdi></span
              >`
        }
      </header>
      ${this.renderText(comment.raw, items)}
      <ul role="list" aria-label="Extracted items">
        ${items.length === 0 && this.row.editing === null ? html`<li class="muted empty">no items</li>` : nothing}
        ${items.map((item, index) => this.renderChip(item, index))}
        ${this.row.misses.map((miss, index) => this.renderMiss(miss, items.length + index))}
        ${this.row.editing === items.length ? this.renderEditor('', items.length) : nothing}
        <li>
          <ia-button appearance="icon" label="Add item" @click=${() => this.act({ action: 'add', commentId: comment.id })}
            >+ item</ia-button
          >
        </li>
      </ul>
    </article>`;
  }

  private renderText(raw: string, items: readonly string[]) {
    const clamped = !this.wholeText && raw.length > LONG_TEXT_SHOWN;
    const shown = clamped ? raw.slice(0, LONG_TEXT_SHOWN) : raw;
    // No whitespace inside <p>: the text is pre-wrap, so any would show.
    const marked = mentionSegments(shown, items).map((s) => (s.mention ? html`<mark>${s.text}</mark>` : s.text));
    return html`<p class="text">${marked}</p>
      ${
        clamped
          ? html`<p class="muted clamped">
              Showing the first ${LONG_TEXT_SHOWN.toLocaleString('en')} of ${raw.length.toLocaleString('en')} characters.
              <ia-button class="show-all" @click=${() => (this.wholeText = true)}>Show all</ia-button>
            </p>`
          : nothing
      }`;
  }

  private renderChip(item: string, index: number) {
    if (this.row.editing === index) return this.renderEditor(item, index);
    const commentId = this.row.comment.id;
    const selected = this.row.current && this.row.selectedItem === index;
    const hasTitle = splitItem(item).title !== null;
    const wrong = this.row.wrong.get(normalizeItem(item));
    const by = wrong ? wrong.sources.map(sourceLabel).join(', ') : '';
    return html`<li
      class="chip ${selected ? 'selected' : ''} ${wrong ? 'possibly-wrong' : ''}"
      tabindex="0"
      data-item=${item}
      title=${wrong ? `Possibly wrong: not found by ${by}. + removes it, - keeps it` : nothing}
      aria-label=${
        wrong
          ? `Item: ${item}, possibly wrong: not found by ${by}. Press + to remove it, - to keep it`
          : `Item: ${item}, press Delete to remove`
      }
      @focus=${() => this.act({ action: 'select', commentId, index })}
    >
      <span class="chip-text" @dblclick=${() => this.act({ action: 'edit', commentId, index })}>${item}</span>
      ${wrong ? html`<span class="wrong-mark" aria-hidden="true">?</span>` : nothing}
      ${
        hasTitle || this.row.restorable.has(item)
          ? html`<button
              tabindex="-1"
              aria-label=${hasTitle ? `Make ${item} creator-only` : `Restore the title of ${item}`}
              title="Creator only (t)"
              @click=${() => this.act({ action: 'creatorOnly', commentId, index })}
            >
              ${hasTitle ? '✂' : '↺'}
            </button>`
          : nothing
      }
      <button
        tabindex="-1"
        aria-label=${`Remove ${item}`}
        title="Remove (x)"
        @click=${() => this.act({ action: 'remove', commentId, index })}
      >
        ×
      </button>
    </li>`;
  }

  /** A possible miss: the model's item as text, with accept (+) and dismiss (-). */
  private renderMiss(miss: SuggestedItem, index: number) {
    const commentId = this.row.comment.id;
    const selected = this.row.current && this.row.selectedItem === index;
    const by = miss.sources.map(sourceLabel).join(', ');
    return html`<li
      class="chip miss ${selected ? 'selected' : ''}"
      tabindex="0"
      data-miss=${miss.item}
      title=${`Possible miss, found by ${by}. + adds it, - dismisses it`}
      aria-label=${`Possible miss: ${miss.item}, found by ${by}. Press + to add it, - to dismiss it`}
      @focus=${() => this.act({ action: 'select', commentId, index })}
    >
      <span aria-hidden="true">+</span>
      <span class="chip-text">${miss.item}</span>
      <button
        tabindex="-1"
        aria-label=${`Add ${miss.item}`}
        title="Add (+)"
        @click=${() => this.act({ action: 'accept', commentId, index })}
      >
        ✓
      </button>
      <button
        tabindex="-1"
        aria-label=${`Dismiss ${miss.item}`}
        title="Dismiss (-)"
        @click=${() => this.act({ action: 'dismiss', commentId, index })}
      >
        ×
      </button>
    </li>`;
  }

  private renderEditor(value: string, index: number) {
    const commentId = this.row.comment.id;
    return html`<li>
      <ia-text-field
        class="item-editor"
        .value=${value}
        placeholder="creator - title"
        label=${index < this.row.items.length ? `Edit item ${value}` : 'New item'}
        @ia-commit=${(e: ValueEvent) => this.act({ action: 'commit', commentId, index, value: e.detail.value })}
        @ia-cancel=${() => this.act({ action: 'cancel', commentId })}
      ></ia-text-field>
    </li>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A freshly opened editor takes the focus so the annotator can type at once.
    const before = changed.get('row') as CommentRow | undefined;
    if (this.row.editing === null || before?.editing === this.row.editing) return;
    void this.renderRoot.querySelector('ia-text-field')?.focus();
  }

  private onArticleClick(event: Event) {
    if (!this.row.current && !event.composedPath().some((t) => t instanceof HTMLElement && t.tagName === 'IA-TEXT-FIELD')) {
      this.act({ action: 'select', commentId: this.row.comment.id });
    }
  }

  private act(detail: CommentAction) {
    emit(this, 'ia-comment-action', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** <ia-comment>: a chip, row or inline editor was used. */
    'ia-comment-action': CustomEvent<CommentAction>;
  }
  interface HTMLElementTagNameMap {
    'ia-comment': IaComment;
  }
}
