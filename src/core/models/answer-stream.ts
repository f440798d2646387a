// Gathers one streamed chat completion: the answer, the thinking (reasoning
// deltas under any of the names servers use, or a leading <think> block) and
// the usage with its reasoning tokens. Chunks without choices (Azure's
// prompt_filter_results, the usage chunk) are harmless.
import type OpenAI from 'openai';
import { splitThinking, ThinkSplitter } from './answer-text';
import type { ChatCallbacks, TokenUsage } from './backend';

/** Where servers put thinking in a delta: OpenRouter, Ollama and new vLLM `reasoning`; llama.cpp, LM Studio, old vLLM `reasoning_content`. */
const REASONING_FIELDS = ['reasoning', 'reasoning_content'] as const;

export interface GatheredAnswer {
  text: string;
  thinking?: string;
  /** "reasoning", "reasoning_content" or "think-tag" when thinking was seen. */
  reasoningField?: string;
  usage?: TokenUsage;
  finishReason?: string;
}

export class AnswerCollector {
  private content = '';
  private reasoning = '';
  private field: string | undefined;
  private usage: TokenUsage | undefined;
  private finishReason: string | undefined;
  private readonly splitter: ThinkSplitter;

  constructor(private readonly callbacks: ChatCallbacks) {
    this.splitter = new ThinkSplitter(
      (text) => callbacks.onDelta?.(text),
      (text) => callbacks.onThinking?.(text),
    );
  }

  get receivedCharacters(): number {
    return this.content.length;
  }

  take(chunk: OpenAI.Chat.ChatCompletionChunk): void {
    const choice = chunk.choices?.[0];
    const delta = choice?.delta as (Record<string, unknown> & { content?: string | null }) | undefined;
    for (const name of REASONING_FIELDS) {
      const piece = delta?.[name];
      if (typeof piece === 'string' && piece !== '') {
        this.reasoning += piece;
        this.field ??= name;
        this.callbacks.onThinking?.(piece);
      }
    }
    if (delta?.content) {
      this.content += delta.content;
      this.splitter.push(delta.content);
    }
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    if (chunk.usage) this.usage = toUsage(chunk.usage);
  }

  result(): GatheredAnswer {
    this.splitter.end();
    const split = splitThinking(this.content);
    const thinking = [this.reasoning, split.thinking ?? ''].filter((part) => part.trim() !== '').join('\n\n');
    const field = this.field ?? (split.thinking !== undefined ? 'think-tag' : undefined);
    return {
      text: split.answer,
      ...(thinking ? { thinking } : {}),
      ...(field ? { reasoningField: field } : {}),
      ...(this.usage ? { usage: this.usage } : {}),
      ...(this.finishReason ? { finishReason: this.finishReason } : {}),
    };
  }
}

/**
 * Usage with its reasoning tokens: `completion_tokens_details.reasoning_tokens`,
 * or (Gemini) the tokens counted in the total but in neither prompt nor completion.
 */
export function toUsage(usage: OpenAI.CompletionUsage): TokenUsage {
  const result: TokenUsage = {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
  const stated = usage.completion_tokens_details?.reasoning_tokens;
  const hidden = (usage.total_tokens ?? 0) - (usage.prompt_tokens ?? 0) - (usage.completion_tokens ?? 0);
  if (typeof stated === 'number') result.reasoningTokens = stated;
  else if (hidden > 0) result.reasoningTokens = hidden;
  return result;
}
