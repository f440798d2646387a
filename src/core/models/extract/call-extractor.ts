// One call of the item extractor on one comment: the paper's request
// (extractor-request.ts) through any ChatBackend, the answer parsed into items
// by the paper's rules. Rejects with a ModelRunError for every fault.
import { parseExtraction } from '../../paper/extraction';
import type { Domain } from '../../shard/schema';
import type { ChatBackend, ChatCallbacks, TokenUsage } from '../backend';
import type { ModelProfile } from '../profile';
import { EXTRACTOR_MAX_TOKENS, extractorMessages, extractorMessagesSha256 } from './extractor-request';

export interface ExtractorOptions {
  profile: ModelProfile;
  backend: ChatBackend;
  signal?: AbortSignal;
  callbacks?: ChatCallbacks;
}

export interface ExtractorAnswer {
  /** The answer text as the model gave it. */
  answer: string;
  /** Its items by the paper's parser, in answer order. */
  items: string[];
  messagesSha256: string;
  startedAt: string;
  endedAt: string;
  latencyMs: number;
  temperature: number | null;
  temperatureApplied: boolean;
  maxTokens: number;
  usage?: TokenUsage;
  finishReason?: string;
}

export async function callExtractor(domain: Domain, commentRaw: string, options: ExtractorOptions): Promise<ExtractorAnswer> {
  const { profile, backend, signal, callbacks = {} } = options;
  const messages = extractorMessages(domain, commentRaw);
  // The paper's limit, whatever the profile says: its answers were cut there.
  const request = { messages, model: profile.model, temperature: profile.temperature, maxTokens: EXTRACTOR_MAX_TOKENS };
  const startedAt = new Date();
  const started = performance.now();
  const result = await backend.chat(request, callbacks, signal);
  const latencyMs = Math.round(performance.now() - started);
  return {
    answer: result.text,
    items: parseExtraction(result.text),
    messagesSha256: extractorMessagesSha256(messages),
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + latencyMs).toISOString(),
    latencyMs,
    temperature: request.temperature,
    temperatureApplied: result.temperatureApplied,
    maxTokens: EXTRACTOR_MAX_TOKENS,
    ...(result.usage ? { usage: result.usage } : {}),
    ...(result.finishReason ? { finishReason: result.finishReason } : {}),
  };
}
