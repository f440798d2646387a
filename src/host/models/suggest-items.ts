// Suggest Items in the editor: the panel's messages (run, cancel), the
// profile asked for as Run Model asks it, workspace trust, and the runs of
// each document (every split view shows them; they go on while the annotator
// works or moves to other requests). A request's batch suggestions are
// gathered in batch-suggestions.ts.
import * as vscode from 'vscode';
import type { ShardRecord } from '../../core/shard/schema';
import type { LiveSuggestRun } from '../../protocol';
import type { AnnotatorDocument } from '../editor/document';
import type { ModelPanel, ModelPanels, SuggestMessage } from './model-panel';
import { errorMessage } from '../../core/error-message';
import { notify } from '../notify';
import type { HostQuirks } from './profile-check';
import { availableProfiles, backendFor, type RunProfile } from './profiles';
import { pickProfile } from './run-picks';
import type { ApiKeys } from './settings';
import { SuggestRun } from './suggest-run';

export type { SuggestMessage };

export const UNTRUSTED_SUGGEST_REASON =
  "Suggest Items is disabled in an untrusted workspace: it sends the comments' text to a server. Trust the workspace to run it; suggestions already recorded still show.";

export class SuggestItems implements vscode.Disposable {
  private readonly live = new Map<string, SuggestRun>();
  private readonly watched = new WeakSet<AnnotatorDocument>();

  constructor(
    private readonly registry: ModelPanels,
    private readonly keys: ApiKeys,
    private readonly quirks: HostQuirks,
  ) {}

  /** The webview (re)loaded: what is running for its document. */
  panelReady(panel: ModelPanel): void {
    for (const run of this.live.values()) if (run.document === panel.document) panel.post({ type: 'suggestRun', run: run.run });
  }

  handle(panel: ModelPanel, message: SuggestMessage): void {
    if (message.type === 'cancelSuggestItems') {
      this.live.get(message.id)?.cancel();
      return;
    }
    // Answered at once: the profile pick and the calls must not hold up the panel's other messages.
    panel.post({ type: 'reply', seq: message.seq, ok: true });
    this.start(panel, message.requestId, message.comments, message.scope, message.profile).catch((error: unknown) =>
      panel.post({ type: 'error', message: `Suggest Items failed: ${errorMessage(error)}`, about: 'models' }),
    );
  }

  /** Runs the extractor on `comments` of the request; resolves when the run ends (or never starts). */
  async start(
    panel: ModelPanel,
    requestId: string,
    comments: readonly string[],
    scope: LiveSuggestRun['scope'],
    profileName?: string,
  ): Promise<SuggestRun | undefined> {
    const asked = await panel.asking(() => this.ask(panel, requestId, profileName));
    if (!asked) return undefined;
    if ('error' in asked) {
      panel.post({ type: 'error', message: asked.error, about: 'models' });
      return undefined;
    }
    const { record, profile } = asked;
    const known = comments.filter((id) => record.comments.some((comment) => comment.id === id));
    if (known.length === 0) {
      panel.post({ type: 'error', message: `Request ${requestId} has none of those comments.`, about: 'models' });
      return undefined;
    }
    const document = panel.document;
    if (!this.watched.has(document)) {
      this.watched.add(document);
      document.onDidDispose(() => this.forgetDocument(document));
    }
    // One run at a time per request: a new one replaces the old (its recorded answers stay).
    for (const [id, old] of this.live)
      if (old.document === document && old.run.requestId === requestId) {
        old.dispose();
        this.live.delete(id);
      }
    const { backend, secrets } = await backendFor(profile, this.keys, this.quirks);
    const run = new SuggestRun(document, record, known, scope, profile, (state) => {
      for (const each of this.registry.panelsOf(document)) each.post({ type: 'suggestRun', run: state });
    });
    this.live.set(run.id, run);
    await run.start(backend, secrets);
    return run;
  }

  private async ask(
    panel: ModelPanel,
    requestId: string,
    profileName: string | undefined,
  ): Promise<{ record: ShardRecord; profile: RunProfile } | { error: string } | undefined> {
    if (!vscode.workspace.isTrusted) return { error: UNTRUSTED_SUGGEST_REASON };
    const document = panel.document;
    const position = await document.positionOf(requestId);
    const entry = position === undefined ? undefined : await document.read(position);
    if (entry?.kind !== 'record') return { error: `Request ${requestId} cannot be read from ${document.shardName}.` };
    const { profiles, problems } = await availableProfiles();
    for (const problem of problems) void notify.warning(problem);
    const profile = await pickProfile('Suggest items: profile', profiles, profileName);
    if (!profile || 'error' in profile) return profile;
    return { record: entry.record, profile };
  }

  private forgetDocument(document: AnnotatorDocument): void {
    for (const [id, run] of this.live)
      if (run.document === document) {
        run.dispose();
        this.live.delete(id);
      }
  }

  dispose(): void {
    for (const run of this.live.values()) run.dispose();
    this.live.clear();
  }
}
