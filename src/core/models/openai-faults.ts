// Turns whatever the `openai` package throws into a ModelRunError with a
// message for users. The API key is scrubbed from anything a server echoes.
import OpenAI from 'openai';
import { ModelRunError, redact, type ModelFaultKind } from './errors';
import { configurationHint } from './http/config-faults';
import { fromErrorField, type ServerError } from './http/error-body';
import { errorMessage } from '../error-message';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const CUT = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The innermost message along an error's `cause` chain (fetch says only "fetch failed" on top). */
function deepestMessage(error: unknown): string {
  let message = errorMessage(error);
  for (let current = (error as { cause?: unknown }).cause, depth = 0; current && depth < 6; depth++) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

/** The first error code found along an error's `cause` chain (fetch wraps the socket error). */
function causeCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fault our own fetch raised (a redirect, an answer too large), which the client wraps as a connection error's cause. */
function ownFault(error: unknown): ModelRunError | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof ModelRunError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The server's words: the body's error (model-fetch gave every body shape as {"error": {...}}), else the client's message. */
function serverError(error: InstanceType<typeof OpenAI.APIError>): ServerError {
  return fromErrorField(error.error) ?? { message: error.status === undefined ? error.message : '' };
}

/** What the server said, shortened and without the key. */
function serverSays(said: ServerError, secrets: readonly string[]): string {
  const text = redact(said.message.replace(/\s+/g, ' ').trim(), secrets);
  return text ? `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : '';
}

/** A refusal no retry can fix, naming what to change; undefined when it is not one. */
function configurationFault(host: string, status: number | undefined, said: ServerError, secrets: readonly string[]) {
  const hint = configurationHint(status, said);
  if (!hint) return undefined;
  const http = status === undefined ? 'during the answer' : `(HTTP ${status})`;
  // The server's own sentence may end with its own full stop: one is enough.
  const says = serverSays(said, secrets).replace(/[.\s]+$/, '');
  return new ModelRunError('configuration', `${host} cannot take this request ${http}${says}. To fix: ${hint}.`, {
    ...(status === undefined ? {} : { status }),
    ...(said.code ? { code: said.code } : {}),
    ...(said.param ? { param: said.param } : {}),
  });
}

function statusFault(status: number): { kind: ModelFaultKind; what: string } {
  if (status === 401 || status === 403) return { kind: 'unauthorized', what: 'rejected the API key' };
  if (status === 404) return { kind: 'model-not-found', what: 'does not know this model (or the base URL path is wrong)' };
  if (status === 429) return { kind: 'rate-limited', what: 'kept rate-limiting the requests' };
  if (status >= 500) return { kind: 'server-error', what: 'failed with a server error' };
  return { kind: 'bad-request', what: 'refused the request' };
}

export interface FaultContext {
  host: string;
  apiKey: string;
  /** Everything no message may show (profileSecrets); default: the key. */
  secrets?: readonly string[];
}

export function classifyOpenAIError(error: unknown, model: string, context: FaultContext): ModelRunError {
  const { host } = context;
  const secrets = context.secrets ?? [context.apiKey];
  const own = ownFault(error);
  if (own) return own;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelRunError(
      'timeout',
      `${host} did not answer in time (no response headers); is the server overloaded or the model still loading?`,
    );
  }
  if (error instanceof OpenAI.APIUserAbortError) return new ModelRunError('cancelled', 'The run was cancelled.');
  if (error instanceof OpenAI.APIConnectionError) {
    const code = causeCode(error);
    if (code && UNREACHABLE.has(code)) {
      return new ModelRunError(
        'connection-refused',
        `Cannot connect to ${host} (${code}): is the server running and the base URL right?`,
      );
    }
    if (code && CUT.has(code))
      return new ModelRunError('stream-cut', `${host} closed the connection before answering (${code}).`);
    // E.g. fetch refusing a port ("bad port") or a TLS failure: name the cause.
    return new ModelRunError('connection-refused', `Cannot connect to ${host}: ${redact(deepestMessage(error), secrets)}`);
  }
  if (error instanceof OpenAI.APIError) {
    const said = serverError(error);
    const refused = configurationFault(host, error.status, said, secrets);
    if (refused) return refused;
    if (error.status === undefined) {
      // An error event inside the stream (the server failed mid-answer; OpenRouter sends it under HTTP 200).
      return new ModelRunError('server-error', `${host} reported an error during the answer${serverSays(said, secrets)}`);
    }
    const { kind, what } = statusFault(error.status);
    const subject =
      kind === 'model-not-found' ? `${host} ${what.replace('this model', `the model "${model}"`)}` : `${host} ${what}`;
    return new ModelRunError(kind, `${subject} (HTTP ${error.status})${serverSays(said, secrets)}`, {
      status: error.status,
      retryAfterSeconds: retryAfterSeconds(error.headers),
      ...(said.code ? { code: said.code } : {}),
      ...(said.param ? { param: said.param } : {}),
    });
  }
  const code = causeCode(error);
  if (code && UNREACHABLE.has(code)) return new ModelRunError('connection-refused', `Cannot connect to ${host} (${code}).`);
  // After the headers, a broken body surfaces as a plain TypeError ("terminated") from fetch.
  if (error instanceof TypeError || code) {
    return new ModelRunError(
      'stream-cut',
      `The connection to ${host} broke before the answer finished${code ? ` (${code})` : ''}.`,
    );
  }
  const message = errorMessage(error);
  return new ModelRunError('unknown', `The call to ${host} failed: ${redact(message, secrets)}`);
}

/** Seconds a 429 asks to wait (Retry-After as seconds or a date, or retry-after-ms); undefined when absent. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}
