// The app's side of Suggest Items: the runs the host reports (kept for every
// request, so a run going on for a request the annotator left is still there
// on return), the batch runs' suggestions per request, and the requests to
// the host. Whether models may run is the model runs' access (trust).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ExtractionSuggestionRun, HostToWebview, LiveSuggestRun } from '../src/protocol';
import type { HostClient } from './client';
import type { ModelAccess } from './components/model-panel';

export type SuggestMessage = Extract<HostToWebview, { type: 'suggestRun' | 'batchSuggestions' }>;

export function isSuggestMessage(message: HostToWebview): message is SuggestMessage {
  return message.type === 'suggestRun' || message.type === 'batchSuggestions';
}

export class SuggestionsController implements ReactiveController {
  /** The latest run per request. */
  private readonly runs = new Map<string, LiveSuggestRun>();
  private readonly batch = new Map<string, ExtractionSuggestionRun[]>();
  private client!: HostClient;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly showError: (message: string) => void,
    private readonly access: () => ModelAccess,
  ) {
    host.addController(this);
  }

  attach(client: HostClient): void {
    this.client = client;
  }

  hostConnected(): void {}

  receive(message: SuggestMessage): void {
    if (message.type === 'batchSuggestions') this.batch.set(message.requestId, message.runs);
    else {
      const before = this.runs.get(message.run.requestId);
      this.runs.set(message.run.requestId, message.run);
      if (message.run.phase === 'failed' && before?.phase !== 'failed' && message.run.error)
        this.showError(
          `Suggest Items with ${message.run.profile} failed (${message.run.error.kind}): ${message.run.error.message}`,
        );
    }
    this.host.requestUpdate();
  }

  batchFor(requestId: string): ExtractionSuggestionRun[] {
    return this.batch.get(requestId) ?? [];
  }

  runFor(requestId: string): LiveSuggestRun | undefined {
    return this.runs.get(requestId);
  }

  /** The answer streaming for a comment, or undefined when it is not being asked. */
  askingFor(requestId: string, commentId: string): string | undefined {
    const run = this.runs.get(requestId);
    return run?.phase === 'running' ? run.asking.find((entry) => entry.comment === commentId)?.text : undefined;
  }

  /** Asks the host to suggest items for these comments; false when models may not run here. */
  suggest(requestId: string, scope: LiveSuggestRun['scope'], comments: string[]): boolean {
    const access = this.access();
    if (!access.allowed) {
      this.showError(access.reason ?? 'Running models is disabled here.');
      return false;
    }
    if (comments.length === 0) return false;
    this.client
      .request({ type: 'suggestItems', requestId, scope, comments })
      .catch((error: Error) => this.showError(error.message));
    return true;
  }

  /** Esc: stops the request's running suggestion; false when none runs. */
  cancel(requestId: string): boolean {
    const run = this.runs.get(requestId);
    if (run?.phase !== 'running') return false;
    this.client.post({ type: 'cancelSuggestItems', id: run.id });
    return true;
  }
}
