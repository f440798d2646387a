// The OpenAI-compatible backend (OpenAI, Azure's v1 endpoint, Ollama, vLLM,
// LM Studio...). Implementation follows; this is its public shape.
import type { ChatBackend } from './backend';
import type { ModelProfile } from './profile';

export interface OpenAIBackendOptions {
  profile: Pick<ModelProfile, 'baseUrl' | 'headers'>;
  /** Sent only as `Authorization: Bearer <key>`. Empty for servers that need none (Ollama). */
  apiKey: string;
  /** Wait for response headers at most this long (default 120 s). */
  timeoutMs?: number;
  /** After the headers, fail when no data arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** Retries after a 429 (default 4), each honouring Retry-After. */
  maxRetries?: number;
  /** A Retry-After longer than this fails at once as rate-limited (default 120 s). */
  maxRetryWaitSeconds?: number;
}

export function createOpenAIBackend(options: OpenAIBackendOptions): ChatBackend {
  void options;
  throw new Error('createOpenAIBackend: not implemented yet');
}
