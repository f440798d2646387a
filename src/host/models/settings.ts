// Model settings: the profiles, the image limits, and the API keys (kept in
// VS Code's SecretStorage per profile, never in settings).
import * as vscode from 'vscode';
import { DEFAULT_MAX_IMAGE_BYTES, type ImagePolicy } from '../../core/models/image-files';
import { parseProfile, type ModelProfile } from '../../core/models/profile';
import { errorMessage } from '../../core/error-message';

const SECTION = 'imageryAnnotator';

export interface ProfilesRead {
  profiles: ModelProfile[];
  /** One line per profile that could not be read (which one and why). */
  problems: string[];
}

/** The `imageryAnnotator.modelProfiles` setting; `extraHeaders` there is the core profile's `headers`. */
export function configuredProfiles(): ProfilesRead {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown[]>('modelProfiles') ?? [];
  const profiles: ModelProfile[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  (Array.isArray(raw) ? raw : []).forEach((entry, index) => {
    try {
      const { extraHeaders, ...rest } = (entry ?? {}) as { extraHeaders?: unknown };
      const profile = parseProfile({ ...rest, headers: extraHeaders ?? {} }, `imageryAnnotator.modelProfiles[${index}]`);
      if (names.has(profile.name))
        throw new Error(`imageryAnnotator.modelProfiles[${index}]: the name "${profile.name}" is used twice`);
      names.add(profile.name);
      profiles.push(profile);
    } catch (error) {
      problems.push(errorMessage(error));
    }
  });
  return { profiles, problems };
}

export function configuredImagePolicy(): ImagePolicy {
  const config = vscode.workspace.getConfiguration(SECTION);
  const megabytes = config.get<number>('models.maxImageMegabytes');
  const maxBytes = typeof megabytes === 'number' && megabytes > 0 ? Math.round(megabytes * 1024 * 1024) : DEFAULT_MAX_IMAGE_BYTES;
  return { maxBytes, allowRemote: config.get<boolean>('models.allowRemoteImages') === true };
}

/** API keys per profile name in SecretStorage; OPENAI_API_KEY from the environment is the fallback. */
export class ApiKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private static storageKey(profile: string): string {
    return `imageryAnnotator.apiKey:${profile}`;
  }

  async get(profile: string): Promise<string> {
    return (await this.secrets.get(ApiKeys.storageKey(profile))) ?? process.env.OPENAI_API_KEY ?? '';
  }

  async set(profile: string, key: string): Promise<void> {
    if (key === '') await this.secrets.delete(ApiKeys.storageKey(profile));
    else await this.secrets.store(ApiKeys.storageKey(profile), key);
  }
}
