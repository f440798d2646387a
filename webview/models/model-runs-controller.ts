// The app's side of model runs: the live runs the host reports (kept for
// every request, so a run streaming for a request the annotator left is still
// there on return), whether models may run, and the panel's actions.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostToWebview, LiveModelRun } from '../../src/protocol';
import type { HostClient } from '../client';
import type { LiveRunAction } from '../components/model-live-run';
import type { ModelAccess } from '../components/model-panel';

export type ModelMessage = Extract<HostToWebview, { type: 'modelRun' | 'modelRunText' | 'modelRunGone' | 'modelAccess' }>;

export function isModelMessage(message: HostToWebview): message is ModelMessage {
  return (
    message.type === 'modelRun' ||
    message.type === 'modelRunText' ||
    message.type === 'modelRunGone' ||
    message.type === 'modelAccess'
  );
}

export class ModelRunsController implements ReactiveController {
  private readonly live = new Map<string, LiveModelRun>();
  private client!: HostClient;
  access: ModelAccess = { allowed: true };

  /** `showError` puts a message in the app's error banner. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly showError: (message: string) => void,
  ) {
    host.addController(this);
  }

  attach(client: HostClient): void {
    this.client = client;
  }

  hostConnected(): void {}

  receive(message: ModelMessage): void {
    switch (message.type) {
      case 'modelRun':
        // A stored run is in the request's state by now (the host appends, then reports): its card replaces this one.
        if (message.run.phase === 'stored') this.dismiss(message.run.id);
        else this.live.set(message.run.id, message.run);
        this.dropEndedBefore(message.run);
        break;
      case 'modelRunText': {
        const run = this.live.get(message.id);
        // A part past the end would leave a hole: the next whole message (phase change, reload) brings the text.
        if (!run || message.at > run.text.length) return;
        this.live.set(message.id, { ...run, text: run.text.slice(0, message.at) + message.text });
        break;
      }
      case 'modelRunGone':
        this.live.delete(message.id);
        break;
      case 'modelAccess':
        this.access = message.allowed ? { allowed: true } : { allowed: false, reason: message.reason };
        break;
      default:
        message satisfies never;
    }
    this.host.requestUpdate();
  }

  /** The request's live runs, newest first. */
  liveFor(requestId: string): LiveModelRun[] {
    return [...this.live.values()].filter((run) => run.requestId === requestId).reverse();
  }

  /**
   * Failed and cancelled cards must not pile up: any news of a run (a new one starting, or one ending)
   * dismisses the request's older failed or cancelled cards, so at most the latest stays.
   */
  private dropEndedBefore(latest: LiveModelRun): void {
    for (const run of [...this.live.values()]) {
      if (run.id === latest.id || run.requestId !== latest.requestId) continue;
      if (run.phase === 'failed' || run.phase === 'cancelled') this.dismiss(run.id);
    }
  }

  /** Asks the host to run a model; false when it was not asked (models may not run here). `refused`: the host said no. */
  runModel(requestId: string, refused: () => void = () => undefined): boolean {
    if (!this.access.allowed) {
      this.showError(this.access.reason ?? 'Running models is disabled here.');
      return false;
    }
    this.client.request({ type: 'runModel', requestId, choice: {} }).catch((error: Error) => {
      refused();
      this.showError(error.message);
    });
    return true;
  }

  onLiveAction(action: LiveRunAction, id: string): void {
    switch (action) {
      case 'cancel':
        return this.client.post({ type: 'cancelModelRun', id });
      case 'dismiss':
        return this.dismiss(id);
      case 'keep':
        this.client.request({ type: 'keepModelRun', id }).catch((error: Error) => this.showError(error.message));
        return;
    }
  }

  private dismiss(id: string): void {
    this.live.delete(id);
    this.client.post({ type: 'dismissModelRun', id });
    this.host.requestUpdate();
  }
}
