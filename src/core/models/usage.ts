// A server's token usage, kept only as far as it is made of token counts.
// A negative, fractional, huge or string figure made the whole model-run
// event fail the log's validation, and the paid answer was lost with it: such
// a figure is left out instead, and the run says so.
import type OpenAI from 'openai';
import type { TokenUsage } from './backend';

/** No single answer costs a billion tokens: beyond that a figure is nonsense, not a count. */
const MOST_TOKENS = 1_000_000_000;

const FIELDS = [
  ['prompt_tokens', 'promptTokens'],
  ['completion_tokens', 'completionTokens'],
  ['total_tokens', 'totalTokens'],
] as const;

export interface ReadUsage {
  usage?: TokenUsage;
  /** One line when figures were left out, naming them and their values. */
  warning?: string;
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MOST_TOKENS;
}

/** The usage of a chunk (or answer) as the server sent it, good figures only. */
export function readUsage(raw: OpenAI.CompletionUsage | undefined | null): ReadUsage {
  if (raw === undefined || raw === null || typeof raw !== 'object') return {};
  const usage: TokenUsage = {};
  const dropped: string[] = [];
  for (const [wire, key] of FIELDS) {
    const value: unknown = (raw as unknown as Record<string, unknown>)[wire];
    if (value === undefined || value === null) continue;
    if (isCount(value)) usage[key] = value;
    else dropped.push(`${wire} ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}`);
  }
  const some = Object.keys(usage).length > 0;
  return {
    ...(some ? { usage } : {}),
    ...(dropped.length
      ? {
          warning: `the server's token usage held figures that are not token counts (${dropped.join(', ')}); they are left out of the recorded usage`,
        }
      : {}),
  };
}
