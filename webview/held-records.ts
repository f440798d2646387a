// The records the host asked the webview to keep (protocol `records`), so a
// `show` may name a record by id, and where the next / previous press lands
// (`ahead`), so that press shows its request at once. The host decides what
// is held; a `show` naming a record not held (the host's bug) resolves to
// null, and the caller asks the host to start over.
import type { HeldRecord, HostToWebview, ShowMessage } from '../src/protocol';

type Records = Extract<HostToWebview, { type: 'records' }>;
type Ahead = Extract<HostToWebview, { type: 'ahead' }>;
/** A `show` with its record in full, as the screen uses it. */
export type ResolvedShow = Omit<ShowMessage, 'view'> & { view: Exclude<ShowMessage['view'], { kind: 'held' }> };

export class HeldRecordStore {
  /** Keyed by record id, which comes from data: a Map, never a plain object. */
  private readonly held = new Map<string, HeldRecord>();
  private ahead: Ahead | null = null;

  get size(): number {
    return this.held.size;
  }

  receive(message: Records | Ahead): void {
    if (message.type === 'ahead') {
      this.ahead = message;
      return;
    }
    if (message.clear) this.held.clear();
    for (const entry of message.hold) this.held.set(entry.record.id, entry);
    for (const id of message.drop) this.held.delete(id);
  }

  resolve(show: ShowMessage): ResolvedShow | null {
    const { view } = show;
    if (view.kind !== 'held') return { ...show, view };
    const entry = this.held.get(view.id);
    if (!entry) return null;
    return { ...show, view: { kind: 'record', record: entry.record, images: entry.images, state: view.state } };
  }

  /**
   * Where a next / previous press from `position` lands, when the host said so for that position and
   * holds its record; used once (the host's answer to the press brings the next `ahead`).
   */
  take(direction: 'next' | 'previous', position: number): ResolvedShow | null {
    const ahead = this.ahead;
    if (ahead?.from !== position) return null;
    this.ahead = null;
    const show = ahead[direction];
    return show ? this.resolve(show) : null;
  }
}
