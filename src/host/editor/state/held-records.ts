// Which records the webview keeps, decided here and mirrored there: the host
// sends a record once (the shown one, or a neighbour ahead of time) and then
// names it by id, so moving to a held request sends a few hundred bytes
// instead of the whole record (127 KB for the release's largest). Least
// recently shown goes first; the webview only does what `records` says.
import type { HeldRecord, HostToWebview } from '../../../protocol';

export type RecordsMessage = Extract<HostToWebview, { type: 'records' }>;

/** Enough for going back and forth over the last few requests, small enough for a webview (about 4 MB at 127 KB each). */
export const HELD_RECORDS = 32;

export class HeldRecords {
  /** Held ids, least recently used first. */
  private readonly held = new Set<string>();
  private cleared = false;

  constructor(private readonly capacity = HELD_RECORDS) {}

  has(id: string): boolean {
    return this.held.has(id);
  }

  get size(): number {
    return this.held.size;
  }

  /** The webview may have lost its records (reloaded) or kept some we no longer know of: start afresh. */
  reset(): void {
    this.held.clear();
    this.cleared = true;
  }

  /** Marks `id` as just used, so it is the last to go. */
  touch(id: string): void {
    if (!this.held.delete(id)) return;
    this.held.add(id);
  }

  /**
   * The message that makes the webview hold `entries` (those not held yet) and
   * forget the least recently used beyond capacity; null when there is nothing to say.
   * The entries themselves are never the ones dropped.
   */
  hold(entries: readonly HeldRecord[]): RecordsMessage | null {
    const fresh = entries.filter((entry, n) => {
      const id = entry.record.id;
      return !this.held.has(id) && entries.findIndex((other) => other.record.id === id) === n;
    });
    for (const entry of entries) this.touch(entry.record.id);
    if (fresh.length === 0 && !this.cleared) return null;
    for (const entry of fresh) this.held.add(entry.record.id);
    const keep = new Set(entries.map((entry) => entry.record.id));
    const drop: string[] = [];
    for (const id of this.held) {
      if (this.held.size - drop.length <= this.capacity) break;
      if (!keep.has(id)) drop.push(id);
    }
    for (const id of drop) this.held.delete(id);
    const message: RecordsMessage = { type: 'records', hold: fresh, drop, ...(this.cleared ? { clear: true as const } : {}) };
    this.cleared = false;
    return message;
  }
}
