// Which model profile `imagery run` uses: --profile NAME from a profiles file
// (--profiles FILE, else $IMAGERY_PROFILES, else VS Code's user settings), or
// one made from --base-url and --model.
import { existsSync } from 'node:fs';
import { type ModelProfile, parseProfile } from '../../core/models/profile';
import { readProfilesFile, vscodeUserSettingsFile } from '../../core/models/profile-file';
import { CliError, usageError } from '../cli-error';

interface ProfileFlags {
  profile?: string;
  profiles?: string;
  'base-url'?: string;
  model?: string;
}

function profilesFile(flags: ProfileFlags): string {
  const file = flags.profiles ?? process.env.IMAGERY_PROFILES ?? vscodeUserSettingsFile();
  if (!existsSync(file)) {
    throw new CliError(`no profiles file: give --profiles FILE (or set IMAGERY_PROFILES), or use --base-url and --model`, file);
  }
  return file;
}

export function chooseProfile(flags: ProfileFlags): ModelProfile {
  const baseUrl = flags['base-url'];
  if ((flags.profile === undefined) === (baseUrl === undefined))
    throw usageError('run: give either --profile NAME or --base-url URL with --model M');
  if (baseUrl !== undefined) {
    if (!flags.model) throw usageError('run: --base-url needs --model');
    try {
      return parseProfile({ name: 'command line', baseUrl, model: flags.model }, '--base-url');
    } catch (error) {
      throw usageError(`run: ${(error as Error).message.replace('(baseUrl)', `("${baseUrl}")`)}`);
    }
  }
  const file = profilesFile(flags);
  let profiles: ModelProfile[];
  try {
    profiles = readProfilesFile(file);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const found = profiles.find((profile) => profile.name === flags.profile);
  if (!found) {
    const names = profiles.map((profile) => `"${profile.name}"`).join(', ') || 'none';
    throw new CliError(`no profile "${flags.profile}" (profiles: ${names})`, file);
  }
  if (flags.model) return { ...found, model: flags.model };
  return found;
}

/** A positive number option times `scale` (seconds -> ms, MB -> bytes); undefined when absent. */
export function numberOption(name: string, value: string | undefined, scale: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || value.trim() === '')
    throw usageError(`run: --${name} must be a positive number, got "${value}"`);
  return Math.round(number * scale);
}
