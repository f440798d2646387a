// A small typed client for the host protocol: fire-and-forget posts, and
// requests that carry a `seq` and resolve when the host's `reply` arrives.
import type { HostToWebview, WebviewToHost } from '../src/protocol';

/** What `acquireVsCodeApi()` returns (the subset we use). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

type WithSeq = Extract<WebviewToHost, { seq: number }>;
type WithoutSeq = Exclude<WebviewToHost, { seq: number }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type HostRequest = DistributiveOmit<WithSeq, 'seq'>;

type Reply = Extract<HostToWebview, { type: 'reply' }>;

/** How long a request may wait for the host's reply before it fails with an error the user sees. */
export const REQUEST_TIMEOUT_MS = 30_000;

export class HostClient {
  private nextSeq = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(
    private readonly api: VsCodeApi,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  post(message: WithoutSeq): void {
    this.api.postMessage(message);
  }

  /** Sends a message that the host answers; rejects with the host's error text, or when no answer comes in time. */
  request(message: HostRequest): Promise<void> {
    const seq = this.nextSeq++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.delete(seq)) return;
        reject(
          new Error(
            `The editor did not answer (${message.type}) within ${Math.round(this.timeoutMs / 1000)} s. Reopen the editor if this persists.`,
          ),
        );
      }, this.timeoutMs);
      const done = () => clearTimeout(timer);
      this.pending.set(seq, {
        resolve: () => (done(), resolve()),
        reject: (error) => (done(), reject(error)),
      });
      this.api.postMessage({ ...message, seq });
    });
  }

  /** Settles the request a reply answers; replies to unknown seqs are ignored. */
  settle(reply: Reply): void {
    const waiting = this.pending.get(reply.seq);
    if (!waiting) return;
    this.pending.delete(reply.seq);
    if (reply.ok) waiting.resolve();
    else waiting.reject(new Error(reply.error));
  }

  getState<T>(): T | undefined {
    return (this.api.getState() as T | null) ?? undefined;
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }
}
