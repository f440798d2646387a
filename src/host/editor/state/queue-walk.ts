// What an editor panel asks of the review queue being walked (src/host/queue/queue-session.ts).
// Types only, so the panel and the session need not import each other.
import type { QueueStatus } from '../../../protocol';

export type Outcome = { ok: true } | { ok: false; error: string };

/** The panel as the queue sees it: the shard it shows. */
export interface WalkingPanel {
  readonly document: { readonly uri: { readonly fsPath: string } };
}

/** What a panel asks of the review queue being walked. */
export interface QueueWalk {
  /** The queue's status when the request this panel shows is one of its items. */
  statusFor(panel: WalkingPanel, requestId: string | undefined): QueueStatus | undefined;
  /** Whether next / previous in this panel go through the queue (its shard is one of the queue's). */
  walks(panel: WalkingPanel): boolean;
  /** next / previous through the queue; undefined when this panel's shard is not in the queue (normal navigation). */
  step(panel: WalkingPanel, delta: 1 | -1): Promise<Outcome> | undefined;
}
