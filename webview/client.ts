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

export class HostClient {
  private nextSeq = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly api: VsCodeApi) {}

  post(message: WithoutSeq): void {
    this.api.postMessage(message);
  }

  /** Sends a message that the host answers; rejects with the host's error text. */
  request(message: HostRequest): Promise<void> {
    const seq = this.nextSeq++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
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
