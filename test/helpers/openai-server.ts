// A real HTTP server on 127.0.0.1 (random port) that speaks the chat
// completions protocol as the `openai` package uses it: JSON, or SSE when the
// request asks `stream: true`. Each request is answered by the next scripted
// answer (`enqueue`), else by the default (`answerWith`), so a test can play
// any fault: a status with Retry-After, a delay before the headers, a stall
// or a cut mid-stream, an empty answer, a latency, an answer held until the
// test releases it, an answer without end, a redirect, any error body,
// nonsense usage, an error event under HTTP 200. Every request is recorded (headers, parsed body, arrival). Used by the model tests, the editor tests and benchmarks.
//
//   const server = await OpenAIServer.start();
//   server.enqueue({ status: 429, headers: { 'retry-after': '0' } }, { text: '1. a - b' });
//   ... new OpenAI({ baseURL: server.baseUrl, apiKey: 'k' }) ...
//   server.requests[1].body.messages; await server.close();
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  /** HTTP status; anything but 200 answers with an OpenAI-style error body. Default 200. */
  status?: number;
  /** Extra response headers, e.g. { 'retry-after': '1' }. */
  headers?: Record<string, string>;
  /** Error message in the body of a non-200 answer. */
  errorMessage?: string;
  /**
   * The whole body of a non-200 answer instead of OpenAI's shape: a string is sent as text/plain, anything
   * else as JSON (vLLM's flat body, Gemini's array, {"detail": …}). A 3xx with headers.location is a redirect.
   */
  errorBody?: unknown;
  /** The answer text (default "ok"). Split into `chunks` pieces, or give `chunks` as strings. */
  text?: string;
  chunks?: number | string[];
  /** Wait before sending the headers (to trip a client timeout; or the latency of a served model). */
  headerDelayMs?: number;
  /** Hold the answer until this settles (a test releases it when it has seen what it waits for). */
  hold?: Promise<unknown>;
  /** Wait between chunks (latency of a streaming answer, or of a JSON answer). */
  chunkDelayMs?: number;
  /** Send this many chunks, then keep the connection open and silent. */
  stallAfterChunks?: number;
  /** Send this many chunks, then destroy the socket. */
  cutAfterChunks?: number;
  /** finish_reason of the last chunk; null sends none. Default "stop". */
  finishReason?: string | null;
  /** Token usage (any JSON, extra fields such as completion_tokens_details go as given, or nonsense); null sends none. Default: counted from the texts. */
  usage?: Record<string, unknown> | null;
  /** An SSE `{"error": ...}` event after the chunks instead of the finish. */
  streamError?: string;
  /** An SSE event of this JSON after the chunks instead of the finish (OpenRouter's `{"error": …, "choices": …}` under HTTP 200). */
  streamEvent?: unknown;
  /** After the chunks, send them again and again (every `chunkDelayMs`) until the client hangs up: an answer without end. */
  endless?: boolean;
  /** Thinking streamed before the answer, in `delta[field]` (OpenRouter/Ollama/vLLM "reasoning", llama.cpp/LM Studio "reasoning_content"). */
  reasoning?: { field: string; chunks: string[] };
  /** A raw chunk sent before any other (Azure's empty-choices prompt_filter_results). */
  firstChunk?: object;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body text (for "does the key appear anywhere" checks). */
  raw: string;
  /** Parsed JSON body, or undefined when it is not JSON. */
  body: any;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** Settles when the response closes: 'aborted' when the client (or a cut) ended it before the server finished. */
  closed: Promise<'finished' | 'aborted'>;
}

type Answerer = ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function splitText(text: string, chunks: number | string[] | undefined): string[] {
  if (Array.isArray(chunks)) return chunks;
  const count = Math.max(1, Math.min(chunks ?? 3, text.length || 1));
  const size = Math.ceil(text.length / count);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces.length ? pieces : [''];
}

export class OpenAIServer {
  readonly requests: RecordedRequest[] = [];
  /** Chat requests being answered now, and the most at once since start (or since `resetPeak`). */
  inFlight = 0;
  peakInFlight = 0;
  private readonly queue: Answerer[] = [];
  private fallback: Answerer = { text: 'ok' };
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Base URL for a client or profile: http://127.0.0.1:<port>/v1 */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  static async start(): Promise<OpenAIServer> {
    // The request handler needs the instance that wraps its own server.
    const self: { instance?: OpenAIServer } = {};
    const server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (part: string) => (raw += part));
      const closed = new Promise<'finished' | 'aborted'>((resolve) =>
        res.on('close', () => resolve(res.writableFinished ? 'finished' : 'aborted')),
      );
      req.on(
        'end',
        () =>
          void self.instance?.handle(
            {
              method: req.method ?? '',
              url: req.url ?? '',
              headers: req.headers,
              raw,
              body: parse(raw),
              closed,
              receivedAt: Date.now(),
            },
            res,
          ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.instance = new OpenAIServer(server, (server.address() as AddressInfo).port);
    return self.instance;
  }

  /** Answers for the next requests, in order. */
  enqueue(...answers: Answerer[]): void {
    this.queue.push(...answers);
  }

  /** The answer when the queue is empty. */
  answerWith(answer: Answerer): void {
    this.fallback = answer;
  }

  resetPeak(): void {
    this.peakInFlight = this.inFlight;
  }

  /** Stops listening and drops every open connection (stalled streams included). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(request: RecordedRequest, res: ServerResponse): Promise<void> {
    this.requests.push(request);
    if (request.method === 'GET' && request.url.endsWith('/models')) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data: [{ id: 'test-model', object: 'model', owned_by: 'test' }] }));
      return;
    }
    const next = this.queue.shift() ?? this.fallback;
    const answer = typeof next === 'function' ? next(request) : next;
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    void request.closed.then(() => this.inFlight--);
    if (answer.hold) await answer.hold;
    if (answer.headerDelayMs) await sleep(answer.headerDelayMs);
    if (res.destroyed) return;
    const status = answer.status ?? 200;
    if (status !== 200 && answer.errorBody !== undefined) {
      const text = typeof answer.errorBody === 'string';
      res
        .writeHead(status, { 'content-type': text ? 'text/plain' : 'application/json', ...answer.headers })
        .end(text ? answer.errorBody : JSON.stringify(answer.errorBody));
      return;
    }
    if (status !== 200) {
      const error = { message: answer.errorMessage ?? `scripted ${status}`, type: 'test_error', code: null, param: null };
      res.writeHead(status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify({ error }));
      return;
    }
    const id = `chatcmpl-${++this.sequence}`;
    const model = typeof request.body?.model === 'string' ? request.body.model : 'test-model';
    const text = answer.text ?? (Array.isArray(answer.chunks) ? answer.chunks.join('') : 'ok');
    const usage =
      answer.usage === null
        ? undefined
        : (answer.usage ?? {
            prompt_tokens: request.raw.length >> 2,
            completion_tokens: text.length >> 2,
            total_tokens: (request.raw.length >> 2) + (text.length >> 2),
          });
    const finishReason = answer.finishReason === undefined ? 'stop' : answer.finishReason;
    if (request.body?.stream !== true) {
      if (answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
      const body = {
        id,
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason }],
        usage,
      };
      res.writeHead(200, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(body));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...answer.headers });
    res.flushHeaders();
    const send = (data: unknown): void => void res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: object, finish: string | null): object => ({
      id,
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const pieces = splitText(text, answer.chunks);
    if (answer.firstChunk) send(answer.firstChunk);
    send(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of answer.reasoning?.chunks ?? []) send(chunk({ [answer.reasoning!.field]: piece }, null));
    for (const [index, piece] of pieces.entries()) {
      if (answer.stallAfterChunks === index) return; // keep the socket open, send nothing more
      if (answer.cutAfterChunks === index) {
        res.socket?.destroy();
        return;
      }
      if (answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
      if (res.destroyed) return;
      send(chunk({ content: piece }, null));
    }
    while (answer.endless && !res.destroyed) {
      for (const piece of pieces) {
        // Wait for the client to drain, as a real server's socket would (a client that stops reading stops it).
        if (!res.write(`data: ${JSON.stringify(chunk({ content: piece }, null))}\n\n`))
          await once(res, 'drain').catch(() => undefined);
        await sleep(answer.chunkDelayMs ?? 0);
        if (res.destroyed) return;
      }
    }
    if (answer.stallAfterChunks !== undefined) return;
    if (answer.cutAfterChunks !== undefined) {
      res.socket?.destroy();
      return;
    }
    if (answer.streamEvent !== undefined) {
      send(answer.streamEvent);
      res.end();
      return;
    }
    if (answer.streamError) {
      send({ error: { message: answer.streamError, type: 'server_error' } });
      res.end();
      return;
    }
    if (finishReason !== null) send(chunk({}, finishReason));
    if (usage && request.body?.stream_options?.include_usage)
      send({ id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage });
    res.end('data: [DONE]\n\n');
  }
}

function parse(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
