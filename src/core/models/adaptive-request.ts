// One chat call adapted to the server: a 400 naming a parameter we sent is
// answered by one resend without it (or under its other name), a model seen
// reasoning past the visible limit by one resend with the reasoning headroom.
// What was learnt goes to the profile's QuirkMemory, so later calls (the rest
// of a batch, the next session) send the right request at once.
import type { GatheredAnswer } from './answer-stream';
import type { ChatRequest, ChatResult } from './backend';
import { ModelRunError } from './errors';
import { planRequest, settingFor, type Refusal, type SentParams } from './request-params';
import type { QuirkMemory } from './server-quirks';

export interface AdaptiveCall {
  request: ChatRequest;
  baseUrl: string;
  host: string;
  quirks: QuirkMemory;
  /** Sends one request; a refused parameter rejects with a ModelRunError whose `refused` names it. */
  send(sent: SentParams): Promise<GatheredAnswer>;
  /** Called before a resend: the text streamed so far is void. */
  onResend?(reason: string): void;
}

const RESEND_REASON: Record<Refusal, string> = {
  'token-parameter': 'the server refused the token parameter; resending with the other one',
  temperature: 'the server refused the temperature; resending without it',
  'stream-options': 'the server refused stream_options; resending without it',
};

function isForced(refusal: Refusal, request: ChatRequest): boolean {
  const settings = request.settings;
  if (refusal === 'token-parameter') return (settings?.tokenParameter ?? 'auto') !== 'auto';
  if (refusal === 'stream-options') return settings?.streamUsage === true;
  return false;
}

function learnt(refusal: Refusal, sent: SentParams): Parameters<QuirkMemory['learn']>[0] {
  if (refusal === 'token-parameter')
    return { tokenParameter: sent.tokenParameter === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens' };
  if (refusal === 'temperature') return { temperatureRefused: true };
  return { streamOptionsRefused: true };
}

/** The positions (1-based) of GIF images in the request. */
function gifPositions(request: ChatRequest): number[] {
  const urls = request.messages.flatMap((message) =>
    typeof message.content === 'string'
      ? []
      : message.content.flatMap((part) => (part.type === 'image_url' ? [part.image_url.url] : [])),
  );
  return urls.flatMap((url, index) => (url.startsWith('data:image/gif') ? [index + 1] : []));
}

/** A server refusing a request with a GIF in it most likely refuses the GIF (Ollama, llama.cpp take only JPEG, PNG, WebP): say so. */
function withGifHint(fault: ModelRunError, request: ChatRequest): ModelRunError {
  const gifs = gifPositions(request);
  if (gifs.length === 0 || fault.status === undefined || fault.status < 400 || fault.status === 401 || fault.status === 429)
    return fault;
  return new ModelRunError(
    fault.kind,
    `${fault.message} (image ${gifs.join(', ')} of the request is a GIF, which some servers refuse: they take only JPEG, PNG or WebP; convert it, e.g. \`ffmpeg -i image.gif image.png\`, and point the shard at the copy)`,
    { status: fault.status },
  );
}

export async function adaptiveChat(call: AdaptiveCall): Promise<ChatResult> {
  const { request, quirks, host } = call;
  const tried = new Set<Refusal>();
  let headroomTried = false;
  // A stream_options refusal guessed from an unreadable 400 is kept only once the resend works.
  let pending: Parameters<QuirkMemory['learn']>[0] = {};
  for (;;) {
    const sent = planRequest(
      { baseUrl: call.baseUrl, temperature: request.temperature, maxTokens: request.maxTokens, settings: request.settings },
      { ...quirks.get(), ...pending },
    );
    let answer: GatheredAnswer;
    try {
      answer = await call.send(sent);
    } catch (error) {
      const fault = error instanceof ModelRunError ? error : undefined;
      const refusal = fault?.refused as Refusal | undefined;
      if (fault && !refusal) throw withGifHint(fault, request);
      if (!fault || !refusal) throw error;
      if (isForced(refusal, request) || tried.has(refusal)) {
        const forced = isForced(refusal, request) ? 'the profile forces it' : 'it was refused again after one resend';
        // A configuration fault: never retried, and it stops a batch (the same answer would come every time).
        throw new ModelRunError('configuration', `${fault.message} (${forced}: change ${settingFor(refusal)} in the profile)`, {
          status: fault.status,
          code: fault.code,
          param: fault.param,
        });
      }
      tried.add(refusal);
      if (refusal === 'stream-options' && !/stream_options|include_usage/i.test(fault.message)) pending = learnt(refusal, sent);
      else quirks.learn(learnt(refusal, sent));
      call.onResend?.(RESEND_REASON[refusal]);
      continue;
    }
    quirks.learn(pending);
    const reasoned = answer.thinking !== undefined || (answer.usage?.reasoningTokens ?? 0) > 0;
    quirks.learn({
      ...(reasoned ? { reasons: true, reasoningField: answer.reasoningField ?? 'hidden' } : {}),
      ...(sent.streamUsage ? { streamsUsage: answer.usage !== undefined } : {}),
    });
    const auto = request.settings?.reasoningBudget === undefined;
    if (answer.finishReason === 'length' && sent.reasoningBudget === 0 && reasoned && auto && !headroomTried) {
      headroomTried = true;
      call.onResend?.('the model reasoned past the answer limit; resending with the reasoning headroom');
      continue;
    }
    if (answer.finishReason === 'content_filter')
      throw new ModelRunError('content-filter', `${host}'s content filter stopped the answer (finish_reason "content_filter").`);
    if (answer.finishReason !== 'length' && answer.text.trim() === '')
      throw new ModelRunError('empty-answer', `The model ${request.model} at ${host} gave an empty answer.`);
    return {
      text: answer.text,
      ...(answer.usage ? { usage: answer.usage } : {}),
      ...(answer.finishReason ? { finishReason: answer.finishReason } : {}),
      ...(answer.thinking ? { thinking: answer.thinking } : {}),
      ...(answer.warnings ? { warnings: answer.warnings } : {}),
      temperatureApplied: sent.temperature !== undefined,
      sent,
    };
  }
}
