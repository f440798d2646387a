// A model profile: where and how to call one model. Profiles come from
// settings (the editor) or a JSON file (the CLI); the API key never lives in
// a profile — it comes from SecretStorage or OPENAI_API_KEY at call time.
import * as z from 'zod';

export const DEFAULT_TEMPERATURE = 0;
export const DEFAULT_MAX_TOKENS = 500;
/** One answer, from the request to its last byte: 10 minutes (a reasoning model at high effort takes minutes). */
export const DEFAULT_DEADLINE_SECONDS = 600;
/** One answer on the wire: 8 MB (500 visible tokens stream in ~100 KB; thousands of reasoning deltas in a few MB). */
export const DEFAULT_MAX_ANSWER_MEGABYTES = 8;

export const ImageDetail = z.enum(['auto', 'low', 'high']);
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
  /** The paper's runs used 0. */
  temperature: z.number().min(0).max(2).default(DEFAULT_TEMPERATURE),
  /** The paper's runs used 500. */
  maxTokens: z.number().int().min(1).default(DEFAULT_MAX_TOKENS),
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
