// Which model profile `imagery run` uses: --profile NAME from a profiles file
// (--profiles FILE, else $IMAGERY_PROFILES, else VS Code's user settings), or
// one made from --base-url and --model.
import { existsSync } from 'node:fs';
import type { OpenAIBackendOptions } from '../../core/models/openai-backend';
import { type ModelProfile, parseProfile } from '../../core/models/profile';
import { readProfilesFile, vscodeUserSettingsFile } from '../../core/models/profile-file';
import { CliError, usageError } from '../cli-error';

export interface ProfileFlags {
  profile?: string;
  profiles?: string;
  'base-url'?: string;
  model?: string;
  'token-parameter'?: string;
  temperature?: string;
  'reasoning-effort'?: string;
  'reasoning-budget'?: string;
  'stream-usage'?: string;
  'image-detail'?: string;
}

/** The profile settings a flag may force, as `imagery run` declares them. */
export const PROFILE_SETTING_OPTIONS = {
  'token-parameter': { type: 'string' },
  temperature: { type: 'string' },
  'reasoning-effort': { type: 'string' },
  'reasoning-budget': { type: 'string' },
  'stream-usage': { type: 'string' },
  'image-detail': { type: 'string' },
} as const;

/** The flags' settings over the profile's, checked as a profile would be. */
function withSettingFlags(profile: ModelProfile, flags: ProfileFlags): ModelProfile {
  const set: Record<string, unknown> = {};
  if (flags['token-parameter'] !== undefined) set.tokenParameter = flags['token-parameter'];
  if (flags.temperature !== undefined) set.temperature = flags.temperature === 'none' ? null : Number(flags.temperature);
  if (flags['reasoning-effort'] !== undefined) set.reasoningEffort = flags['reasoning-effort'];
  if (flags['reasoning-budget'] !== undefined) set.reasoningBudget = Number(flags['reasoning-budget']);
  if (flags['stream-usage'] !== undefined) {
    if (flags['stream-usage'] !== 'on' && flags['stream-usage'] !== 'off')
      throw usageError(`run: --stream-usage must be on or off, got "${flags['stream-usage']}"`);
    set.streamUsage = flags['stream-usage'] === 'on';
  }
  if (flags['image-detail'] !== undefined) set.imageDetail = flags['image-detail'];
  if (Object.keys(set).length === 0) return profile;
  try {
    return parseProfile({ ...profile, ...set }, 'run');
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

function profilesFile(flags: ProfileFlags): string {
  const file = flags.profiles ?? process.env.IMAGERY_PROFILES ?? vscodeUserSettingsFile();
  if (!existsSync(file)) {
    throw new CliError(`no profiles file: give --profiles FILE (or set IMAGERY_PROFILES), or use --base-url and --model`, file);
  }
  return file;
}

export function chooseProfile(flags: ProfileFlags): ModelProfile {
  return withSettingFlags(profileOfFlags(flags), flags);
}

function profileOfFlags(flags: ProfileFlags): ModelProfile {
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

/** How long and how large one answer may be: the same flags for every command that asks a model. */
export const ANSWER_LIMIT_OPTIONS = {
  timeout: { type: 'string' },
  'idle-timeout': { type: 'string' },
  deadline: { type: 'string' },
  'max-answer-mb': { type: 'string' },
} as const;

export interface AnswerLimitFlags {
  timeout?: string;
  'idle-timeout'?: string;
  deadline?: string;
  'max-answer-mb'?: string;
}

type AnswerLimits = Pick<OpenAIBackendOptions, 'timeoutMs' | 'idleTimeoutMs' | 'deadlineMs' | 'maxAnswerBytes'>;

export function answerLimits(flags: AnswerLimitFlags): AnswerLimits {
  return {
    timeoutMs: numberOption('timeout', flags.timeout, 1000),
    idleTimeoutMs: numberOption('idle-timeout', flags['idle-timeout'], 1000),
    deadlineMs: numberOption('deadline', flags.deadline, 1000),
    maxAnswerBytes: numberOption('max-answer-mb', flags['max-answer-mb'], 1024 * 1024),
  };
}
