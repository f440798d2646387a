// The OpenAI-compatible backend (OpenAI, Azure's v1 endpoint, Ollama, vLLM,
// LM Studio...), over the `openai` package. The package's own retries are off:
// a 429 is retried here so the wait can be reported, and its timeout covers
// only the wait for headers, so an idle watchdog guards the stream after them
// and a total deadline the whole answer. Its fetch (http/model-fetch.ts)
// refuses redirects, reads every error body and bounds the answer's size.
import OpenAI from 'openai';
import { adaptiveChat } from './adaptive-request';
import { AnswerCollector, type GatheredAnswer } from './answer-stream';
import type { ChatBackend, ChatCallbacks, ChatRequest } from './backend';
import { ModelRunError, profileSecrets } from './errors';
import { createModelFetch } from './http/model-fetch';
import { classifyOpenAIError } from './openai-faults';
import { DEFAULT_DEADLINE_SECONDS, DEFAULT_MAX_ANSWER_MEGABYTES, type ModelProfile } from './profile';
import { bodyParams, refusalOf, type SentParams } from './request-params';
import { QuirkMemory } from './server-quirks';

export interface OpenAIBackendOptions {
  profile: Pick<ModelProfile, 'baseUrl' | 'headers'> & Partial<Pick<ModelProfile, 'deadlineSeconds' | 'maxAnswerMegabytes'>>;
  /** Sent only as `Authorization: Bearer <key>`. Empty for servers that need none (Ollama). */
  apiKey: string;
  /** Wait for response headers at most this long (default 120 s). */
  timeoutMs?: number;
  /** After the headers, fail when no data arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** The whole answer, headers to last byte, at most this long (default: the profile's deadlineSeconds, else 600 s). */
  deadlineMs?: number;
  /** The answer's bytes on the wire at most (default: the profile's maxAnswerMegabytes, else 8 MB). */
  maxAnswerBytes?: number;
  /** Retries after a 429 (default 4), each honouring Retry-After. */
  maxRetries?: number;
  /** Backoff when a 429 carries no Retry-After: this, doubled each retry (default 1 s). */
  retryBaseSeconds?: number;
  /** A Retry-After longer than this fails at once as rate-limited (default 120 s). */
  maxRetryWaitSeconds?: number;
  /** The clock that 429 pauses are timed by (Date.now); a test can hold it still. */
  now?: () => number;
  /** What this profile's server has refused or shown before; shared by every call (default: a fresh one). */
  quirks?: QuirkMemory;
}

const DEFAULTS = { timeoutMs: 120_000, idleTimeoutMs: 60_000, maxRetries: 4, retryBaseSeconds: 1, maxRetryWaitSeconds: 120 };

/** Waits `seconds`, or rejects as cancelled when `signal` aborts first. */
function wait(seconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): void => {
      clearTimeout(timer);
      reject(new ModelRunError('cancelled', 'The run was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, seconds * 1000);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function createOpenAIBackend(options: OpenAIBackendOptions): ChatBackend {
  // An option given as undefined keeps its default (a spread would put undefined, and the watchdog would fire at once).
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const host = safeHost(options.profile.baseUrl);
  const secrets = profileSecrets(options.apiKey, options.profile.headers);
  const deadlineMs = settings.deadlineMs ?? (options.profile.deadlineSeconds ?? DEFAULT_DEADLINE_SECONDS) * 1000;
  const maxAnswerBytes =
    settings.maxAnswerBytes ?? Math.round((options.profile.maxAnswerMegabytes ?? DEFAULT_MAX_ANSWER_MEGABYTES) * 1024 * 1024);
  const client = new OpenAI({
    // Explicit, so OPENAI_BASE_URL / OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_LOG never redirect or log a profile.
    baseURL: options.profile.baseUrl,
    apiKey: options.apiKey,
    organization: null,
    project: null,
    webhookSecret: null,
    logLevel: 'off',
    maxRetries: 0,
    timeout: settings.timeoutMs,
    defaultHeaders: options.profile.headers,
    fetch: createModelFetch({ host, maxAnswerBytes, secrets }),
  });
  const context = { host, apiKey: options.apiKey, secrets };

  const quirks = options.quirks ?? new QuirkMemory();

  async function attempt(
    request: ChatRequest,
    sent: SentParams,
    callbacks: ChatCallbacks,
    signal: AbortSignal | undefined,
  ): Promise<GatheredAnswer> {
    const controller = new AbortController();
    let stalled = false;
    let overdue = false;
    const forward = (): void => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    // The idle watchdog is re-armed by every chunk: only this ends a server that drips for ever.
    const deadline = setTimeout(() => {
      overdue = true;
      controller.abort();
    }, deadlineMs);
    let watchdog: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, settings.idleTimeoutMs);
    };
    // Aborts end the package's stream silently (it returns instead of throwing), so the flags decide.
    const interrupted = (): ModelRunError | undefined => {
      if (signal?.aborted) return new ModelRunError('cancelled', 'The run was cancelled.');
      if (overdue) {
        return new ModelRunError(
          'deadline',
          `The answer from ${host} was not finished after ${deadlineMs / 1000} s, the limit for one answer (the profile's "deadlineSeconds", --deadline); ${collector.receivedCharacters} characters had arrived.`,
        );
      }
      if (stalled) {
        return new ModelRunError(
          'stalled-stream',
          `The answer from ${host} stopped: no data for ${settings.idleTimeoutMs / 1000} s after it started.`,
        );
      }
      return undefined;
    };
    const collector = new AnswerCollector(callbacks);
    try {
      if (signal?.aborted) throw interrupted();
      const body = {
        model: request.model,
        // The SDK's content-part type is the same shape as ChatContentPart.
        messages: request.messages as OpenAI.Chat.ChatCompletionMessageParam[],
        ...bodyParams(sent),
      } as OpenAI.Chat.ChatCompletionCreateParamsStreaming;
      const stream = await client.chat.completions.create(body, { signal: controller.signal });
      arm();
      for await (const chunk of stream) {
        arm();
        collector.take(chunk);
      }
    } catch (error) {
      const stop = interrupted();
      if (stop) throw stop;
      const fault = error instanceof ModelRunError ? error : classifyOpenAIError(error, request.model, context);
      // The SDK's error, or a fault already classified, may name a parameter the server refused.
      const refused = refusalOf(error, sent) ?? refusalOf(fault, sent);
      throw refused
        ? new ModelRunError(fault.kind, fault.message, { status: fault.status, refused, code: fault.code, param: fault.param })
        : fault;
    } finally {
      clearTimeout(watchdog);
      clearTimeout(deadline);
      signal?.removeEventListener('abort', forward);
      // A fault in the middle (an answer too large) leaves the connection open otherwise.
      controller.abort();
    }
    const stop = interrupted();
    if (stop) throw stop;
    const answer = collector.result();
    if (answer.finishReason === undefined) {
      throw new ModelRunError(
        'stream-cut',
        `The connection to ${host} closed before the answer finished (${collector.receivedCharacters} characters received).`,
      );
    }
    return answer;
  }

  // A 429 slows every call of this backend, not only the one that got it: a
  // batch of concurrent requests then backs off together instead of hammering.
  let resumeAt = 0;
  const now = options.now ?? Date.now;

  return {
    kind: 'openai',
    async chat(request, callbacks, signal) {
      // The pause this call has already waited out. A timer may fire a millisecond before the clock
      // reaches its end: without this, the call reported a second, phantom wait of its own pause.
      let waitedUntil = 0;
      for (let retry = 0; ; retry++) {
        const shared = (resumeAt - now()) / 1000;
        if (shared > 0 && resumeAt > waitedUntil) {
          callbacks.onWait?.({
            attempt: retry,
            seconds: Math.ceil(shared * 10) / 10,
            reason: `rate limited (429) by ${host}, waiting with the other requests`,
          });
          await wait(shared, signal);
        }
        try {
          return await adaptiveChat({
            request,
            baseUrl: options.profile.baseUrl,
            host,
            quirks,
            send: (sent) => attempt(request, sent, callbacks, signal),
            onResend: (reason) => callbacks.onResend?.(reason),
          });
        } catch (error) {
          const fault = error as ModelRunError;
          if (fault.kind !== 'rate-limited' || retry >= settings.maxRetries) throw fault;
          const seconds = fault.retryAfterSeconds ?? settings.retryBaseSeconds * 2 ** retry;
          if (seconds > settings.maxRetryWaitSeconds) throw fault;
          const until = now() + seconds * 1000;
          resumeAt = Math.max(resumeAt, until);
          callbacks.onWait?.({ attempt: retry + 1, seconds, reason: `rate limited (429) by ${host}` });
          await wait(seconds, signal);
          waitedUntil = until;
        }
      }
    },
  };
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    throw new ModelRunError('unknown', `The base URL "${baseUrl}" is not a URL.`);
  }
}
