// Where the keyboard goes when the host lands the editor somewhere on purpose:
// a review queue's comment (the cursor moves to it), or the adjudication panel
// (from a disagreement in the report; it gets the keyboard once the disputes arrive).
import type { ReactiveControllerHost } from 'lit';
import type { HostToWebview } from '../src/protocol';
import type { HostSync } from './host-sync';
import type { ReviewCursor } from './review-cursor';
import { sortedComments } from './sorted-comments';

export interface LandingTargets {
  revealComment(index: number): void;
  focusAdjudication(): void;
}

export class LandingFocus {
  /** Landed on a request to settle: the panel gets the keyboard once the disputes arrive. */
  private adjudicationWanted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sync: HostSync,
    private readonly cursor: ReviewCursor,
    private readonly targets: LandingTargets,
  ) {}

  /** After HostSync took the message in. */
  receive(message: HostToWebview): void {
    if (message.type === 'show' && message.focus) {
      const focus = message.focus;
      if (focus.kind === 'adjudication') {
        this.adjudicationWanted = true;
        if (this.sync.disputes.length) this.focusAdjudication();
        return;
      }
      // The cursor counts comments as the list shows them (by upvotes).
      const record = this.sync.record;
      const index = record ? sortedComments(record).findIndex((comment) => comment.id === focus.comment) : -1;
      if (index >= 0) {
        void this.host.updateComplete.then(() => {
          this.cursor.set({ comment: index, item: 0 });
          this.targets.revealComment(index);
        });
      }
    } else if (message.type === 'disputes' && this.adjudicationWanted && this.sync.disputes.length) {
      this.focusAdjudication();
    }
  }

  focusAdjudication(): void {
    this.adjudicationWanted = false;
    void this.host.updateComplete.then(() => this.targets.focusAdjudication());
  }
}
