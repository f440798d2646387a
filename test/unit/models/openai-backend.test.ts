// The OpenAI-compatible backend against a real loopback server, driven by the
// real `openai` client: streaming, parameters, every fault, cancellation.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { WaitInfo } from '../../../src/core/models/backend';
import { createOpenAIBackend, type OpenAIBackendOptions } from '../../../src/core/models/openai-backend';
import { OpenAIServer } from '../../helpers/openai-server';
import { fault, KEY, REQUEST } from './backend-fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

function backend(options: Partial<OpenAIBackendOptions> = {}) {
  return createOpenAIBackend({
    profile: { baseUrl: server.baseUrl, headers: {} },
    apiKey: KEY,
    retryBaseSeconds: 0.01,
    ...options,
  });
}

describe('OpenAI backend', () => {
  test('streams the answer piece by piece and returns usage, finish reason and the parameters sent', async () => {
    server.enqueue({
      text: '1. a - b\n2. c - d',
      chunks: ['1. a', ' - b\n', '2. c - d'],
      usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
    });
    const deltas: string[] = [];
    const result = await backend().chat(REQUEST, { onDelta: (text) => deltas.push(text) });
    assert.deepEqual(deltas, ['1. a', ' - b\n', '2. c - d']);
    assert.deepEqual(result, {
      text: '1. a - b\n2. c - d',
      usage: { promptTokens: 11, completionTokens: 7, totalTokens: 18 },
      finishReason: 'stop',
      temperatureApplied: true,
      sent: { tokenParameter: 'max_tokens', tokenLimit: 500, reasoningBudget: 0, temperature: 0, streamUsage: true },
    });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.url, '/v1/chat/completions');
    assert.deepEqual(
      { model: sent.body.model, temperature: sent.body.temperature, max_tokens: sent.body.max_tokens, stream: sent.body.stream },
      { model: 'vision-1', temperature: 0, max_tokens: 500, stream: true },
    );
    assert.deepEqual(sent.body.stream_options, { include_usage: true });
    assert.deepEqual(sent.body.messages, REQUEST.messages);
  });

  test('the key reaches only the Authorization header, never the body or another header', async () => {
    server.enqueue({ text: 'fine' });
    await backend({ profile: { baseUrl: server.baseUrl, headers: { 'x-gateway': 'blue' } } }).chat(REQUEST, {});
    const sent = server.requests.at(-1)!;
    assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
    assert.equal(sent.headers['x-gateway'], 'blue');
    const others = Object.entries(sent.headers).filter(
      ([name, value]) => name !== 'authorization' && String(value).includes(KEY),
    );
    assert.deepEqual(others, []);
    assert.ok(!sent.raw.includes(KEY));
    assert.ok(!sent.url.includes(KEY));
  });

  test('OPENAI_BASE_URL in the environment does not redirect a profile', async () => {
    const saved = process.env.OPENAI_BASE_URL;
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    try {
      server.enqueue({ text: 'here' });
      const result = await backend().chat(REQUEST, {});
      assert.equal(result.text, 'here');
    } finally {
      if (saved === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved;
    }
  });

  test('401: unauthorized, the server message kept without the key', async () => {
    server.enqueue({ status: 401, errorMessage: `Incorrect API key provided: ${KEY}.` });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.status, 401);
    assert.match(error.message, /rejected the API key \(HTTP 401\): Incorrect API key provided: \[redacted\]/);
  });

  test('403: unauthorized too (a key without access is as useless as a wrong one)', async () => {
    server.enqueue({ status: 403, errorMessage: `Key ${KEY} may not use this project.` });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.deepEqual([error.kind, error.status], ['unauthorized', 403]);
    assert.match(error.message, /rejected the API key \(HTTP 403\): Key \[redacted\] may not use this project\./);
  });

  test('a key echoed URL-encoded or cut short, and extra header values, never reach a message', async () => {
    const key = 'sk-live/AbC+dEf=0123456789';
    const azure = 'azure-key-9f8e7d6c5b4a';
    server.enqueue({
      status: 401,
      errorMessage: `Incorrect API key provided: sk-live/AbC+d****6789. Query key=${encodeURIComponent(key)}; api-key ${azure} is not valid for this resource`,
    });
    const keyed = createOpenAIBackend({
      profile: { baseUrl: server.baseUrl, headers: { 'api-key': azure, 'x-route': 'blue' } },
      apiKey: key,
    });
    const error = await fault(keyed.chat(REQUEST, {}));
    assert.equal(
      error.message.replace(/^.*\(HTTP 401\): /, ''),
      'Incorrect API key provided: [redacted]****6789. Query key=[redacted]; api-key [redacted] is not valid for this resource',
    );
  });

  test('404: model not found, naming the model', async () => {
    server.enqueue({ status: 404, errorMessage: 'The model `vision-1` does not exist' });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'model-not-found');
    assert.match(error.message, /"vision-1"/);
  });

  test('429: retried after Retry-After, the wait reported, then answered', async () => {
    server.enqueue(
      { status: 429, headers: { 'retry-after': '0.05' } },
      { status: 429, headers: { 'retry-after-ms': '20' } },
      { text: 'after waiting' },
    );
    const waits: WaitInfo[] = [];
    const before = server.requests.length;
    const result = await backend().chat(REQUEST, { onWait: (info) => waits.push(info) });
    assert.equal(result.text, 'after waiting');
    assert.equal(server.requests.length - before, 3);
    assert.deepEqual(
      waits.map(({ attempt, seconds }) => ({ attempt, seconds })),
      [
        { attempt: 1, seconds: 0.05 },
        { attempt: 2, seconds: 0.02 },
      ],
    );
    assert.match(waits[0].reason, /rate limited \(429\)/);
  });

  test('a call waits out its own 429 pause once, even when its timer ends before the clock does', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after-ms': '20' } }, { text: 'after one wait' });
    const waits: WaitInfo[] = [];
    // A clock held still never reaches the pause's end: as a timer firing a millisecond early, for good.
    const result = await backend({ now: () => 1_000 }).chat(REQUEST, { onWait: (info) => waits.push(info) });
    assert.equal(result.text, 'after one wait');
    assert.deepEqual(
      waits.map(({ attempt, seconds }) => ({ attempt, seconds })),
      [{ attempt: 1, seconds: 0.02 }],
    );
  });

  test('a 429 slows every call of the backend: a call started during the wait waits too, then both answer', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '0.3' } }, { text: 'first' }, { text: 'second' });
    const shared = backend();
    const secondWaits: WaitInfo[] = [];
    let second: Promise<unknown> | undefined;
    const first = shared.chat(REQUEST, {
      onWait: () => {
        second = shared.chat(REQUEST, { onWait: (info) => secondWaits.push(info) });
      },
    });
    await first;
    await second;
    assert.equal(secondWaits.length, 1);
    assert.equal(secondWaits[0].attempt, 0);
    assert.match(secondWaits[0].reason, /waiting with the other requests/);
  });

  test('429 that never ends: rate-limited after the retries', async () => {
    server.answerWith({ status: 429, headers: { 'retry-after': '0' } });
    try {
      const error = await fault(backend({ maxRetries: 2 }).chat(REQUEST, {}));
      assert.equal(error.kind, 'rate-limited');
    } finally {
      server.answerWith({ text: 'ok' });
    }
  });

  test('429 asking to wait longer than allowed fails at once', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '3600' } });
    const waits: WaitInfo[] = [];
    const error = await fault(backend({ maxRetryWaitSeconds: 60 }).chat(REQUEST, { onWait: (info) => waits.push(info) }));
    assert.equal(error.kind, 'rate-limited');
    assert.deepEqual(waits, []);
  });

  test('5xx: server error, not retried', async () => {
    const before = server.requests.length;
    server.enqueue({ status: 503, errorMessage: 'overloaded' });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'server-error');
    assert.match(error.message, /HTTP 503\): overloaded/);
    assert.equal(server.requests.length - before, 1);
  });

  test('an error event inside the stream is a server error', async () => {
    server.enqueue({ text: 'partial', streamError: 'model crashed' });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'server-error');
    assert.match(error.message, /model crashed/);
  });

  test('no headers within the timeout: timeout', async () => {
    server.enqueue({ headerDelayMs: 2_000, text: 'too late' });
    const error = await fault(backend({ timeoutMs: 150 }).chat(REQUEST, {}));
    assert.equal(error.kind, 'timeout');
  });

  test('headers, some text, then silence: stalled-stream from the idle watchdog', async () => {
    server.enqueue({ chunks: ['one ', 'two ', 'three'], stallAfterChunks: 1 });
    const deltas: string[] = [];
    const error = await fault(backend({ idleTimeoutMs: 200 }).chat(REQUEST, { onDelta: (text) => deltas.push(text) }));
    assert.equal(error.kind, 'stalled-stream');
    assert.deepEqual(deltas, ['one ']);
  });

  test('connection refused', async () => {
    const port = await freePort();
    const refused = createOpenAIBackend({ profile: { baseUrl: `http://127.0.0.1:${port}/v1`, headers: {} }, apiKey: KEY });
    const error = await fault(refused.chat(REQUEST, {}));
    assert.equal(error.kind, 'connection-refused');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  test('socket destroyed mid-answer: stream-cut', async () => {
    server.enqueue({ text: 'one two three', chunks: 3, cutAfterChunks: 2 });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'stream-cut');
  });

  test('a stream that ends without a finish reason is cut', async () => {
    server.enqueue({ text: 'half an answer', finishReason: null });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'stream-cut');
  });

  test('an empty answer is a fault', async () => {
    server.enqueue({ text: '' });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'empty-answer');
  });

  test('cancelling mid-stream aborts the HTTP request', async () => {
    server.enqueue({ text: 'one two three', chunks: 3, stallAfterChunks: 1 });
    const controller = new AbortController();
    const error = await fault(backend().chat(REQUEST, { onDelta: () => controller.abort() }, controller.signal));
    assert.equal(error.kind, 'cancelled');
    assert.equal(await server.requests.at(-1)!.closed, 'aborted'); // the server saw the client hang up
  });

  test('cancelling during a rate-limit wait stops at once', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const error = await fault(backend().chat(REQUEST, { onWait: () => controller.abort() }, controller.signal));
    assert.equal(error.kind, 'cancelled');
  });

  test('an already aborted signal sends nothing', async () => {
    const before = server.requests.length;
    const error = await fault(backend().chat(REQUEST, {}, AbortSignal.abort()));
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length, before);
  });
});

/** A port nothing listens on: bind one, note it, close it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test('options passed as undefined keep their defaults (the idle watchdog does not fire at once)', async () => {
  const server = await OpenAIServer.start();
  try {
    server.enqueue({ chunks: ['slow ', 'answer'], chunkDelayMs: 50 });
    const slow = createOpenAIBackend({
      profile: { baseUrl: server.baseUrl, headers: {} },
      apiKey: KEY,
      idleTimeoutMs: undefined,
      timeoutMs: undefined,
    });
    assert.equal((await slow.chat(REQUEST, {})).text, 'slow answer');
  } finally {
    await server.close();
  }
});
