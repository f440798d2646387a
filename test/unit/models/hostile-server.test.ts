// The OpenAI backend against a hostile or odd loopback server: every error
// body shape gives the server's own words, a configuration refusal names
// what to change, a redirect is never followed, and an answer is bounded in
// time and size.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpenAIBackend, type OpenAIBackendOptions } from '../../../src/core/models/openai-backend';
import { OpenAIServer } from '../../helpers/openai-server';
import { fault, KEY, REQUEST } from './backend-fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

function backend(options: Partial<OpenAIBackendOptions> = {}) {
  return createOpenAIBackend({ profile: { baseUrl: server.baseUrl, headers: {} }, apiKey: KEY, ...options });
}

describe('every error body gives the server its own words', () => {
  const shapes: [string, number, unknown, RegExp][] = [
    [
      'LM Studio {"error": "<string>"}',
      400,
      { error: 'Model does not support images. Please use a vision model.' },
      /\(HTTP 400\): Model does not support images/,
    ],
    [
      "vLLM's flat body",
      400,
      { object: 'error', message: 'max_tokens must be at least 1, got 0.', type: 'BadRequestError', param: null, code: 400 },
      /refused the request \(HTTP 400\): max_tokens must be at least 1, got 0\.$/,
    ],
    [
      "Gemini's array",
      400,
      [{ error: { code: 400, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' } }],
      /\(HTTP 400\): Request contains an invalid argument\.$/,
    ],
    ['Azure AI Foundry {"detail": "<string>"}', 422, { detail: 'Unknown model: gpt-x' }, /\(HTTP 422\): Unknown model: gpt-x$/],
    [
      'FastAPI\'s {"detail": [{loc, msg}]}',
      422,
      { detail: [{ loc: ['body', 'messages', 0], msg: 'field required', type: 'missing' }] },
      /\(HTTP 422\): body\.messages\.0: field required$/,
    ],
    [
      'plain text',
      502,
      'upstream connect error or disconnect/reset before headers',
      /\(HTTP 502\): upstream connect error or disconnect\/reset before headers$/,
    ],
    [
      'an HTML page',
      503,
      '<html><head><title>503 Service Unavailable</title></head><body><h1>x</h1></body></html>',
      /\(HTTP 503\): 503 Service Unavailable$/,
    ],
    [
      "OpenRouter's provider error",
      502,
      { error: { code: 502, message: 'Provider returned error', metadata: { raw: 'model overloaded', provider_name: 'X' } } },
      /\(HTTP 502\): Provider returned error \(provider: model overloaded\)$/,
    ],
  ];
  for (const [name, status, body, expected] of shapes) {
    test(name, async () => {
      server.enqueue({ status, errorBody: body });
      const error = await fault(backend().chat(REQUEST, {}));
      assert.equal(error.status, status);
      assert.match(error.message, expected);
    });
  }

  test('an error event under HTTP 200 (OpenRouter) says what the provider said', async () => {
    server.enqueue({
      text: 'half',
      streamEvent: {
        id: 'x',
        object: 'chat.completion.chunk',
        error: { code: 'server_error', message: 'Provider disconnected unexpectedly' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      },
    });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'server-error');
    assert.equal(
      error.message,
      `127.0.0.1:${server.port} reported an error during the answer: Provider disconnected unexpectedly`,
    );
  });

  test('an error event whose error is a bare string keeps it', async () => {
    server.enqueue({ text: 'half', streamEvent: { error: 'context length exceeded' } });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.match(error.message, /during the answer: context length exceeded$/);
  });
});

describe('a configuration refusal names what to change and is a fault of its own', () => {
  test('llama.cpp without --mmproj (HTTP 500) names the server flag, asked once', async () => {
    const first = server.requests.length;
    server.enqueue({
      status: 500,
      errorBody: {
        error: {
          code: 500,
          message: 'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj',
          type: 'server_error',
        },
      },
    });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'configuration');
    assert.match(error.message, /\(HTTP 500\): image input is not supported .*mmproj\. To fix: start llama-server with --mmproj/);
    assert.equal(server.requests.length - first, 1);
  });

  test('an unsupported parameter refused again after the one resend names the profile setting and keeps code and param', async () => {
    const first = server.requests.length;
    const refusal = {
      status: 400,
      errorBody: {
        error: {
          message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          type: 'invalid_request_error',
          param: 'max_tokens',
          code: 'unsupported_parameter',
        },
      },
    };
    // The first refusal is answered by one resend under the other name; the same refusal again is final.
    server.enqueue(refusal);
    server.enqueue(refusal);
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(server.requests.length - first, 2);
    assert.equal(error.kind, 'configuration');
    assert.deepEqual([error.code, error.param], ['unsupported_parameter', 'max_tokens']);
    assert.match(error.message, /To fix: set the profile's "tokenParameter"/);
  });

  test("Anthropic's temperature rule, vLLM's image limit and Foundry's stream_options each name their fix", async () => {
    const cases: [unknown, RegExp][] = [
      [
        { type: 'error', error: { type: 'invalid_request_error', message: '`temperature` is deprecated for this model.' } },
        /"temperature" to null/,
      ],
      [
        { object: 'error', message: 'At most 1 image(s) may be provided in one request.', type: 'BadRequestError', code: 400 },
        /--limit-mm-per-prompt image=4/,
      ],
      [
        { detail: [{ loc: ['body', 'stream_options'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }] },
        /"streamUsage" to false/,
      ],
    ];
    for (const [body, fix] of cases) {
      // A refused temperature or stream_options is resent once without it; refused again, it is final.
      const resent = !/image\(s\)/.test(JSON.stringify(body));
      server.enqueue({ status: 400, errorBody: body });
      if (resent) server.enqueue({ status: 400, errorBody: body });
      const error = await fault(backend().chat(REQUEST, {}));
      assert.equal(error.kind, 'configuration', error.message);
      assert.match(error.message, fix);
    }
  });

  test('a 403 stays unauthorized whatever its body says', async () => {
    server.enqueue({
      status: 403,
      errorBody: { error: { message: 'image input is not supported for this key', code: 'unsupported_value' } },
    });
    const error = await fault(backend().chat(REQUEST, {}));
    assert.equal(error.kind, 'unauthorized');
  });
});

describe('usage that is not token counts', () => {
  test('bad figures are left out and said; the good ones and the answer are kept', async () => {
    server.enqueue({ text: '1. a - b', usage: { prompt_tokens: 10, completion_tokens: '12', total_tokens: 22 } });
    const kept = await backend().chat(REQUEST, {});
    assert.equal(kept.text, '1. a - b');
    assert.deepEqual(kept.usage, { promptTokens: 10, totalTokens: 22 });
    assert.deepEqual(kept.warnings, [
      `the server's token usage held figures that are not token counts (completion_tokens "12"); they are left out of the recorded usage`,
    ]);
    server.enqueue({ text: '1. a - b', usage: { prompt_tokens: -3, completion_tokens: 2.5, total_tokens: 1e300 } });
    const none = await backend().chat(REQUEST, {});
    assert.equal(none.usage, undefined);
    assert.match(none.warnings![0], /\(prompt_tokens -3, completion_tokens 2\.5, total_tokens 1e\+300\)/);
  });
});

describe('redirects are never followed', () => {
  test('a 307 fails naming where it pointed; the other host gets nothing, not the prompt nor the headers', async () => {
    const elsewhere = await OpenAIServer.start();
    try {
      const target = `${elsewhere.baseUrl}/chat/completions`;
      server.enqueue({ status: 307, headers: { location: target }, errorBody: '' });
      const error = await fault(
        backend({ profile: { baseUrl: server.baseUrl, headers: { 'api-key': 'azure-secret-123456' } } }).chat(REQUEST, {}),
      );
      assert.equal(error.kind, 'redirected');
      assert.equal(error.status, 307);
      assert.match(error.message, new RegExp(`redirect \\(HTTP 307\\) to ${target.replace(/[.]/g, '\\.')}\\.`));
      assert.equal(elsewhere.requests.length, 0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('an answer is bounded', () => {
  test('a stream without end stops at the size limit, a fault of its own, and the connection is closed', async () => {
    server.enqueue({ chunks: ['la '.repeat(100)], endless: true });
    const deltas: string[] = [];
    const error = await fault(backend({ maxAnswerBytes: 64 * 1024 }).chat(REQUEST, { onDelta: (text) => deltas.push(text) }));
    assert.equal(error.kind, 'answer-too-large');
    assert.match(error.message, /passed 0\.06 MB and was stopped \(the profile's "maxAnswerMegabytes", --max-answer-mb\)/);
    const received = deltas.join('').length;
    assert.ok(received > 30_000 && received < 64 * 1024, `received ${received}`);
    assert.equal(await server.requests.at(-1)!.closed, 'aborted');
  });

  test('a server that drips one piece at a time never trips the idle watchdog, but the deadline ends it', async () => {
    server.enqueue({ chunks: ['1. a - b\n'], endless: true, chunkDelayMs: 50 });
    const started = Date.now();
    const error = await fault(backend({ deadlineMs: 600, idleTimeoutMs: 400 }).chat(REQUEST, {}));
    assert.equal(error.kind, 'deadline');
    assert.match(
      error.message,
      /not finished after 0\.6 s, the limit for one answer \(the profile's "deadlineSeconds", --deadline\); \d+ characters had arrived/,
    );
    assert.ok(Date.now() - started < 2_000);
    assert.equal(await server.requests.at(-1)!.closed, 'aborted');
  });

  test("the profile's limits apply when no option is given", async () => {
    server.enqueue({ chunks: ['x'.repeat(1000)], endless: true });
    const limited = createOpenAIBackend({
      profile: { baseUrl: server.baseUrl, headers: {}, maxAnswerMegabytes: 0.01, deadlineSeconds: 30 },
      apiKey: KEY,
    });
    const error = await fault(limited.chat(REQUEST, {}));
    assert.equal(error.kind, 'answer-too-large');
    assert.match(error.message, /passed 0\.01 MB/);
  });
});
