// What to run, asked with quick picks: task, prompt, input and profile. A
// choice the webview (or a test) already made is not asked again.
import * as vscode from 'vscode';
import type { RequestState } from '../../core/annotations/state';
import { descriptionSources, type RunInput } from '../../core/models/run-input';
import type { ShardRecord, Task } from '../../core/shard/schema';
import type { PromptVariant, RunChoice } from '../../protocol';
import type { RunProfile } from './profiles';
import { noProfileMessage, offerAddProfile } from './add-profile';
import { uiText } from '../../core/untrusted-text';

export interface RunPlan {
  task: Task;
  prompt: PromptVariant;
  input: RunInput;
  profile: RunProfile;
}

const TASKS: { task: Task; label: string; detail: string }[] = [
  { task: 'rec_title', label: 'Title generation (rec_title)', detail: 'Enumerate 20 recommendations; scored by Hit@1/10/20' },
  { task: 'rec_choice', label: 'Multiple choice (rec_choice)', detail: 'Pick one of the 5 candidates; scored right or wrong' },
  { task: 'description', label: 'Image description', detail: 'One call per image; usable later as text input' },
];

async function pick<T>(title: string, items: (vscode.QuickPickItem & { value: T })[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
  return picked?.value;
}

/** Resolves the plan, or a reason it cannot be made; undefined when the user dismissed a pick. `profiles` is not empty (the caller checks first). */
export async function planRun(
  record: ShardRecord,
  state: RequestState | undefined,
  choice: RunChoice,
  profiles: readonly RunProfile[],
): Promise<RunPlan | { error: string } | undefined> {
  const task =
    choice.task ??
    (await pick(
      'Run model: task',
      TASKS.map((entry) => ({
        label: entry.label,
        detail: entry.task === 'rec_choice' && !record.choice ? 'This request has no candidates' : entry.detail,
        value: entry.task,
      })),
    ));
  if (!task) return undefined;
  const prompt: PromptVariant | undefined =
    choice.prompt ??
    (task === 'description'
      ? 'standard'
      : await pick('Run model: prompt', [
          { label: 'Standard', detail: "The paper's standard prompt", value: 'standard' as const },
          { label: 'Chain-of-imagery', detail: 'First understand the image(s), then answer', value: 'coi' as const },
        ]));
  if (!prompt) return undefined;
  const sources = descriptionSources(record, state);
  const input = choice.input ?? (task === 'description' ? 'images' : await pickInput(sources));
  if (!input) return undefined;
  let runInput: RunInput = { kind: 'images' };
  if (input !== 'images') {
    const key = input.replace(/^desc:/, '');
    const source = sources.find((entry) => entry.run === key) ?? sources.find((entry) => entry.model === key);
    if (!source) return { error: `No description run "${key}" for request ${record.id}.` };
    runInput = { kind: 'descriptions', model: source.model, run: source.run };
  }
  const profile = await pickProfile('Run model: profile', profiles, choice.profile);
  if (!profile || 'error' in profile) return profile;
  return { task, prompt, input: runInput, profile };
}

/** A profile by name, or picked; undefined when the pick was dismissed. Suggest Items asks the same way. */
export async function pickProfile(
  title: string,
  profiles: readonly RunProfile[],
  name?: string,
): Promise<RunProfile | { error: string } | undefined> {
  if (profiles.length === 0) {
    offerAddProfile();
    return { error: noProfileMessage() };
  }
  const profile = name
    ? profiles.find((entry) => entry.profile.name === name)
    : await pick(
        title,
        profiles.map((entry) => ({
          label: uiText(entry.profile.name),
          description: uiText(entry.profile.model),
          detail:
            entry.kind === 'vscode-lm'
              ? 'VS Code language model (temperature cannot be set)'
              : uiText(hostOf(entry.profile.baseUrl)),
          value: entry,
        })),
      );
  if (!profile) return name ? { error: `No model profile named "${name}".` } : undefined;
  return profile;
}

async function pickInput(sources: ReturnType<typeof descriptionSources>): Promise<string | undefined> {
  return pick('Run model: input', [
    { label: "The request's images", value: 'images' },
    ...sources.map((source) => ({
      label: uiText(`Descriptions by ${source.model}`),
      description: source.run.startsWith('inline:') ? 'made inline' : 'stored',
      detail: source.descriptions[0] === undefined ? undefined : uiText(source.descriptions[0].slice(0, 120)),
      value: `desc:${source.run}`,
    })),
  ]);
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
