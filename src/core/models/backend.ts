// The one interface every model backend implements: a streaming chat call.
// The OpenAI-compatible backend lives in openai-backend.ts; the editor adds
// one over VS Code's language models. Core code only ever sees this.
import type { ImageDetail } from './profile';
import type { RequestSettings, SentParams } from './request-params';

export type ChatContentPart =
  | { type: 'text'; text: string }
  /** `url` is a base64 `data:` URL for local files, or a remote https URL when allowed. */
  | { type: 'image_url'; image_url: { url: string; detail?: Exclude<ImageDetail, 'omit'> } };

/**
 * The paper sent one user message (prompt text, then the images) and no system
 * message; its item extractor sent the content as a plain string.
 */
export interface ChatMessage {
  role: 'user';
  content: string | ChatContentPart[];
}

export interface ChatRequest {
  messages: ChatMessage[];
  model: string;
  /** null: send none. */
  temperature: number | null;
  /** The visible answer's limit (the paper's 500). */
  maxTokens: number;
  /** The profile's request settings (token parameter, reasoning...); backends that cannot use them ignore them. */
  settings?: RequestSettings;
}

export interface WaitInfo {
  /** 1 for the first retry; 0 when a call waits before its first try because another call of the same backend was rate limited. */
  attempt: number;
  /** How long the backend waits before retrying. */
  seconds: number;
  /** Why, in words, e.g. "rate limited (429)". */
  reason: string;
}

export interface ChatCallbacks {
  /** Each piece of answer text as it streams in. */
  onDelta?(text: string): void;
  /** Each piece of the model's thinking as it streams in (never part of the answer). */
  onThinking?(text: string): void;
  /** The backend is waiting before a retry (rate limit). */
  onWait?(info: WaitInfo): void;
  /** The backend resends, adapted to the server (a refused parameter, reasoning headroom): text streamed so far is void. */
  onResend?(reason: string): void;
}

export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  /** Of the completion tokens, those spent reasoning (hidden or shown as thinking). */
  reasoningTokens?: number;
}

export interface ChatResult {
  /** The whole answer text. */
  text: string;
  usage?: TokenUsage;
  finishReason?: string;
  /** False when the backend could not set the temperature (e.g. VS Code language models, or a server that refused it). */
  temperatureApplied: boolean;
  /** The model's thinking (reasoning deltas, or a leading <think> block), never part of `text`. */
  thinking?: string;
  /** What the request carried, after any adaptation to the server. */
  sent?: SentParams;
  /** What the user should know about an answer kept as it is (e.g. usage figures left out). */
  warnings?: string[];
}

export interface ChatBackend {
  /** Recorded in provenance: "openai" or "vscode-lm". */
  readonly kind: string;
  /**
   * Streams one chat completion. Rejects with a ModelRunError for every fault
   * (kind 'cancelled' when `signal` aborts); resolves only with a non-empty answer.
   */
  chat(request: ChatRequest, callbacks: ChatCallbacks, signal?: AbortSignal): Promise<ChatResult>;
}
