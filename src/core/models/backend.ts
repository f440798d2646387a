// The one interface every model backend implements: a streaming chat call.
// The OpenAI-compatible backend lives in openai-backend.ts; the editor adds
// one over VS Code's language models. Core code only ever sees this.
import type { ImageDetail } from './profile';

export type ChatContentPart =
  | { type: 'text'; text: string }
  /** `url` is a base64 `data:` URL for local files, or a remote https URL when allowed. */
  | { type: 'image_url'; image_url: { url: string; detail: ImageDetail } };

/** The paper sent one user message (prompt text, then the images) and no system message. */
export interface ChatMessage {
  role: 'user';
  content: ChatContentPart[];
}

export interface ChatRequest {
  messages: ChatMessage[];
  model: string;
  temperature: number;
  maxTokens: number;
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
  /** The backend is waiting before a retry (rate limit). */
  onWait?(info: WaitInfo): void;
}

export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

export interface ChatResult {
  /** The whole answer text. */
  text: string;
  usage?: TokenUsage;
  finishReason?: string;
  /** False when the backend could not set the temperature (e.g. VS Code language models). */
  temperatureApplied: boolean;
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
