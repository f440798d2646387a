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
  /** Anything else; the message says what. */
  | 'unknown';

export interface ModelRunErrorDetails {
  /** HTTP status when the fault came from one. */
  status?: number;
  /** What the server asked to wait before a retry (rate limits). */
  retryAfterSeconds?: number;
  /** A 400 named a parameter we sent, which one resend may cure (request-params.ts Refusal). */
  refused?: string;
}

export class ModelRunError extends Error {
  override readonly name = 'ModelRunError';
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly refused?: string;
  constructor(
    readonly kind: ModelFaultKind,
    message: string,
    details: ModelRunErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.refused = details.refused;
  }
}

export function isModelRunError(error: unknown): error is ModelRunError {
  return error instanceof ModelRunError;
}

/** Removes every occurrence of `secret` (and anything that looks like a bearer token) from text shown to users. */
export function redact(text: string, secret: string | undefined): string {
  let result = text;
  if (secret) result = result.split(secret).join('[redacted]');
  return result.replace(/Bearer\s+[^\s"']+/gi, 'Bearer [redacted]');
}
