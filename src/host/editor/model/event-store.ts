// The document's events: those on disk (committed, in file order) followed by
// those not yet saved (pending, manual save mode). Replaying them is the only
// source of annotation state. No vscode import.
import type { AnnotationEvent } from '../../../core/annotations/events';
import { replay } from '../../../core/annotations/replay';
import type { RequestState, ShardState } from '../../../core/annotations/state';

export class EventStore {
  private committed: AnnotationEvent[] = [];
  private readonly committedIds = new Set<string>();
  private pending: AnnotationEvent[] = [];
  private replayed: ShardState | undefined;

  constructor(committed: readonly AnnotationEvent[] = []) {
    this.addCommitted(committed);
  }

  /** Adds events read from disk; ones already known (our own appends, a re-read) are skipped. */
  addCommitted(events: readonly AnnotationEvent[]): AnnotationEvent[] {
    const added = events.filter((event) => !this.committedIds.has(event.id));
    for (const event of added) {
      this.committed.push(event);
      this.committedIds.add(event.id);
    }
    // An event that reached disk (another window saved the same backup, or our own save) is no longer pending.
    this.pending = this.pending.filter((event) => !this.committedIds.has(event.id));
    if (added.length) this.replayed = undefined;
    return added;
  }

  /** After the log shrank or was rewritten (git checkout): trust the file, keep unsaved local events. */
  replaceCommitted(events: readonly AnnotationEvent[]): void {
    this.committed = [];
    this.committedIds.clear();
    this.replayed = undefined;
    this.addCommitted(events);
  }

  addPending(events: readonly AnnotationEvent[]): void {
    this.pending.push(...events.filter((event) => !this.committedIds.has(event.id)));
    this.replayed = undefined;
  }

  get pendingEvents(): readonly AnnotationEvent[] {
    return this.pending;
  }

  dropPending(): void {
    if (this.pending.length) this.replayed = undefined;
    this.pending = [];
  }

  all(): AnnotationEvent[] {
    return [...this.committed, ...this.pending];
  }

  state(): ShardState {
    this.replayed ??= replay(this.all());
    return this.replayed;
  }

  stateOf(request: string): RequestState | undefined {
    return this.state().get(request);
  }
}

/** Requests whose replayed state differs between two snapshots. */
export function changedRequests(before: ShardState, after: ShardState): string[] {
  const changed: string[] = [];
  for (const request of new Set([...before.keys(), ...after.keys()])) {
    if (JSON.stringify(before.get(request)) !== JSON.stringify(after.get(request))) changed.push(request);
  }
  return changed;
}
