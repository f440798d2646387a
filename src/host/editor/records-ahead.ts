// What a panel sends of its requests: a record once (the webview holds it,
// model/held-records.ts), then its id; and after each show, where the next and
// previous presses land, so the webview shows them on the press without
// waiting for us. The panel's own `show` still follows every press.
import type * as vscode from 'vscode';
import type { Filter, HostToWebview, RequestView, SentView, ShowMessage } from '../../protocol';
import type { AnnotatorDocument } from './document';
import { HeldRecords } from './state/held-records';
import { neighbours } from './state/navigation';
import { requestViewAt } from './request-view';

/** Posts to the webview; `asShown` is what the panel's history keeps (a show with its record in full). */
export type Post = (message: HostToWebview, asShown?: HostToWebview) => void;

export class RecordsAhead {
  private readonly held = new HeldRecords();

  constructor(
    private readonly document: AnnotatorDocument,
    private readonly webview: vscode.Webview,
    private readonly imageRoots: readonly string[],
    private readonly post: Post,
  ) {}

  /** The webview (re)loaded, or may hold records we no longer know of. */
  reset(): void {
    this.held.reset();
  }

  showAt(position: number, matching: readonly number[], filter: Filter, view: SentView): ShowMessage {
    const index = matching.indexOf(position);
    return { type: 'show', position, total: this.document.size, filter, matching: matching.length, index, view };
  }

  /** Posts `show`; a record travels only if the webview does not hold it yet, then by its id. */
  show(show: ShowMessage & { view: RequestView }): void {
    const { view } = show;
    if (view.kind !== 'record') return this.post(show);
    this.hold([{ record: view.record, images: view.images }]);
    this.post({ ...show, view: { kind: 'held', id: view.record.id, state: view.state } }, show);
  }

  /** Sends the records a next / previous press from `from` shows, unless held, and their `show`. */
  async sendAhead(from: number, matching: readonly number[], filter: Filter): Promise<void> {
    const found = await Promise.all(
      neighbours(from, matching).map(async (position) => {
        if (position === undefined) return null;
        const view = await requestViewAt(this.document, position, this.webview, this.imageRoots);
        if (view.kind !== 'record') return null;
        const { record, images, state } = view;
        return {
          entry: { record, images },
          show: this.showAt(position, matching, filter, { kind: 'held', id: record.id, state }),
        };
      }),
    );
    // The shown record is named first, so holding the neighbours never drops it.
    const shown = this.document.idAt(from);
    if (shown !== null) this.held.touch(shown);
    this.hold(found.flatMap((one) => (one ? [one.entry] : [])));
    const [next, previous] = found.map((one) => one?.show ?? null);
    this.post({ type: 'ahead', from, next, previous });
  }

  private hold(entries: Parameters<HeldRecords['hold']>[0]): void {
    const records = this.held.hold(entries);
    if (records) this.post(records);
  }
}
