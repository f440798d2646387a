// Comment review and item editing for the current request: confirm, add,
// edit, remove, creator-only. Shared by the chips (mouse) and the keymap;
// every change becomes an extraction draft through the host sync, every
// move goes to the review cursor. A second extractor's possible misses come
// after the items in the chip order, so `[` / `]` walk both.
import { normalizeItem } from '../src/core/annotations/items';
import { commentVerdict, type RequestState } from '../src/core/annotations/state';
import {
  commentSuggestions,
  dismissalsOf,
  runsOnComment,
  type ExtractionSuggestionRun,
} from '../src/core/models/extract/suggestions';
import type { ShardComment } from '../src/core/shard/schema';
import type { CommentAction, CommentRow, CommentStatus } from './components/comment-row';
import { removeItem, sameItems, setItem, toggleCreatorOnly } from './extraction-edits';
import type { HostSync } from './host-sync';
import { effectiveItems } from './items';
import type { ReviewCursor } from './review-cursor';
import { sortedComments } from './sorted-comments';

export type ItemCommand =
  'nextItem' | 'previousItem' | 'addItem' | 'editItem' | 'removeItem' | 'creatorOnly' | 'acceptSuggestion' | 'dismissSuggestion';

/** What the suggestion runs say beyond the request's state: batch runs, and answers streaming now. */
export interface SuggestionFeed {
  batchFor(requestId: string): ExtractionSuggestionRun[];
  askingFor(requestId: string, commentId: string): string | undefined;
}

interface CurrentComment {
  id: string;
  items: string[];
  status: CommentStatus;
  /** Possible misses, after the items in the chip order. */
  misses: string[];
  /** Normalised items some run did not find (possibly wrong). */
  wrong: Set<string>;
}

export class CommentEditing {
  /** Full items before a creator-only drop, so `t` can bring the title back: "comment\nitem" -> full item. */
  private readonly droppedTitles = new Map<string, string>();

  constructor(
    private readonly sync: HostSync,
    private readonly cursor: ReviewCursor,
    private readonly feed: SuggestionFeed,
  ) {}

  /** The runs on a comment (inline from the log, then batch) against its current items, less what was dismissed. */
  private suggestionsOf(comment: ShardComment, items: readonly string[], state: RequestState) {
    const record = this.sync.record;
    const runs = [...(state.extractionRuns ?? []), ...(record ? this.feed.batchFor(record.id) : [])];
    return commentSuggestions(runsOnComment(runs, comment.id), items, dismissalsOf(state.extractionDismissed, comment.id));
  }

  /** The shown request's comments as the list draws them, by upvotes. */
  rows(): CommentRow[] {
    const { record, requestState: state } = this.sync;
    if (!record || !state) return [];
    const { ui, editing } = this.cursor;
    return sortedComments(record).map((comment, index) => {
      const verdict = commentVerdict(state, comment.id);
      const items = effectiveItems(comment.extraction.items, verdict);
      const suggestions = this.suggestionsOf(comment, items, state);
      return {
        comment,
        index,
        items,
        misses: suggestions.misses,
        wrong: new Map(suggestions.wrong.map((entry) => [normalizeItem(entry.item), entry])),
        asking: this.feed.askingFor(record.id, comment.id),
        status: verdict?.status ?? 'unreviewed',
        current: index === ui.comment,
        selectedItem: ui.item,
        editing: editing?.commentId === comment.id ? editing.index : null,
        restorable: this.restorable(comment.id),
      };
    });
  }

  /** The current comment and its current items, or null. */
  current(): CurrentComment | null {
    const { record, requestState: state } = this.sync;
    const comment = record && state ? sortedComments(record)[this.cursor.ui.comment] : undefined;
    if (!comment || !state) return null;
    const verdict = commentVerdict(state, comment.id);
    const items = effectiveItems(comment.extraction.items, verdict);
    const suggestions = this.suggestionsOf(comment, items, state);
    return {
      id: comment.id,
      items,
      status: verdict?.status ?? 'unreviewed',
      misses: suggestions.misses.map((entry) => entry.item),
      wrong: new Set(suggestions.wrong.map((entry) => normalizeItem(entry.item))),
    };
  }

  /** Creator-only items of a comment whose title can be restored. */
  private restorable(commentId: string): Set<string> {
    const prefix = `${commentId}\n`;
    const items = new Set<string>();
    for (const key of this.droppedTitles.keys()) if (key.startsWith(prefix)) items.add(key.slice(prefix.length));
    return items;
  }

  confirmAndNext(): void {
    const record = this.sync.record;
    const current = this.current();
    if (!record || !current) return;
    // A corrected comment keeps its correction: confirming would throw the edits away.
    if (current.status === 'unreviewed') {
      this.sync.annotate({ type: 'extraction', request: record.id, comment: current.id, verdict: 'confirmed' });
    }
    this.cursor.move(1);
  }

  /** A keymap command on the current comment's selected item. */
  runItemCommand(command: ItemCommand): void {
    const current = this.current();
    if (!current) return;
    const ui = this.cursor.ui;
    const count = current.items.length;
    const chips = count + current.misses.length;
    const selected = Math.min(ui.item, Math.max(0, chips - 1));
    switch (command) {
      case 'nextItem':
      case 'previousItem': {
        const step = command === 'nextItem' ? 1 : -1;
        return this.cursor.set({ ...ui, item: Math.max(0, Math.min(chips - 1, selected + step)) });
      }
      case 'acceptSuggestion':
        return this.accept(current, selected);
      case 'dismissSuggestion':
        return this.dismiss(current, selected);
      case 'addItem':
        this.cursor.edit({ commentId: current.id, index: count });
        return;
      case 'editItem':
        if (selected < count) this.cursor.edit({ commentId: current.id, index: selected });
        return;
      case 'removeItem':
        if (selected >= count) return;
        this.correct(current.id, removeItem(current.items, selected));
        return this.cursor.set({ ...ui, item: Math.max(0, Math.min(selected, count - 2)) });
      case 'creatorOnly':
        return this.toggleCreatorOnly(current.id, current.items, selected);
    }
  }

  /** Accepts the chip at `index`: a possible miss is added, a possibly wrong item removed (an ordinary correction). */
  private accept(current: CurrentComment, index: number): void {
    const miss = current.misses[index - current.items.length];
    if (miss !== undefined) {
      this.correct(current.id, setItem(current.items, current.items.length, miss));
      return;
    }
    const item = current.items[index];
    if (item === undefined || !current.wrong.has(normalizeItem(item))) return;
    this.correct(current.id, removeItem(current.items, index));
    this.cursor.set({ ...this.cursor.ui, item: Math.max(0, index - 1) });
  }

  /** Dismisses the chip's disagreement (recorded, so it stays reviewed): the miss goes, the wrong mark goes. */
  private dismiss(current: CurrentComment, index: number): void {
    const record = this.sync.record;
    if (!record) return;
    const miss = current.misses[index - current.items.length];
    const item = current.items[index];
    const target =
      miss !== undefined
        ? { kind: 'miss' as const, item: miss }
        : item !== undefined && current.wrong.has(normalizeItem(item))
          ? { kind: 'wrong' as const, item }
          : undefined;
    if (!target) return;
    this.sync.annotate({ type: 'extraction-dismiss', request: record.id, comment: current.id, ...target });
    // The dismissed miss chip is gone: stay on the chip before it.
    if (miss !== undefined) this.cursor.set({ ...this.cursor.ui, item: Math.max(0, index - 1) });
  }

  /** An action reported by a comment row (mouse, chip focus, inline editor). */
  onAction(action: CommentAction): void {
    const record = this.sync.record;
    if (!record) return;
    const index = sortedComments(record).findIndex((c) => c.id === action.commentId);
    const items = this.itemsOf(action.commentId);
    const ui = this.cursor.ui;
    switch (action.action) {
      case 'select':
        if (index !== ui.comment || (action.index ?? ui.item) !== ui.item)
          this.cursor.set({ comment: index, item: action.index ?? 0 });
        return;
      case 'confirm':
        return this.confirmAndNext();
      case 'add':
        this.cursor.set({ comment: index, item: items.length });
        this.cursor.edit({ commentId: action.commentId, index: items.length });
        return;
      case 'edit':
        this.cursor.set({ comment: index, item: action.index });
        this.cursor.edit({ commentId: action.commentId, index: action.index });
        return;
      case 'remove':
        this.correct(action.commentId, removeItem(items, action.index));
        return this.cursor.set({ comment: index, item: Math.max(0, Math.min(action.index, items.length - 2)) });
      case 'creatorOnly':
        return this.toggleCreatorOnly(action.commentId, items, action.index);
      case 'commit': {
        this.cursor.edit(null);
        const next = setItem(items, action.index, action.value);
        if (!sameItems(next, items)) this.correct(action.commentId, next);
        return;
      }
      case 'cancel':
        this.cursor.edit(null);
        return;
      case 'accept':
      case 'dismiss': {
        this.cursor.set({ comment: index, item: action.index });
        const current = this.current();
        if (!current || current.id !== action.commentId) return;
        return action.action === 'accept' ? this.accept(current, action.index) : this.dismiss(current, action.index);
      }
    }
  }

  private itemsOf(commentId: string): string[] {
    const comment = this.sync.record?.comments.find((c) => c.id === commentId);
    if (!comment) return [];
    return effectiveItems(comment.extraction.items, commentVerdict(this.sync.requestState ?? undefined, commentId));
  }

  private correct(commentId: string, items: string[]) {
    const record = this.sync.record;
    if (!record) return;
    this.sync.annotate({ type: 'extraction', request: record.id, comment: commentId, verdict: 'corrected', items });
  }

  private toggleCreatorOnly(commentId: string, items: string[], index: number) {
    const item = items[index];
    if (item === undefined) return;
    const next = toggleCreatorOnly(item, this.droppedTitles.get(`${commentId}\n${item}`));
    if (next === item) return;
    if (next.length < item.length) this.droppedTitles.set(`${commentId}\n${next}`, item);
    this.correct(commentId, setItem(items, index, next));
  }
}
