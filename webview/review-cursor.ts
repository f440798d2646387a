// Where the annotator is within the shown request: the current comment, its
// selected item and the item being edited. Each request keeps its place
// across navigation and while VS Code hides the webview (its setState).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostClient } from './client';
import type { HostSync } from './host-sync';
import { RequestUiMemory, type RequestUi } from './request-ui';

export interface Editing {
  commentId: string;
  /** Item index; the item count for a new item. */
  index: number;
}

/** What the webview keeps in VS Code's state for a hidden panel. */
export interface SavedState {
  ui: [string, RequestUi][];
}

export class ReviewCursor implements ReactiveController {
  ui: RequestUi = { comment: 0, item: 0 };
  editing: Editing | null = null;

  private client!: HostClient;
  private memory = new RequestUiMemory();
  private requestId: string | undefined;

  /** `reveal` scrolls a comment into view when the cursor moves to it by key. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sync: HostSync,
    private readonly reveal: (comment: number) => void,
  ) {
    host.addController(this);
  }

  /** Restores the places VS Code kept while the webview was hidden. */
  attach(client: HostClient): void {
    this.client = client;
    this.memory = new RequestUiMemory(client.getState<SavedState>()?.ui ?? []);
  }

  /** Another request is on screen: go back to its place, editing nothing. */
  hostUpdate(): void {
    const id = this.sync.record?.id;
    if (id === this.requestId) return;
    this.requestId = id;
    if (id === undefined) return;
    this.editing = null;
    this.ui = this.memory.get(id);
    // After this update has drawn the new request's list: on the first show (a reload) there is no list before it.
    const comment = this.ui.comment;
    void this.host.updateComplete.then(() => {
      if (this.requestId === id) this.reveal(comment);
    });
  }

  set(ui: RequestUi): void {
    const id = this.sync.record?.id;
    if (id === undefined) return;
    this.ui = ui;
    this.memory.set(id, ui);
    this.client.setState({ ui: this.memory.toJSON() } satisfies SavedState);
    this.host.requestUpdate();
  }

  edit(editing: Editing | null): void {
    this.editing = editing;
    this.host.requestUpdate();
  }

  /** Moves to the comment `delta` rows away (clamped), first item, and shows it. */
  move(delta: number): void {
    const count = this.sync.record?.comments.length ?? 0;
    if (count === 0) return;
    const comment = Math.min(count - 1, Math.max(0, this.ui.comment + delta));
    this.editing = null;
    this.set({ comment, item: 0 });
    this.reveal(comment);
  }
}
