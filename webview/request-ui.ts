// Per-request screen state (current comment and item) that survives moving
// between requests and the webview being hidden (VS Code's setState).

export interface RequestUi {
  /** Index in the upvote-sorted comment list. */
  comment: number;
  /** Selected item index within the current comment. */
  item: number;
}

/** Enough for a long session without growing the saved state without bound. */
const REMEMBERED = 500;

export class RequestUiMemory {
  private readonly byRequest: Map<string, RequestUi>;

  constructor(saved: [string, RequestUi][] = []) {
    this.byRequest = new Map(saved);
  }

  get(requestId: string): RequestUi {
    return this.byRequest.get(requestId) ?? { comment: 0, item: 0 };
  }

  set(requestId: string, ui: RequestUi): void {
    this.byRequest.delete(requestId);
    this.byRequest.set(requestId, ui);
    while (this.byRequest.size > REMEMBERED) this.byRequest.delete(this.byRequest.keys().next().value as string);
  }

  toJSON(): [string, RequestUi][] {
    return [...this.byRequest];
  }
}
