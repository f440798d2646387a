// Every way a model run can fail, as one error type with a `kind` the UI and
// the CLI switch on. Messages are for users and never contain the API key.

export type ModelFaultKind =
  /** 401/403: the key is wrong, missing or not allowed. */
  | 'unauthorized'
  /** 404: the model (or the endpoint path) does not exist. */
  | 'model-not-found'
  /** 429 still after every retry. */
  | 'rate-limited'
  /** 5xx. */
  | 'server-error'
  /** Another 4xx, e.g. 400 for a model that takes no images. */
  | 'bad-request'
  /** No response headers within the request timeout. */
  | 'timeout'
  /** Headers came, then no data for longer than the idle limit. */
  | 'stalled-stream'
  /** Nothing listens at the base URL (or the host does not resolve). */
  | 'connection-refused'
  /** The connection closed before the answer finished. */
  | 'stream-cut'
  /** The model answered with no text. */
  | 'empty-answer'
  /** The answer stopped at the token limit (finish_reason "length"): never recorded as whole. */
  | 'truncated'
  /** The server's content filter stopped the answer (finish_reason "content_filter"). */
  | 'content-filter'
  /** The user (or the caller's AbortSignal) stopped the run. */
  | 'cancelled'
  /** A local image file is larger than the configured limit. */
  | 'image-too-large'
  /** Image input was asked for but the request has no image that can be sent. */
  | 'no-usable-image'
  /** desc:<model> was asked for but no such description run exists for this request. */
  | 'no-descriptions'
  /** The request cannot run this task (e.g. rec_choice without candidates). */
  | 'not-applicable'
  /** The backend cannot do what is asked (e.g. a VS Code model that takes no images). */
  | 'unsupported'
  /** No API key was found for the profile. */
  | 'no-api-key'
  /** The server refuses a setting no retry can fix (a parameter, images): the message names what to change. */
  | 'configuration'
  /** The server answered with a redirect, which model calls never follow. */
  | 'redirected'
  /** The answer took longer than the profile's total deadline. */
  | 'deadline'
  /** The answer passed the profile's size limit. */
  | 'answer-too-large'
  /** Anything else; the message says what. */
  | 'unknown';

export interface ModelRunErrorDetails {
  /** HTTP status when the fault came from one. */
  status?: number;
  /** What the server asked to wait before a retry (rate limits). */
  retryAfterSeconds?: number;
  /** A 400 named a parameter we sent, which one resend may cure (request-params.ts Refusal). */
  refused?: string;
  /** The server's machine-readable code and parameter, when its body had them (e.g. "unsupported_parameter", "max_tokens"). */
  code?: string;
  param?: string;
}

export class ModelRunError extends Error {
  override readonly name = 'ModelRunError';
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly refused?: string;
  readonly code?: string;
  readonly param?: string;
  constructor(
    readonly kind: ModelFaultKind,
    message: string,
    details: ModelRunErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.refused = details.refused;
    if (details.code !== undefined) this.code = details.code;
    if (details.param !== undefined) this.param = details.param;
  }
}

export function isModelRunError(error: unknown): error is ModelRunError {
  return error instanceof ModelRunError;
}

/** Secrets in a message: exact copies, URL-encoded copies, and cut copies that keep at least this many leading characters. */
const PREFIX_CHARS = 8;

/** The values a profile's messages must never show: the key, and the values of its extra headers (an Azure `api-key`…). */
export function profileSecrets(apiKey: string | undefined, headers: Readonly<Record<string, string>> = {}): string[] {
  // Shorter header values ("blue", "2024-10-21"'s cousins) are routing words, and would blank ordinary text.
  const values = Object.values(headers).filter((value) => value.length >= PREFIX_CHARS);
  return [...(apiKey ? [apiKey] : []), ...values];
}

function redactOne(text: string, secret: string): string {
  if (secret.length < PREFIX_CHARS) return text.split(secret).join('[redacted]');
  // A server may echo a key cut short ("sk-proj-abcd…"): any run of its first 8+ characters goes.
  const head = secret.slice(0, PREFIX_CHARS);
  let result = '';
  let from = 0;
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, from)) {
    let length = PREFIX_CHARS;
    while (length < secret.length && text[at + length] === secret[length]) length++;
    result += `${text.slice(from, at)}[redacted]`;
    from = at + length;
  }
  return result + text.slice(from);
}

/** Removes every copy of each secret (exact, URL-encoded, or its first 8+ characters) and anything that looks like a bearer token. */
export function redact(text: string, secrets: string | readonly (string | undefined)[] | undefined): string {
  let result = text;
  const list = typeof secrets === 'string' ? [secrets] : (secrets ?? []);
  for (const secret of list) {
    if (!secret) continue;
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = redactOne(result, encoded);
    result = redactOne(result, secret);
  }
  return result.replace(/Bearer\s+[^\s"']+/gi, 'Bearer [redacted]');
}
