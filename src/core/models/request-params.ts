// The parameters of one chat request, adapted to the server by what it is
// (an OpenAI or Azure OpenAI host) and by what it has refused before (the
// learnt quirks), never by the model's name: names go stale, and an Azure
// deployment's name says nothing of its family.
import OpenAI from 'openai';
import { DEFAULT_REASONING_BUDGET, type TokenParameter } from './profile';
import type { ServerQuirks } from './server-quirks';

/** The profile's settings a request carries to the backend. */
export interface RequestSettings {
  tokenParameter: TokenParameter;
  reasoningBudget?: number;
  reasoningEffort?: string;
  streamUsage?: boolean;
}

/** What one request actually carried (recorded with the run). */
export interface SentParams {
  tokenParameter: 'max_tokens' | 'max_completion_tokens';
  /** The limit sent: the visible answer's (maxTokens), plus the reasoning headroom when given. */
  tokenLimit: number;
  /** The reasoning headroom included in tokenLimit (0 when none). */
  reasoningBudget: number;
  /** Absent when no temperature was sent. */
  temperature?: number;
  reasoningEffort?: string;
  /** stream_options.include_usage was sent. */
  streamUsage: boolean;
}

/** Hosts that serve OpenAI's own models: their token parameter is max_completion_tokens (which counts reasoning). */
export function isOpenAIHost(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'api.openai.com') return true;
  if (host.endsWith('.openai.azure.com') || host.endsWith('.cognitiveservices.azure.com')) return true;
  // Azure AI Foundry serves OpenAI's models under /openai/ (its /models endpoint serves every family).
  return host.endsWith('.azure.com') && /\/openai(\/|$)/.test(url.pathname);
}

interface PlanInput {
  baseUrl: string;
  temperature: number | null;
  maxTokens: number;
  settings?: RequestSettings;
}

export function planRequest(input: PlanInput, quirks: Readonly<ServerQuirks>): SentParams {
  const settings = input.settings ?? { tokenParameter: 'auto' };
  const tokenParameter =
    settings.tokenParameter !== 'auto'
      ? settings.tokenParameter
      : (quirks.tokenParameter ?? (isOpenAIHost(input.baseUrl) ? 'max_completion_tokens' : 'max_tokens'));
  // Headroom where reasoning is known or likely: a budget the user set, an effort asked for,
  // max_completion_tokens (it counts reasoning by definition), or a model seen reasoning.
  const reasons =
    settings.reasoningBudget !== undefined ||
    settings.reasoningEffort !== undefined ||
    tokenParameter === 'max_completion_tokens' ||
    quirks.reasons === true;
  const reasoningBudget = reasons ? (settings.reasoningBudget ?? DEFAULT_REASONING_BUDGET) : 0;
  const sendTemperature = input.temperature !== null && quirks.temperatureRefused !== true;
  return {
    tokenParameter,
    tokenLimit: input.maxTokens + reasoningBudget,
    reasoningBudget,
    ...(sendTemperature ? { temperature: input.temperature as number } : {}),
    ...(settings.reasoningEffort !== undefined ? { reasoningEffort: settings.reasoningEffort } : {}),
    streamUsage: settings.streamUsage ?? quirks.streamOptionsRefused !== true,
  };
}

/** The JSON body's parameters besides model and messages. */
export function bodyParams(sent: SentParams): Record<string, unknown> {
  return {
    [sent.tokenParameter]: sent.tokenLimit,
    ...(sent.temperature !== undefined ? { temperature: sent.temperature } : {}),
    ...(sent.reasoningEffort !== undefined ? { reasoning_effort: sent.reasoningEffort } : {}),
    stream: true,
    ...(sent.streamUsage ? { stream_options: { include_usage: true } } : {}),
  };
}

/** A parameter the server refused, which one resend without it (or with the other name) may cure. */
export type Refusal = 'token-parameter' | 'temperature' | 'stream-options';

/** Everything kept of an error answer (the SDK's error, or any error with a status and the server's words), as text. */
function errorText(error: { message?: unknown; param?: unknown; code?: unknown; error?: unknown; rawBody?: unknown }): string {
  return [error.message, error.param, error.code, JSON.stringify(error.error ?? null), error.rawBody]
    .filter((part) => typeof part === 'string')
    .join(' ');
}

/** Which sent parameter a 400/422 names; undefined for any other fault. */
export function refusalOf(error: unknown, sent: SentParams): Refusal | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (!(error instanceof Error) || (status !== 400 && status !== 422)) return undefined;
  const text = errorText(error as Parameters<typeof errorText>[0]);
  // "max_tokens is too large / maximum context length" is about the value, not the name.
  const aboutLength = /too large|context length|maximum context/i.test(text);
  // Only a refusal of the name itself ("max_tokens must be at least 1" is about its value).
  const refusesName =
    /unsupported|not supported|does not support|deprecated|not permitted|not allowed|unrecognized|unknown (parameter|field|argument)|extra inputs|only the default/i.test(
      text,
    );
  if (!aboutLength && refusesName && text.includes(sent.tokenParameter)) return 'token-parameter';
  if (sent.temperature !== undefined && refusesName && /temperature/i.test(text)) return 'temperature';
  if (sent.streamUsage && /stream_options|include_usage/i.test(text)) return 'stream-options';
  // A 400 with no reason the SDK could read (Foundry's {"detail": ...}) while stream_options was sent.
  const unread =
    error instanceof OpenAI.APIError && error.error === undefined && (error as { rawBody?: unknown }).rawBody === undefined;
  if (sent.streamUsage && unread) return 'stream-options';
  return undefined;
}

/** The setting a user changes when a refusal persists (or was forced by the profile). */
export function settingFor(refusal: Refusal): string {
  if (refusal === 'token-parameter') return '`tokenParameter` (max_tokens or max_completion_tokens)';
  if (refusal === 'temperature') return '`temperature` (null sends none)';
  return '`streamUsage` (false sends no stream_options)';
}
