// "Imagery: Test Model Profile…" (imageryAnnotator.testModelProfile, also
// called with a profile name by other commands) and the editor's memory of
// what each profile's server takes: kept in globalState, one QuirkMemory per
// profile shared by every run of the session, so a test connection (or a
// first run) spares later runs the retries.
import * as vscode from 'vscode';
import { checkProfile, formatCheck, type CheckReport } from '../../core/models/check-profile';
import { profileSecrets, redact } from '../../core/models/errors';
import type { ModelProfile } from '../../core/models/profile';
import { QuirkMemory, quirksKey, readQuirks, type ServerQuirks } from '../../core/models/server-quirks';
import { uiText } from '../../core/untrusted-text';
import { notify } from '../notify';
import { offerAddProfile } from './add-profile';
import { output } from '../output';
import { configuredProfiles, type ApiKeys } from './settings';

export { TEST_PROFILE_COMMAND } from './command-ids';
const STATE_KEY = 'imageryAnnotator.serverQuirks';

export class HostQuirks {
  // By quirksKey: profile names are data, so a Map.
  private readonly memories = new Map<string, QuirkMemory>();

  constructor(private readonly state: vscode.Memento | undefined) {}

  private stored(): Map<string, ServerQuirks> {
    const entries = this.state?.get<unknown>(STATE_KEY);
    const map = new Map<string, ServerQuirks>();
    if (Array.isArray(entries))
      for (const entry of entries)
        if (Array.isArray(entry) && typeof entry[0] === 'string') map.set(entry[0], readQuirks(entry[1]));
    return map;
  }

  memoryFor(profile: ModelProfile): QuirkMemory {
    const key = quirksKey(profile);
    let memory = this.memories.get(key);
    if (!memory) {
      memory = new QuirkMemory(this.stored().get(key) ?? {}, (quirks) => {
        const all = this.stored();
        all.set(key, quirks);
        void this.state?.update(STATE_KEY, [...all.entries()]);
      });
      this.memories.set(key, memory);
    }
    return memory;
  }
}

/** Tests one configured profile (asks which when `name` is not given); undefined when none was chosen. */
export async function testModelProfile(keys: ApiKeys, quirks: HostQuirks, name?: string): Promise<CheckReport | undefined> {
  const { profiles, problems } = configuredProfiles();
  for (const problem of problems) void notify.warning(problem);
  let profile = name === undefined ? undefined : profiles.find((candidate) => candidate.name === name);
  if (name !== undefined && !profile) {
    void notify.error(`No model profile named "${name}" in imageryAnnotator.modelProfiles.`);
    return undefined;
  }
  if (!profile) {
    if (profiles.length === 0) {
      offerAddProfile();
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      profiles.map((candidate) => ({ label: uiText(candidate.name), description: uiText(candidate.model), profile: candidate })),
      { title: 'Test a model profile: one tiny request with one small image' },
    );
    if (!picked) return undefined;
    profile = picked.profile;
  }
  const chosen = profile;
  const apiKey = await keys.get(chosen.name);
  const { createOpenAIBackend } = await import('../../core/models/openai-backend');
  const memory = quirks.memoryFor(chosen);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: uiText(`Testing ${chosen.name}…`), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return checkProfile(chosen, createOpenAIBackend({ profile: chosen, apiKey, quirks: memory }), memory, controller.signal);
    },
  );
  const secrets = profileSecrets(apiKey, chosen.headers);
  const text = redact(formatCheck(report), secrets);
  output().info(`Test Model Profile\n${text}`);
  const summary = report.fault
    ? `${chosen.name} failed: ${redact(report.fault.message, secrets)}`
    : `${chosen.name} ${report.ok ? 'works' : 'answers, with a problem'}: ${report.lines
        .filter((line) => line.what !== 'answer')
        .map((line) => `${line.ok ? '✓' : '✗'} ${line.what}: ${line.says}`)
        .join('; ')}`;
  const show = report.ok ? notify.info : notify.error;
  void show(summary, 'Show Details').then((choice) => choice && output().show(true));
  return report;
}
