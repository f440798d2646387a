// The document's events: those on disk (committed, in file order) followed by
// those not yet saved (pending, manual save mode). Replaying them is the only
// source of annotation state. No vscode import.
//
// One action must not replay a million-event log: events are also grouped by
// the request they finally act on (a retract joins its target's group), and a
// change replays only the groups it touched. A request's state depends on its
// group alone, so this equals a full replay; the unchanged requests keep their
// objects, which keeps changedRequests cheap.
import type { AnnotationEvent } from '../../../core/annotations/events';
import { isKnownType } from '../../../core/annotations/log-lines';
import { replay, replayInSlices } from '../../../core/annotations/replay';
import type { RequestState, ShardState } from '../../../core/annotations/state';

export class EventStore {
  private committed: AnnotationEvent[] = [];
  private readonly committedIds = new Set<string>();
  private pending: AnnotationEvent[] = [];
  private replayed: ShardState | undefined;
  /** Requests whose group changed since `replayed` was computed. */
  private stale = new Set<string>();
  private groups = new Groups();
  /** Bumped by every change of the events: a replay computed across pauses is kept only if none came meanwhile. */
  private version = 0;

  constructor(committed: readonly AnnotationEvent[] = []) {
    this.addCommitted(committed);
  }

  /**
   * `addCommitted` for a whole log read at open, then its replay, both in
   * slices with `pause` (a turn of the event loop) between them: a
   * million-event log must not freeze the host while the first request shows.
   */
  async addCommittedInSlices(
    events: readonly AnnotationEvent[],
    pause: () => Promise<unknown>,
    sliceSize = 50_000,
  ): Promise<void> {
    // With unsaved events every addCommitted rebuilds the groups: then once, not per slice.
    const slice = this.pending.length ? Math.max(events.length, 1) : sliceSize;
    for (let at = 0; at < events.length; at += slice) {
      this.addCommitted(events.slice(at, at + slice));
      await pause();
    }
    if (this.groups.inexact || (this.replayed && this.stale.size === 0)) return;
    const version = this.version;
    const replayed = await replayInSlices(this.all(), pause, sliceSize);
    // state() may have been asked (and computed) meanwhile; a change meanwhile makes this replay stale.
    if (version !== this.version) return;
    this.replayed = replayed;
    this.stale.clear();
  }

  /** Adds events read from disk; ones already known (our own appends, a re-read) are skipped. */
  addCommitted(events: readonly AnnotationEvent[]): AnnotationEvent[] {
    const added = events.filter((event) => !this.committedIds.has(event.id));
    if (added.length) this.version++;
    for (const event of added) {
      this.committed.push(event);
      this.committedIds.add(event.id);
    }
    if (added.length === 0) return added;
    if (this.pending.length === 0) {
      for (const event of added) this.touch(this.groups.add(event, 'committed'));
      return added;
    }
    // An event that reached disk (another window saved the same backup, or our own save) is no longer pending.
    this.pending = this.pending.filter((event) => !this.committedIds.has(event.id));
    this.rebuildGroups(); // rarer (manual mode): the committed-then-pending order is rebuilt from the lists
    return added;
  }

  /** After the log shrank or was rewritten (git checkout): trust the file, keep unsaved local events. */
  replaceCommitted(events: readonly AnnotationEvent[]): void {
    this.committed = [];
    this.committedIds.clear();
    this.addCommitted(events);
    this.rebuildGroups();
  }

  addPending(events: readonly AnnotationEvent[]): void {
    const added = events.filter((event) => !this.committedIds.has(event.id));
    if (added.length) this.version++;
    this.pending.push(...added);
    for (const event of added) this.touch(this.groups.add(event, 'pending'));
  }

  get pendingEvents(): readonly AnnotationEvent[] {
    return this.pending;
  }

  dropPending(): void {
    if (this.pending.length === 0) return;
    this.pending = [];
    this.rebuildGroups();
  }

  all(): AnnotationEvent[] {
    return [...this.committed, ...this.pending];
  }

  state(): ShardState {
    if (this.groups.inexact) {
      this.replayed = this.stale.size || !this.replayed ? replay(this.all()) : this.replayed;
      this.stale.clear();
      return this.replayed;
    }
    if (!this.replayed) {
      this.replayed = replay(this.all());
      this.stale.clear();
    }
    if (this.stale.size === 0) return this.replayed;
    // A new Map (callers compare snapshots); only the touched requests are replayed.
    const next = new Map(this.replayed);
    for (const request of this.stale) {
      const state = replay(this.groups.events(request)).get(request);
      if (state) next.set(request, state);
      else next.delete(request);
    }
    this.stale.clear();
    this.replayed = next;
    return next;
  }

  private touch(request: string | undefined): void {
    if (request !== undefined) this.stale.add(request);
  }

  private rebuildGroups(): void {
    this.version++;
    this.groups = new Groups();
    for (const event of this.committed) this.groups.add(event, 'committed');
    for (const event of this.pending) this.groups.add(event, 'pending');
    this.replayed = undefined;
    this.stale.clear();
  }

  stateOf(request: string): RequestState | undefined {
    return this.state().get(request);
  }
}

/** Requests whose replayed state differs between two snapshots (the same object is the same state). */
export function changedRequests(before: ShardState, after: ShardState): string[] {
  if (before === after) return [];
  const changed: string[] = [];
  const differs = (request: string): boolean => {
    const a = before.get(request);
    const b = after.get(request);
    return a !== b && JSON.stringify(a) !== JSON.stringify(b);
  };
  for (const request of before.keys()) if (differs(request)) changed.push(request);
  for (const request of after.keys()) if (!before.has(request) && differs(request)) changed.push(request);
  return changed;
}

/** Events by the request they finally act on, committed ones before pending ones. */
class Groups {
  private readonly committed = new Map<string, AnnotationEvent[]>();
  private readonly pending = new Map<string, AnnotationEvent[]>();
  private readonly requestOf = new Map<string, string>();
  /** A retract came before its target (or names none we know): only a full replay is sure to be right. */
  inexact = false;

  /** Adds the event at the end of its group; returns the group's request (undefined for events replay ignores). */
  add(event: AnnotationEvent, list: 'committed' | 'pending'): string | undefined {
    if (!isKnownType(event) || typeof event.request !== 'string') return undefined;
    let request = event.request;
    if (event.type === 'retract') {
      const target = this.requestOf.get(String(event.target));
      if (target === undefined) this.inexact = true;
      else request = target;
    }
    this.requestOf.set(event.id, request);
    const groups = list === 'committed' ? this.committed : this.pending;
    let group = groups.get(request);
    if (!group) groups.set(request, (group = []));
    group.push(event);
    return request;
  }

  events(request: string): AnnotationEvent[] {
    return [...(this.committed.get(request) ?? []), ...(this.pending.get(request) ?? [])];
  }
}
