// One model run started from the editor: streams its text to every panel of
// the document, waits out rate limits visibly, and ends stored (appended to
// the annotator's log through the document, so undo works), unparseable
// (kept only on request), failed or cancelled. Faults record nothing.
import { randomUUID } from '../../core/node-crypto';
import { isModelRunError, redact } from '../../core/models/errors';
import { runModel, type ModelRunDraft, type ModelRunTarget } from '../../core/models/run-model';
import { TruncatedAnswerError } from '../../core/models/truncation';
import type { ImagePolicy } from '../../core/models/image-files';
import { inputLabel } from '../../core/models/run-input';
import type { LiveModelRun } from '../../protocol';
import type { AnnotatorDocument } from '../editor/document';
import { output } from '../output';
import type { RunPlan } from './run-picks';
import type { ChatBackend } from '../../core/models/backend';
import { StreamedText } from './streamed-text';
import { errorMessage } from '../../core/error-message';

/** Streamed text reaches the webview at most this often (each message carries only the new part). */
const STREAM_INTERVAL_MS = 50;

export class LiveRun {
  readonly id = randomUUID();
  readonly run: LiveModelRun;
  private readonly abort = new AbortController();
  private unparseable: ModelRunDraft | undefined;
  private readonly streamed: StreamedText;
  /** Thinking is shown with the whole run, at most every STREAM_INTERVAL_MS. */
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly document: AnnotatorDocument,
    requestId: string,
    private readonly plan: RunPlan,
    private readonly publish: (run: LiveModelRun) => void,
    /** Sends the new part of the text (from offset `at`) to the panels. */
    publishText: (id: string, at: number, part: string) => void,
  ) {
    this.streamed = new StreamedText((at, part) => publishText(this.id, at, part), STREAM_INTERVAL_MS);
    const { profile } = plan.profile;
    this.run = {
      id: this.id,
      requestId,
      task: plan.task,
      prompt: plan.prompt,
      input: inputLabel(plan.input),
      profile: profile.name,
      model: profile.model,
      phase: 'running',
      text: '',
    };
  }

  get active(): boolean {
    return this.run.phase === 'running' || this.run.phase === 'waiting';
  }

  async start(
    target: Omit<ModelRunTarget, 'state'>,
    backend: ChatBackend,
    secrets: readonly string[],
    images: ImagePolicy,
  ): Promise<void> {
    this.publish(this.run);
    const { profile } = this.plan.profile;
    try {
      const outcome = await runModel(
        { task: this.plan.task, prompt: this.plan.prompt, input: this.plan.input },
        // The panel rescores every run against the live truth; this state only seeds the outcome's own score.
        { ...target, state: this.document.state().get(this.run.requestId) },
        {
          profile,
          backend,
          signal: this.abort.signal,
          images,
          callbacks: {
            onCall: (index, total) => {
              if (index > 0) this.append(`\n\n[image ${index + 1} of ${total}]\n`);
            },
            onDelta: (text) => this.append(text),
            onThinking: (text) => this.think(text),
            // The resent request streams its answer afresh.
            onResend: () => this.update({ text: '', thinking: undefined }),
            onWait: (wait) => this.update({ phase: 'waiting', wait }),
          },
        },
      );
      for (const warning of outcome.warnings)
        output().warn(`${this.document.shardName}: ${profile.name} on ${this.run.requestId}: ${warning}`);
      // Every ending sends the whole text in its update.
      this.streamed.cancel();
      this.run.text = Array.isArray(outcome.answer) ? outcome.answer.join('\n\n') : outcome.answer;
      if (!outcome.parseable && this.plan.task !== 'description') {
        this.unparseable = outcome.draft;
        this.update({ phase: 'unparseable' });
        return;
      }
      await this.store(outcome.draft);
    } catch (error) {
      this.streamed.cancel();
      if (isModelRunError(error) && error.kind === 'cancelled') return this.update({ phase: 'cancelled' });
      if (error instanceof TruncatedAnswerError) {
        // Kept only when the annotator asks, as an unparseable answer is.
        this.unparseable = error.outcome.draft;
        const text = error.outcome.answer;
        return this.update({
          phase: 'truncated',
          text: Array.isArray(text) ? text.join('\n\n') : text,
          error: { kind: error.kind, message: redact(error.message, secrets) },
        });
      }
      const kind = isModelRunError(error) ? error.kind : 'unknown';
      const message = redact(errorMessage(error), secrets);
      output().warn(
        `${this.document.shardName}: ${profile.name} ${this.plan.task} on ${this.run.requestId} failed (${kind}): ${message}`,
      );
      this.update({ phase: 'failed', error: { kind, message } });
    }
  }

  cancel(): void {
    this.abort.abort();
  }

  /** Stores an unparseable answer the annotator chose to keep. */
  async keep(): Promise<void> {
    const draft = this.unparseable;
    if (!draft) throw new Error('This run has no answer waiting to be kept.');
    this.unparseable = undefined;
    await this.store(draft);
  }

  private async store(draft: ModelRunDraft): Promise<void> {
    const event = await this.document.annotate(draft);
    output().info(
      `${this.document.shardName}: stored ${draft.profile} ${draft.task} run on ${draft.request} (${draft.latencyMs} ms)`,
    );
    this.update({ phase: 'stored', runKey: `inline:${event.id}` });
  }

  private think(text: string): void {
    this.run.thinking = (this.run.thinking ?? '') + text;
    this.timer ??= setTimeout(() => this.flush(), STREAM_INTERVAL_MS);
  }

  private flush(): void {
    this.timer = undefined;
    this.update({});
  }

  private append(text: string): void {
    this.run.text += text;
    if (this.run.phase === 'waiting') this.update({ phase: 'running', wait: undefined });
    else this.streamed.grew(() => this.run.text);
  }

  private update(change: Partial<LiveModelRun>): void {
    Object.assign(this.run, change);
    if (change.wait === undefined) delete this.run.wait;
    if ('thinking' in change && change.thinking === undefined) delete this.run.thinking;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.streamed.sentWhole(this.run.text);
    this.publish(this.run);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.streamed.cancel();
    this.abort.abort();
  }
}
