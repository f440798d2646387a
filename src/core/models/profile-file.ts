// Model profiles for the command line, read from a JSON (or VS Code JSONC)
// file: a VS Code settings.json ("imageryAnnotator.modelProfiles", each entry
// with `extraHeaders`, as the editor's setting), {"profiles": [...]}, or a
// bare array. The API key is never in this file.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseProfile, type ModelProfile } from './profile';

export const PROFILES_SETTING = 'imageryAnnotator.modelProfiles';

/** VS Code's user settings file on this platform (where machine-scoped settings live). */
export function vscodeUserSettingsFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Code', 'User', 'settings.json');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Code', 'User', 'settings.json');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Code', 'User', 'settings.json');
}

/** One settings entry -> a profile; `extraHeaders` (the setting's name) or `headers`. */
export function profileFromSetting(entry: unknown, where: string): ModelProfile {
  const { extraHeaders, headers, ...rest } = (entry ?? {}) as { extraHeaders?: unknown; headers?: unknown };
  return parseProfile({ ...rest, headers: extraHeaders ?? headers ?? {} }, where);
}

/** Every profile of a file's text; throws "file: why" for bad JSON, a bad entry or a name used twice. */
export function parseProfilesText(text: string, file: string): ModelProfile[] {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const line = text.slice(0, errors[0].offset).split('\n').length;
    throw new Error(`${file}:${line}: not JSON (${printParseErrorCode(errors[0].error)})`);
  }
  const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const list = Array.isArray(value) ? value : (object?.[PROFILES_SETTING] ?? object?.profiles);
  if (list === undefined) throw new Error(`${file}: no "${PROFILES_SETTING}" (or "profiles") list`);
  if (!Array.isArray(list)) throw new Error(`${file}: "${PROFILES_SETTING}" must be a list of profiles`);
  const names = new Set<string>();
  return list.map((entry, index) => {
    const profile = profileFromSetting(entry, `${file}: profile ${index + 1}`);
    if (names.has(profile.name)) throw new Error(`${file}: the profile name "${profile.name}" is used twice`);
    names.add(profile.name);
    return profile;
  });
}

export function readProfilesFile(file: string): ModelProfile[] {
  return parseProfilesText(readFileSync(file, 'utf8'), file);
}
