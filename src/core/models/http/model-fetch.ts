// The `fetch` the OpenAI client is given for model calls. It never follows a
// redirect (the prompt, images and headers would go to another host), reads
// the body of a failed answer itself (the client keeps only an `error` object
// of JSON bodies, so other shapes lost the server's words) and bounds the size
// of an answer on the wire (a server streaming for ever grew memory without
// end). Its faults are ModelRunErrors; the client wraps them as a connection
// error's `cause`, where openai-faults finds them.
import { ModelRunError, redact } from '../errors';
import { readErrorBody } from './error-body';

/** The most of a failed answer's body that is read (a hostile one may never end). */
const ERROR_BODY_BYTES = 64 * 1024;

export interface ModelFetchOptions {
  /** The configured host, for messages. */
  host: string;
  /** Bytes one answer may take on the wire (SSE framing included). */
  maxAnswerBytes: number;
  /** Values no message may show (the key, header values). */
  secrets: readonly string[];
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text + decoder.decode();
}

/** Errors the stream once more than `limit` bytes have passed. */
function capped(body: ReadableStream<Uint8Array>, limit: number, fault: () => ModelRunError): ReadableStream<Uint8Array> {
  let bytes = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(fault());
        else controller.enqueue(chunk);
      },
    }),
  );
}

export function createModelFetch(options: ModelFetchOptions): Fetch {
  const { host, maxAnswerBytes, secrets } = options;
  return async (input, init) => {
    const response = await fetch(input, { ...init, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const target = location ? new URL(location, String(input instanceof Request ? input.url : input)).href : 'nowhere';
      throw new ModelRunError(
        'redirected',
        redact(
          `${host} answered with a redirect (HTTP ${response.status}) to ${target}. Model calls never follow redirects, so nothing was sent there; if that address is the right server, put it in the profile's baseUrl.`,
          secrets,
        ),
        { status: response.status },
      );
    }
    if (!response.ok) {
      // The client reads this JSON again: the words of any shape, as {"error": {...}}.
      const said = readErrorBody(await readCapped(response.body, ERROR_BODY_BYTES));
      const headers = new Headers(response.headers);
      for (const name of ['content-length', 'content-encoding', 'transfer-encoding']) headers.delete(name);
      headers.set('content-type', 'application/json');
      return new Response(JSON.stringify({ error: said }), { status: response.status, statusText: response.statusText, headers });
    }
    if (!response.body) return response;
    const limitMb = Math.round((maxAnswerBytes / 1024 / 1024) * 100) / 100;
    const body = capped(
      response.body,
      maxAnswerBytes,
      () =>
        new ModelRunError(
          'answer-too-large',
          `The answer from ${host} passed ${limitMb} MB and was stopped (the profile's "maxAnswerMegabytes", --max-answer-mb).`,
        ),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
