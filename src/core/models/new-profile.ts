// The three answers "Add Model Profile…" asks for, each checked before it is
// written: a profile name is shown in notifications, quick picks and the
// panel, and recorded in provenance, so it holds only plain characters.
import { parseProfile, type ModelProfile } from './profile';

/**
 * Letters, digits, spaces and a few marks: nothing a notification, quick pick or Markdown reads as more
 * than text, and no colon, so no name passes for one of VS Code's own models ("VS Code: …").
 */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._+@/-]*$/u;
export const MAX_NAME_LENGTH = 64;

/** Why `name` cannot be a new profile's name, or undefined when it can. */
export function profileNameProblem(name: string, taken: Iterable<string>): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the profile a name.';
  if (trimmed.length > MAX_NAME_LENGTH) return `Keep the name under ${MAX_NAME_LENGTH + 1} characters.`;
  if (!SAFE_NAME.test(trimmed)) return 'Use letters, digits, spaces and . _ - + @ / only, starting with a letter or digit.';
  for (const other of taken) if (other === trimmed) return `A profile named "${trimmed}" exists already.`;
  return undefined;
}

export function baseUrlProblem(url: string): string | undefined {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'Give an http(s) URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'Give an http(s) URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.';
  if (parsed.username || parsed.password) return 'Leave credentials out of the URL: the key goes in with Set API Key.';
  return undefined;
}

export function modelNameProblem(model: string): string | undefined {
  return model.trim() === '' ? "Give the model's name as the server knows it, e.g. gpt-4o." : undefined;
}

/** The setting's entry for the three answers (trimmed), checked by the same parser that reads the setting. */
export function newProfileEntry(name: string, baseUrl: string, model: string): { name: string; baseUrl: string; model: string } {
  const entry = { name: name.trim(), baseUrl: baseUrl.trim(), model: model.trim() };
  const parsed: ModelProfile = parseProfile(entry);
  return { name: parsed.name, baseUrl: parsed.baseUrl, model: parsed.model };
}
