// Keypress-to-painted latency in the real webview bundle, in headless
// Chromium, through the webview test harness. A fake host answers each
// `navigate` the way the extension does, so the round trip includes
// serialising what is sent as VS Code's postMessage does. Two hosts:
// `resend` sends the whole record with every `show` (the extension before
// held records); `held` is the extension's way now (panel.ts): the webview
// keeps records, a `show` names a held one by id, and after each reply the
// next and previous records are sent ahead with their `show`, which the
// webview puts up on the press without waiting for the host.
import { emptyRequestState } from '../src/core/annotations/state';
import type { ShardRecord } from '../src/core/shard/schema';
import { HeldRecords } from '../src/host/editor/state/held-records';
import type { HostToWebview } from '../src/protocol';
import { initMessage } from '../test/fixtures/synthetic-record';
import { openHarness, type Harness } from '../test/webview/harness';
import { FORWARD_POSTS_SOURCE, PROBE_SOURCE } from './page-probe';

export interface NavigationSamples {
  /** Keypress-to-painted latency (ms) of each measured press, by the id of the record it landed on. */
  byTarget: Map<string, number[]>;
  /** Keypress to the host's `show` reaching the page (ms), same keys: the host round trip part. */
  arrivalByTarget: Map<string, number[]>;
}

const append = (map: Map<string, number[]>, key: string, value: number): void =>
  void map.set(key, [...(map.get(key) ?? []), value]);

function showMessage(record: ShardRecord, position: number, total: number, origin: string): HostToWebview {
  // Local images become the harness's small PNG, as the host would give webview URIs.
  const images = record.images.map((image, n) => ({ src: `${origin}/img/ok-${n}.png`, url: image.url }));
  return {
    type: 'show',
    position,
    total,
    filter: 'all',
    matching: total,
    index: position,
    view: { kind: 'record', record, images, state: emptyRequestState() },
  };
}

export type HostMode = 'resend' | 'held';

/** The webview in a page, with a host that cycles through `records` on every `navigate`. */
export class NavigationBench {
  private position = 0;
  private records: readonly ShardRecord[] = [];
  private readonly held = new HeldRecords();
  /** The host's work still under way (it answers one message at a time, as the extension's inbox does). */
  private busy: Promise<void> = Promise.resolve();
  /** `navigate` messages answered, neighbours sent included. */
  private answered = 0;

  private constructor(
    private readonly harness: Harness,
    private readonly mode: HostMode,
  ) {}

  static async open(bundle: string, mode: HostMode): Promise<NavigationBench> {
    const harness = await openHarness({ bundle });
    const bench = new NavigationBench(harness, mode);
    try {
      await harness.page.exposeBinding(
        '__benchHost',
        (_source, message: { type: string; seq?: number }) => (bench.busy = bench.busy.then(() => bench.answer(message))),
      );
      await harness.pageValue(PROBE_SOURCE);
      await harness.pageValue(FORWARD_POSTS_SOURCE);
      await harness.send(initMessage());
    } catch (error) {
      await harness.close();
      throw error;
    }
    return bench;
  }

  close(): Promise<void> {
    return this.harness.close();
  }

  /** Shows the first of `records`; each `navigate` then moves to the next one, wrapping around. */
  async load(records: readonly ShardRecord[]): Promise<void> {
    await this.busy;
    this.records = records;
    this.position = 0;
    this.held.reset();
    await this.post(this.show());
    await this.post(this.neighbours());
    await this.harness.page.locator('ia-query h1.title').waitFor();
    await this.harness.blurFocus();
  }

  /** The `show` of the current position, after the `records` that make the webview hold it (held mode). */
  private show(): HostToWebview[] {
    const message = showMessage(this.records[this.position], this.position, this.records.length, this.harness.origin);
    if (this.mode === 'resend' || message.type !== 'show' || message.view.kind !== 'record') return [message];
    const { record, images, state } = message.view;
    const records = this.held.hold([{ record, images }]);
    return [...(records ? [records] : []), { ...message, view: { kind: 'held', id: record.id, state } }];
  }

  /** Held mode: the next and previous records unless held, and their `show`s (the extension sends them after its reply). */
  private neighbours(): HostToWebview[] {
    if (this.mode === 'resend') return [];
    const count = this.records.length;
    const [next, previous] = [(this.position + 1) % count, (this.position + count - 1) % count].map((position) => {
      const show = showMessage(this.records[position], position, count, this.harness.origin);
      if (show.type !== 'show' || show.view.kind !== 'record') throw new Error('a record view');
      const { record, images, state } = show.view;
      return { entry: { record, images }, show: { ...show, view: { kind: 'held' as const, id: record.id, state } } };
    });
    this.held.touch(this.records[this.position].id);
    const records = this.held.hold([next, previous].map((one) => one.entry));
    return [...(records ? [records] : []), { type: 'ahead', from: this.position, next: next.show, previous: previous.show }];
  }

  private async answer(message: { type: string; seq?: number }): Promise<void> {
    if (message.type !== 'navigate' || message.seq === undefined) return;
    this.position = (this.position + 1) % this.records.length;
    await this.post([...this.show(), { type: 'reply', seq: message.seq, ok: true }]);
    await this.post(this.neighbours());
    this.answered++;
  }

  /** Until the host has answered `count` presses (their `navigate` may still be on its way to us). */
  private async answeredAll(count: number): Promise<void> {
    while (this.answered < count) await new Promise((resolve) => setTimeout(resolve, 1));
    await this.busy;
  }

  /** JSON text parsed in the page: the path a VS Code webview message takes. */
  private async post(messages: readonly HostToWebview[]): Promise<void> {
    if (messages.length === 0) return;
    await this.harness.pageValue(
      `for (const m of JSON.parse(${JSON.stringify(JSON.stringify(messages))})) window.postMessage(m, '*')`,
    );
  }

  /** Presses `j` warmup + presses times; every press shows another request. */
  async requestPresses(presses: number, warmup: number): Promise<NavigationSamples> {
    const samples: NavigationSamples = { byTarget: new Map(), arrivalByTarget: new Map() };
    const answeredBefore = this.answered;
    for (let press = 0; press < warmup + presses; press++) {
      // An annotator reads a request before the next press: what the host sends ahead has arrived.
      await this.answeredAll(answeredBefore + press);
      const target = this.records[(this.position + 1) % this.records.length];
      const latency = await this.pressAndWait('j', `window.__bench.armTitle(${JSON.stringify(target.title)})`);
      if (press < warmup) continue;
      append(samples.byTarget, target.id, latency);
      append(samples.arrivalByTarget, target.id, (await this.harness.pageValue('window.__bench.arrived')) as number);
    }
    return samples;
  }

  /**
   * Presses ↓ inside the shown request (comments in upvote order, as
   * makeLargeRecord orders them: row k shows "Comment k+1:").
   */
  async commentPresses(presses: number, warmup: number): Promise<number[]> {
    const samples: number[] = [];
    for (let press = 0; press < warmup + presses; press++) {
      const latency = await this.pressAndWait(
        'ArrowDown',
        `window.__bench.armComment(${JSON.stringify(`Comment ${press + 2}:`)})`,
      );
      if (press >= warmup) samples.push(latency);
    }
    return samples;
  }

  private async pressAndWait(key: string, arm: string): Promise<number> {
    await this.harness.pageValue(arm);
    await this.harness.page.keyboard.press(key);
    return (await this.harness.pageValue('window.__bench.done')) as number;
  }
}
