// Provider modes for the loopback server (openai-server.ts): each answers a
// chat request by the rules of one provider, with that provider's own error
// bodies, as their docs and issue trackers describe them: which token
// parameter it takes, whether it takes a temperature, where it streams the
// thinking, whether thinking counts against the limit, when it sends usage.
//
//   server.answerWith(providerMode('openai-reasoning'));
import type { RecordedRequest, ScriptedAnswer } from './openai-server';

export const PROVIDER_MODES = [
  'openai-reasoning',
  'azure',
  'foundry-models',
  'anthropic',
  'gemini',
  'openrouter',
  'ollama',
  'vllm',
  'vllm-old',
  'llamacpp',
  'llamacpp-no-mmproj',
  'lmstudio',
  'think',
] as const;
export type ProviderMode = (typeof PROVIDER_MODES)[number];

export interface ModeOptions {
  /** The visible answer (default: TWENTY_TITLES). */
  answer?: string;
  /** Tokens the model thinks before answering (default 1200; Gemini's and the <think> server's count against max_tokens). */
  thinkingTokens?: number;
  /** vLLM's --limit-mm-per-prompt (default 1, as vLLM before 0.11). */
  maxImages?: number;
}

/** Twenty "artist - title" lines; the fixture's truth is "blue hour - night owls" (first) and "zed band" (a hit further down). */
export const TWENTY_TITLES = Array.from({ length: 20 }, (_, index) =>
  index === 0 ? '1. Blue Hour - Night Owls' : `${index + 1}. Artist ${index + 1} - Song Number ${index + 1}`,
).join('\n');

/** Thinking that looks like titles: if any of it is scored, the first title is wrong. */
export function thinkingText(tokens: number): string {
  const head = '1. Decoy Band - Thinking Aloud\n2. Decoy Two - Not An Answer\n3. Decoy Three - Still Thinking\n';
  return head + 'hmm '.repeat(Math.max(0, tokens - head.length / 4));
}

/** A rough tokenizer: 4 characters a token. */
const tokens = (text: string): number => Math.ceil(text.length / 4);

function openAIError(message: string, param: string | null, code: string | null): object {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

function images(request: RecordedRequest): string[] {
  const urls: string[] = [];
  for (const message of request.body?.messages ?? [])
    for (const part of Array.isArray(message.content) ? message.content : [])
      if (part?.type === 'image_url') urls.push(String(part.image_url?.url ?? ''));
  return urls;
}

function limitOf(request: RecordedRequest): number {
  const body = request.body ?? {};
  return body.max_completion_tokens ?? body.max_tokens ?? Number.POSITIVE_INFINITY;
}

/** An answer whose thinking of `think` tokens counts against the limit: cut (finish "length") when both do not fit. */
function budgeted(
  request: RecordedRequest,
  answer: string,
  think: number,
  shape: { field?: string; inline?: boolean; hiddenInTotal?: boolean; usage?: boolean },
): ScriptedAnswer {
  const limit = limitOf(request);
  const thought = thinkingText(think);
  const spent = Math.min(limit, think);
  const room = Math.max(0, limit - think);
  const cut = tokens(answer) > room;
  const visible = cut ? answer.slice(0, room * 4) : answer;
  const prompt = tokens(request.raw);
  const completion = spent + tokens(visible);
  const usage = shape.hiddenInTotal
    ? // Gemini: thoughts are in the total only.
      { prompt_tokens: prompt, completion_tokens: tokens(visible), total_tokens: prompt + completion }
    : {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        completion_tokens_details: { reasoning_tokens: spent },
      };
  const shownThinking = thought.slice(0, spent * 4);
  const text = shape.inline ? `<think>\n${shownThinking}${cut && room === 0 ? '' : '\n</think>\n\n'}${visible}` : visible;
  return {
    text,
    chunks: 4,
    finishReason: cut ? 'length' : 'stop',
    usage: shape.usage === false ? null : usage,
    ...(shape.field ? { reasoning: { field: shape.field, chunks: [shownThinking.slice(0, 40), shownThinking.slice(40)] } } : {}),
  };
}

/** The answerer for one provider mode. */
export function providerMode(mode: ProviderMode, options: ModeOptions = {}): (request: RecordedRequest) => ScriptedAnswer {
  const answer = options.answer ?? TWENTY_TITLES;
  const think = options.thinkingTokens ?? 1200;
  return (request) => {
    const body = request.body ?? {};
    switch (mode) {
      case 'openai-reasoning':
      case 'azure': {
        if ('max_tokens' in body)
          return {
            status: 400,
            errorBody: openAIError(
              "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
              'max_tokens',
              'unsupported_parameter',
            ),
          };
        if ('temperature' in body && body.temperature !== 1)
          return {
            status: 400,
            errorBody: openAIError(
              `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
              'temperature',
              'unsupported_value',
            ),
          };
        const reply = budgeted(request, answer, think, {});
        if (mode === 'azure')
          reply.firstChunk = {
            id: '',
            object: '',
            created: 0,
            model: '',
            choices: [],
            prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }],
          };
        return reply;
      }
      case 'foundry-models':
        if ('stream_options' in body)
          return { status: 400, errorBody: { detail: 'Extra inputs are not permitted: stream_options' } };
        return { text: answer, chunks: 4 };
      case 'anthropic':
        if ('temperature' in body)
          return {
            status: 400,
            errorBody: {
              type: 'error',
              error: { type: 'invalid_request_error', message: '`temperature` is deprecated for this model.' },
            },
          };
        return { text: answer, chunks: 4 };
      case 'gemini':
        return budgeted(request, answer, think, { hiddenInTotal: true });
      case 'openrouter':
        return budgeted(request, answer, think, { field: 'reasoning' });
      case 'ollama': {
        const bad = images(request).find((url) => !/^data:image\/(jpeg|png|webp);base64,/.test(url));
        if (bad !== undefined)
          return {
            status: 400,
            errorBody: openAIError('invalid image input: only jpeg, png and webp are supported', null, null),
          };
        return budgeted(request, answer, think, { field: 'reasoning' });
      }
      case 'vllm':
      case 'vllm-old': {
        const limit = options.maxImages ?? 1;
        if (images(request).length > limit)
          return {
            status: 400,
            errorBody: {
              object: 'error',
              message: `At most ${limit} image(s) may be provided in one request. You can set --limit-mm-per-prompt to increase this limit.`,
              type: 'BadRequestError',
              param: null,
              code: 400,
            },
          };
        return budgeted(request, answer, think, { field: mode === 'vllm' ? 'reasoning' : 'reasoning_content' });
      }
      case 'llamacpp':
        return budgeted(request, answer, think, { field: 'reasoning_content' });
      case 'llamacpp-no-mmproj':
        if (images(request).length > 0)
          return {
            status: 500,
            errorBody: {
              error: {
                code: 500,
                message: 'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj',
                type: 'server_error',
              },
            },
          };
        return { text: answer };
      case 'lmstudio':
        if (typeof body.model !== 'string') return { status: 400, errorBody: { error: "'model' is required" } };
        return { ...budgeted(request, answer, think, { field: 'reasoning_content' }), usage: null };
      case 'think':
        return budgeted(request, answer, think, { inline: true });
    }
  };
}
