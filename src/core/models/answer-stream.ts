// Gathers one streamed chat completion: the answer, the thinking (reasoning
// deltas under any of the names servers use, or a leading <think> block) and
// the usage with its reasoning tokens. Chunks without choices (Azure's
// prompt_filter_results, the usage chunk) are harmless.
import type OpenAI from 'openai';
import { splitThinking, ThinkSplitter } from './answer-text';
import type { ChatCallbacks, TokenUsage } from './backend';
import { isCount, readUsage, type ReadUsage } from './usage';

/** Where servers put thinking in a delta: OpenRouter, Ollama and new vLLM `reasoning`; llama.cpp, LM Studio, old vLLM `reasoning_content`. */
const REASONING_FIELDS = ['reasoning', 'reasoning_content'] as const;

export interface GatheredAnswer {
  text: string;
  thinking?: string;
  /** "reasoning", "reasoning_content" or "think-tag" when thinking was seen. */
  reasoningField?: string;
  usage?: TokenUsage;
  finishReason?: string;
  /** Usage figures left out because they were not token counts. */
  warnings?: string[];
}

export class AnswerCollector {
  private content = '';
  private reasoning = '';
  private field: string | undefined;
  private usage: TokenUsage | undefined;
  private finishReason: string | undefined;
  private usageWarning: string | undefined;
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
    if (chunk.usage) {
      const read = toUsage(chunk.usage);
      this.usage = read.usage;
      this.usageWarning = read.warning;
    }
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
      ...(this.usageWarning ? { warnings: [this.usageWarning] } : {}),
    };
  }
}

/**
 * Usage with its reasoning tokens: `completion_tokens_details.reasoning_tokens`,
 * or (Gemini) the tokens counted in the total but in neither prompt nor completion.
 * Figures that are not token counts are left out, with a warning (usage.ts).
 */
export function toUsage(raw: OpenAI.CompletionUsage): ReadUsage {
  const read = readUsage(raw);
  const usage = read.usage;
  if (!usage) return read;
  const stated: unknown = raw.completion_tokens_details?.reasoning_tokens;
  if (isCount(stated)) usage.reasoningTokens = stated;
  else {
    const { totalTokens, promptTokens, completionTokens } = usage;
    // Only from three good figures: a figure left out is not a hidden token.
    const hidden =
      totalTokens !== undefined && promptTokens !== undefined && completionTokens !== undefined
        ? totalTokens - promptTokens - completionTokens
        : 0;
    if (hidden > 0) usage.reasoningTokens = hidden;
  }
  return read;
}
