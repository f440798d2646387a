// The profiles a run can use: the configured OpenAI-compatible ones, and the
// chat models VS Code already has (vscode.lm), each with its backend.
import * as vscode from 'vscode';
import type { ChatBackend } from '../../core/models/backend';
import { profileSecrets } from '../../core/models/errors';
import { DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE, type ModelProfile } from '../../core/models/profile';
import { LanguageModelBackend } from './lm-backend';
import type { HostQuirks } from './profile-check';
import { configuredProfiles, type ApiKeys } from './settings';
import { errorMessage } from '../../core/error-message';

export type RunProfile =
  { kind: 'openai'; profile: ModelProfile } | { kind: 'vscode-lm'; profile: ModelProfile; model: vscode.LanguageModelChat };

export interface AvailableProfiles {
  profiles: RunProfile[];
  problems: string[];
}

export const LM_PROFILE_PREFIX = 'VS Code: ';

function languageModelProfile(model: vscode.LanguageModelChat): RunProfile {
  return {
    kind: 'vscode-lm',
    model,
    profile: {
      name: `${LM_PROFILE_PREFIX}${model.name} (${model.vendor})`,
      baseUrl: `vscode-lm:${model.vendor}`,
      model: model.id,
      temperature: DEFAULT_TEMPERATURE,
      maxTokens: DEFAULT_MAX_TOKENS,
      tokenParameter: 'auto',
      imageDetail: 'auto',
      headers: {},
    },
  };
}

export async function availableProfiles(): Promise<AvailableProfiles> {
  const { profiles, problems } = configuredProfiles();
  const configured: RunProfile[] = profiles.map((profile) => ({ kind: 'openai', profile }));
  let models: vscode.LanguageModelChat[] = [];
  try {
    models = await vscode.lm.selectChatModels();
  } catch (error) {
    problems.push(`VS Code's language models could not be listed: ${errorMessage(error)}`);
  }
  return { profiles: [...configured, ...models.map(languageModelProfile)], problems };
}

/** The backend for a profile, and the secrets its messages must never show (the key, extra header values). */
export async function backendFor(
  choice: RunProfile,
  keys: ApiKeys,
  quirks?: HostQuirks,
): Promise<{ backend: ChatBackend; secrets: string[] }> {
  if (choice.kind === 'vscode-lm') return { backend: new LanguageModelBackend(choice.model), secrets: [] };
  const apiKey = await keys.get(choice.profile.name);
  // Loaded on the first run, not at activation: the OpenAI client is the bundle's largest part after zod.
  const { createOpenAIBackend } = await import('../../core/models/openai-backend');
  // What this profile's server refused before is sent right at once.
  const memory = quirks?.memoryFor(choice.profile);
  return {
    backend: createOpenAIBackend({ profile: choice.profile, apiKey, quirks: memory }),
    secrets: profileSecrets(apiKey, choice.profile.headers),
  };
}
