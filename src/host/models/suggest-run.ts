// One Suggest Items run from the editor: the extractor (the paper's request,
// the profile's model) on some comments of a request, a few at a time; each
// answer is appended as an extraction-run event through the document as soon
// as it comes (so undo works and nothing paid for is lost), and the progress
// ("k / n comments", the text streaming per comment) goes to every panel.
import { randomUUID } from '../../core/node-crypto';
import type { ChatBackend } from '../../core/models/backend';
import { isModelRunError, redact } from '../../core/models/errors';
import { extractComment } from '../../core/models/extract/extract-comment';
import type { ShardRecord } from '../../core/shard/schema';
import type { LiveSuggestRun } from '../../protocol';
import { errorMessage } from '../../core/error-message';
import type { AnnotatorDocument } from '../editor/document';
import { output } from '../output';
import type { RunProfile } from './profiles';

/** Comments asked at once: a few, so a whole request goes quicker without a burst against the server. */
export const SUGGEST_CONCURRENCY = 3;
/** Streamed text reaches the panels at most this often. */
const PUBLISH_INTERVAL_MS = 80;

export class SuggestRun {
  readonly id = randomUUID();
  readonly run: LiveSuggestRun;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly document: AnnotatorDocument,
    private readonly record: ShardRecord,
    private readonly commentIds: readonly string[],
    scope: LiveSuggestRun['scope'],
    private readonly profile: RunProfile,
    private readonly publish: (run: LiveSuggestRun) => void,
  ) {
    this.run = {
      id: this.id,
      requestId: record.id,
      scope,
      profile: profile.profile.name,
      model: profile.profile.model,
      total: commentIds.length,
      done: 0,
      phase: 'running',
      asking: [],
    };
  }

  get active(): boolean {
    return this.run.phase === 'running';
  }

  async start(backend: ChatBackend, secrets: readonly string[]): Promise<void> {
    this.send();
    const queue = this.record.comments.filter((comment) => this.commentIds.includes(comment.id));
    const worker = async (): Promise<void> => {
      for (let comment = queue.shift(); comment && this.active; comment = queue.shift()) {
        const asking = { comment: comment.id, text: '' };
        this.run.asking.push(asking);
        this.soon();
        try {
          const result = await extractComment(
            this.record,
            comment,
            // The state of the moment: a correction made meanwhile is what the answer is compared with.
            this.document.state().get(this.record.id),
            {
              profile: this.profile.profile,
              backend,
              signal: this.abort.signal,
              callbacks: {
                onDelta: (text) => ((asking.text += text), this.soon()),
                onResend: () => ((asking.text = ''), this.soon()),
                onWait: (wait) => ((this.run.wait = wait), this.soon()),
              },
            },
          );
          await this.document.recordAnswer(result.draft);
          this.run.done += 1;
        } finally {
          this.run.asking = this.run.asking.filter((entry) => entry !== asking);
          delete this.run.wait;
          this.soon();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(SUGGEST_CONCURRENCY, queue.length) }, worker));
      this.end({ phase: 'done' });
    } catch (error) {
      this.abort.abort();
      if (isModelRunError(error) && error.kind === 'cancelled') return this.end({ phase: 'cancelled' });
      const kind = isModelRunError(error) ? error.kind : 'unknown';
      const message = redact(errorMessage(error), secrets);
      output().warn(
        `${this.document.shardName}: Suggest Items with ${this.run.profile} on ${this.record.id} failed (${kind}): ${message}`,
      );
      this.end({ phase: 'failed', error: { kind, message } });
    }
  }

  cancel(): void {
    this.abort.abort();
  }

  private end(change: Pick<LiveSuggestRun, 'phase' | 'error'>): void {
    // The first fault has the last word: a worker stopped by it ends as cancelled otherwise.
    if (this.run.phase !== 'running') return;
    Object.assign(this.run, change);
    this.run.asking = [];
    this.send();
  }

  /** At most one update per interval while text streams. */
  private soon(): void {
    this.timer ??= setTimeout(() => this.send(), PUBLISH_INTERVAL_MS);
  }

  private send(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.publish({ ...this.run, asking: this.run.asking.map((entry) => ({ ...entry })) });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.abort.abort();
  }
}
