// A model profile: where and how to call one model. Profiles come from
// settings (the editor) or a JSON file (the CLI); the API key never lives in
// a profile — it comes from SecretStorage or OPENAI_API_KEY at call time.
import * as z from 'zod';

export const DEFAULT_TEMPERATURE = 0;
export const DEFAULT_MAX_TOKENS = 500;
/**
 * Tokens a reasoning model may spend thinking, on top of the 500 visible ones:
 * OpenAI's advice when starting with its reasoning models (gpt-5 at its
 * default, medium, effort included) is to reserve about 25,000 for both.
 */
export const DEFAULT_REASONING_BUDGET = 25_000;
/** One answer, from the request to its last byte: 10 minutes (a reasoning model at high effort takes minutes). */
export const DEFAULT_DEADLINE_SECONDS = 600;
/** One answer on the wire: 8 MB (500 visible tokens stream in ~100 KB; thousands of reasoning deltas in a few MB). */
export const DEFAULT_MAX_ANSWER_MEGABYTES = 8;

/** Which name the answer limit is sent under; `auto`: max_completion_tokens for OpenAI / Azure OpenAI hosts, else max_tokens. */
export const TokenParameter = z.enum(['auto', 'max_tokens', 'max_completion_tokens']);
export type TokenParameter = z.infer<typeof TokenParameter>;

/** `omit` sends no `detail` key (as the paper's code); `original` is for servers that take it (gpt-5.x). */
export const ImageDetail = z.enum(['auto', 'low', 'high', 'omit', 'original']);
export type ImageDetail = z.infer<typeof ImageDetail>;

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export const ModelProfile = z.object({
  /** Shown to the user and recorded in provenance. */
  name: z.string().min(1),
  /** OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  baseUrl: z.string().refine(isHttpUrl, 'must be an http(s) URL, e.g. http://localhost:11434/v1'),
  model: z.string().min(1),
  /** The paper's runs used 0; null never sends one (the server's default). */
  temperature: z.number().min(0).max(2).nullable().default(DEFAULT_TEMPERATURE),
  /** The visible answer's limit; the paper's runs used 500. */
  maxTokens: z.number().int().min(1).default(DEFAULT_MAX_TOKENS),
  tokenParameter: TokenParameter.default('auto'),
  /** Reasoning headroom on top of maxTokens; when set, always sent (else once the server is seen reasoning). */
  reasoningBudget: z.number().int().min(0).optional(),
  /** `reasoning_effort`, sent only when set (e.g. minimal, low, medium, high). */
  reasoningEffort: z.string().min(1).optional(),
  /** `stream_options.include_usage`: unset sends it and drops it once refused; true always; false never. */
  streamUsage: z.boolean().optional(),
  /** `detail` of each image part; the paper's code left it unset (the API's "auto"). */
  imageDetail: ImageDetail.default('auto'),
  /** Extra HTTP headers, e.g. Azure's `api-key` alternative or a gateway's routing header. Never the API key itself. */
  headers: z.record(z.string(), z.string()).default({}),
  /** The whole answer at most this long (default DEFAULT_DEADLINE_SECONDS); the idle limit alone never ends a slow drip. */
  deadlineSeconds: z.number().positive().optional(),
  /** The answer's bytes on the wire at most (default DEFAULT_MAX_ANSWER_MEGABYTES). */
  maxAnswerMegabytes: z.number().positive().optional(),
});
export type ModelProfile = z.output<typeof ModelProfile>;
/** What a user writes: everything but name, baseUrl and model may be left out. */
export type ModelProfileInput = z.input<typeof ModelProfile>;

/** A profile with defaults filled in; throws a one-line reason for a bad one. */
export function parseProfile(value: unknown, where = 'model profile'): ModelProfile {
  const parsed = ModelProfile.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new Error(`${where}: ${issue?.message ?? 'invalid'}${at}`);
}

/** The base URL's host (with port), as provenance records it: never the path, query or credentials. */
export function baseUrlHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'invalid-url';
  }
}
