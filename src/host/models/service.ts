// Model runs in the editor: the panel's message hook, the Run Model and Set
// API Key commands, and workspace trust. Live runs belong to a document, so
// every editor of the shard (split views) shows them, and they go on while
// the annotator edits or moves to other requests.
import * as vscode from 'vscode';
import type { AnnotatorDocument } from '../editor/document';
import type { ModelHook, ModelMessage, ModelPanel, ModelPanels } from './model-panel';
import { LiveRun } from './live-run';
import { HostQuirks, TEST_PROFILE_COMMAND, testModelProfile } from './profile-check';
import { availableProfiles, backendFor } from './profiles';
import { planRun, type RunPlan } from './run-picks';
import type { ShardRecord } from '../../core/shard/schema';
import { ApiKeys, configuredImagePolicy, configuredProfiles } from './settings';
import { notify } from '../notify';
import { noProfileMessage, offerAddProfile } from './add-profile';
import { uiText } from '../../core/untrusted-text';
import { CANCEL_RUN_COMMAND, RunStatusBar } from '../views/run-status-bar';
import { SuggestItems, type SuggestMessage } from './suggest-items';
import { errorMessage } from '../../core/error-message';

export const UNTRUSTED_REASON =
  "Running models is disabled in an untrusted workspace: a run sends the request's text and images to a server. Trust the workspace to run models; viewing and annotating work as usual.";

export class ModelService implements ModelHook, vscode.Disposable {
  private readonly live = new Map<string, LiveRun>();
  private readonly watched = new WeakSet<AnnotatorDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly keys: ApiKeys;
  /** What each profile's server takes, learnt by runs and test connections (globalState). */
  readonly quirks: HostQuirks;
  /** Shown while a run is running or waiting. */
  readonly statusBar = new RunStatusBar();
  /** Suggest Items (the second extractor), with the same keys and profiles. */
  readonly suggestItems: SuggestItems;

  constructor(
    private readonly registry: ModelPanels,
    secrets: vscode.SecretStorage,
    globalState?: vscode.Memento,
  ) {
    this.keys = new ApiKeys(secrets);
    this.quirks = new HostQuirks(globalState);
    this.suggestItems = new SuggestItems(registry, this.keys, this.quirks);
    this.disposables.push(this.suggestItems);
    this.disposables.push(
      this.statusBar,
      vscode.commands.registerCommand(CANCEL_RUN_COMMAND, () => this.cancelNewest()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const panel of this.registry.panels()) this.sendAccess(panel);
      }),
    );
  }

  /** The webview (re)loaded: tell it whether models may run, and what is running for its document. */
  panelReady(panel: ModelPanel): void {
    this.sendAccess(panel);
    for (const run of this.live.values())
      if (run.document === panel.document) panel.post({ type: 'modelRun', run: { ...run.run } });
    this.suggestItems.panelReady(panel);
  }

  suggest(panel: ModelPanel, message: SuggestMessage): void {
    this.suggestItems.handle(panel, message);
  }

  handle(panel: ModelPanel, message: ModelMessage): void {
    switch (message.type) {
      case 'runModel':
        // Answered at once: the quick picks and the run must not hold up the panel's other messages.
        panel.post({ type: 'reply', seq: message.seq, ok: true });
        this.start(panel, message.requestId, message.choice).catch((error: unknown) =>
          this.tell(panel, `Run Model failed: ${errorMessage(error)}`),
        );
        return;
      case 'cancelModelRun':
        this.live.get(message.id)?.cancel();
        return;
      case 'keepModelRun': {
        // Answered at once too: what the keep did shows in the run's card, or as the panel's error.
        panel.post({ type: 'reply', seq: message.seq, ok: true });
        const run = this.live.get(message.id);
        const kept = run ? run.keep() : Promise.reject(new Error('That run is gone.'));
        kept.catch((error: unknown) => this.tell(panel, errorMessage(error)));
        return;
      }
      case 'dismissModelRun':
        return this.forget(message.id);
    }
  }

  /** Runs a model on the request; `choice` skips the picks already made. Resolves when the run ends (or never starts). */
  async start(panel: ModelPanel, requestId: string, choice: Parameters<typeof planRun>[2] = {}): Promise<LiveRun | undefined> {
    const fail = (message: string) => {
      this.tell(panel, message);
      return undefined;
    };
    // From the key press to the last pick the webview takes no action key (it locked itself at `p`).
    const asked = await panel.asking(() => this.ask(panel, requestId, choice));
    if (!asked) return undefined;
    if ('error' in asked) return fail(asked.error);
    const { plan, record } = asked;
    const document = panel.document;
    const { backend, secrets } = await backendFor(plan.profile, this.keys, this.quirks);
    if (!this.watched.has(document)) {
      this.watched.add(document);
      document.onDidDispose(() => this.forgetDocument(document));
    }
    const run = new LiveRun(
      document,
      requestId,
      plan,
      (state) => this.publish(document, state),
      (id, at, text) => {
        for (const each of this.registry.panelsOf(document)) each.post({ type: 'modelRunText', id, at, text });
      },
    );
    this.live.set(run.id, run);
    // Images go only from the shard's image folders (the manifest's, images/<domain>), not the whole dataset folder.
    await run.start(
      { shardFile: document.uri.fsPath, record, imageRoots: panel.modelImageFolders },
      backend,
      secrets,
      configuredImagePolicy(),
    );
    return run;
  }

  /** What to run on the request: the record and the plan the picks made; undefined when a pick was dismissed. */
  private async ask(
    panel: ModelPanel,
    requestId: string,
    choice: Parameters<typeof planRun>[2],
  ): Promise<{ plan: RunPlan; record: ShardRecord } | { error: string } | undefined> {
    if (!vscode.workspace.isTrusted) return { error: UNTRUSTED_REASON };
    const document = panel.document;
    const position = await document.positionOf(requestId);
    const entry = position === undefined ? undefined : await document.read(position);
    if (entry?.kind !== 'record') return { error: `Request ${requestId} cannot be read from ${document.shardName}.` };
    // Before any question: with no profile, every pick would be asked for nothing.
    const { profiles, problems } = await availableProfiles();
    if (problems.length > 0) this.tell(panel, problems.join(' '));
    if (profiles.length === 0) {
      offerAddProfile();
      return { error: noProfileMessage() };
    }
    const plan = await planRun(entry.record, document.state().get(requestId), choice, profiles);
    if (!plan || 'error' in plan) return plan;
    return { plan, record: entry.record };
  }

  /**
   * The one way the service tells the user something: the panel's error line. A run
   * belongs to a request in a panel, so what went wrong shows beside it, as text, and
   * goes with it; a notification would pile up away from the request, and a reply
   * cannot carry it, since model messages are answered at once (the picks and the run
   * must not hold up the panel's other messages). The palette's Set API Key has no
   * panel: it answers with a notification.
   */
  private tell(panel: ModelPanel, message: string): void {
    panel.post({ type: 'error', message, about: 'models' });
  }

  private publish(document: AnnotatorDocument, run: LiveRun['run']): void {
    for (const panel of this.registry.panelsOf(document)) panel.post({ type: 'modelRun', run: { ...run } });
    this.showActive();
  }

  private activeRuns(): LiveRun[] {
    return [...this.live.values()].filter((run) => run.active);
  }

  private showActive(): void {
    this.statusBar.show(this.activeRuns().map((run) => run.run.model));
  }

  /** The status bar item's click: cancels the newest run still running or waiting. */
  private cancelNewest(): void {
    this.activeRuns().at(-1)?.cancel();
  }

  private forget(id: string): void {
    const run = this.live.get(id);
    if (!run) return;
    run.dispose();
    this.live.delete(id);
    for (const panel of this.registry.panelsOf(run.document)) panel.post({ type: 'modelRunGone', id });
    this.showActive();
  }

  private sendAccess(panel: ModelPanel): void {
    panel.post(
      vscode.workspace.isTrusted
        ? { type: 'modelAccess', allowed: true }
        : { type: 'modelAccess', allowed: false, reason: UNTRUSTED_REASON },
    );
  }

  /** "Imagery: Set API Key": one key per configured profile, kept in SecretStorage; `name` skips the pick. */
  async setApiKey(name?: string): Promise<void> {
    const { profiles } = configuredProfiles();
    if (profiles.length === 0) return offerAddProfile();
    const named = profiles.find((profile) => profile.name === name);
    const picked =
      named ??
      (await vscode.window.showQuickPick(
        profiles.map((profile) => ({ label: uiText(profile.name), description: uiText(profile.model), name: profile.name })),
        // Kept open when focus leaves: the user may go and copy the key (a late editor focus closed it too).
        { title: 'Set the API key of a model profile', ignoreFocusOut: true },
      ));
    if (!picked) return;
    const key = await vscode.window.showInputBox({
      title: uiText(`API key for ${picked.name}`),
      prompt:
        "Kept in VS Code's secret storage, never in settings. Leave empty to remove it (OPENAI_API_KEY is then used, if set).",
      password: true,
      ignoreFocusOut: true,
    });
    if (key === undefined) return;
    await this.keys.set(picked.name, key.trim());
    const test = 'Test Connection';
    const said = key.trim() ? `API key stored for ${picked.name}.` : `API key removed for ${picked.name}.`;
    void notify.info(said, test).then((choice) => {
      if (choice === test) void vscode.commands.executeCommand(TEST_PROFILE_COMMAND, picked.name);
    });
  }

  /** "Imagery: Test Model Profile…": `name` skips the pick (the Add Model Profile command passes it). */
  testProfile(name?: string): ReturnType<typeof testModelProfile> {
    return testModelProfile(this.keys, this.quirks, typeof name === 'string' ? name : undefined);
  }

  /** A document closed: stop its runs. */
  private forgetDocument(document: AnnotatorDocument): void {
    for (const [id, run] of this.live)
      if (run.document === document) {
        run.dispose();
        this.live.delete(id);
      }
    this.showActive();
  }

  dispose(): void {
    for (const run of this.live.values()) run.dispose();
    this.live.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
