// classifyOpenAIError on the errors the openai package throws, built directly:
// each socket code, each status, the cause chain, the server's words, the key scrubbed.
// (openai-backend.test.ts and hostile-server.test.ts reach the same code through a real loopback server.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { ModelRunError } from '../../../src/core/models/errors';
import { classifyOpenAIError, retryAfterSeconds } from '../../../src/core/models/openai-faults';

const KEY = 'sk-test-0123456789';
const context = { host: 'llm.test', apiKey: KEY };
const classify = (error: unknown) => classifyOpenAIError(error, 'm-1', context);
const withCode = (message: string, code: string, cause?: unknown) => Object.assign(new Error(message, { cause }), { code });
/** fetch's shape: "fetch failed" on top, the socket error as its cause. */
const connection = (cause: unknown) => new OpenAI.APIConnectionError({ message: 'Connection error.', cause: cause as Error });
/** As the client builds it: a status error from the body, or (no status) an error event inside the stream. */
const apiError = (status: number | undefined, body: { error: object }, headers: Record<string, string> = {}) =>
  status === undefined
    ? new OpenAI.APIError(undefined, body.error, undefined, new Headers(headers))
    : OpenAI.APIError.generate(status, body, undefined, new Headers(headers));
const fault = (error: ModelRunError) => [error.kind, error.message];

test('each unreachable code is a refused connection; each cut code a cut stream, named', () => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
    assert.deepEqual(fault(classify(connection(new TypeError('fetch failed', { cause: withCode('x', code) })))), [
      'connection-refused',
      `Cannot connect to llm.test (${code}): is the server running and the base URL right?`,
    ]);
    assert.deepEqual(fault(classify(withCode('x', code))), ['connection-refused', `Cannot connect to llm.test (${code}).`]);
  }
  for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']) {
    assert.deepEqual(fault(classify(connection(withCode('x', code)))), [
      'stream-cut',
      `llm.test closed the connection before answering (${code}).`,
    ]);
    assert.deepEqual(fault(classify(withCode('x', code))), [
      'stream-cut',
      `The connection to llm.test broke before the answer finished (${code}).`,
    ]);
  }
});

test('a connection error without a known code names the deepest message, without the key', () => {
  const chain = new TypeError('fetch failed', { cause: new Error('', { cause: new Error(`bad port for ${KEY}`) }) });
  assert.deepEqual(fault(classify(connection(chain))), [
    'connection-refused',
    'Cannot connect to llm.test: bad port for [redacted]',
  ]);
  // Codes are looked for six causes deep, no deeper (fetch wraps two or three).
  let deep: unknown = withCode('reset', 'ECONNRESET');
  for (let i = 0; i < 5; i++) deep = new Error(`wrap ${i}`, { cause: deep });
  assert.equal(
    classify(connection(deep)).kind,
    'connection-refused',
    'the code at depth 6 (counting the client error) is not seen',
  );
  assert.equal(classify(connection((deep as Error).cause)).kind, 'stream-cut', 'at depth 5 it is');
  // The deepest non-empty message of an Error, six causes deep at most; a plain object's message is not an error's.
  const causes = (...messages: (string | object)[]): unknown =>
    messages.reduceRight<unknown>((cause, m) => (typeof m === 'string' ? new Error(m, { cause }) : { ...m, cause }), undefined);
  const deepest = (error: unknown) => classify(connection(error)).message.replace('Cannot connect to llm.test: ', '');
  assert.equal(deepest(causes('fetch failed', 'bad port', '')), 'bad port');
  assert.equal(deepest(causes('fetch failed', 'bad port', { message: 'not an error' })), 'bad port');
  assert.equal(deepest(causes('d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6')), 'd5');
  // A code nobody listed (a TLS failure) is no cut stream: the message says what failed.
  assert.deepEqual(fault(classify(connection(withCode('certificate has expired', 'CERT_HAS_EXPIRED')))), [
    'connection-refused',
    'Cannot connect to llm.test: certificate has expired',
  ]);
  const secrets = classifyOpenAIError(connection(new Error('x-extra-secret-value')), 'm', {
    ...context,
    secrets: ['x-extra-secret-value'],
  });
  assert.equal(secrets.message, 'Cannot connect to llm.test: [redacted]');
});

test('our own fault inside a connection error is passed on as it is; timeouts and cancels are named', () => {
  const own = new ModelRunError('image-too-large', 'too large');
  assert.equal(classify(connection(own)), own);
  let wrapped: unknown = own;
  for (let i = 0; i < 5; i++) wrapped = new Error(`wrap ${i}`, { cause: wrapped });
  assert.notEqual(classify(connection(wrapped)), own, 'six causes deep is too deep to look');
  assert.equal(classify(connection((wrapped as Error).cause)), own);
  assert.deepEqual(fault(classify(new OpenAI.APIConnectionTimeoutError())), [
    'timeout',
    'llm.test did not answer in time (no response headers); is the server overloaded or the model still loading?',
  ]);
  assert.deepEqual(fault(classify(new OpenAI.APIUserAbortError())), ['cancelled', 'The run was cancelled.']);
});

test('each status has its kind; the model is named on a 404; the server says why, once, without the key', () => {
  const body = (message: string) => ({ error: { message } });
  assert.deepEqual(fault(classify(apiError(401, body(`bad key ${KEY}`)))), [
    'unauthorized',
    'llm.test rejected the API key (HTTP 401): bad key [redacted]',
  ]);
  assert.deepEqual(fault(classify(apiError(404, body('')))), [
    'model-not-found',
    'llm.test does not know the model "m-1" (or the base URL path is wrong) (HTTP 404)',
  ]);
  assert.deepEqual(fault(classify(apiError(429, body('slow down')))), [
    'rate-limited',
    'llm.test kept rate-limiting the requests (HTTP 429): slow down',
  ]);
  assert.deepEqual(fault(classify(apiError(500, body('x')))), [
    'server-error',
    'llm.test failed with a server error (HTTP 500): x',
  ]);
  assert.equal(classify(apiError(503, body('x'))).kind, 'server-error');
  assert.deepEqual(fault(classify(apiError(418, body('  a\n\tteapot  ')))), [
    'bad-request',
    'llm.test refused the request (HTTP 418): a teapot',
  ]);
  const long = classify(apiError(400, body('y'.repeat(301)))).message;
  assert.ok(long.endsWith(`: ${'y'.repeat(300)}…`), long);
  const edge = classify(apiError(400, body('y'.repeat(300)))).message;
  assert.ok(edge.endsWith(`: ${'y'.repeat(300)}`), edge);
});

test('status, Retry-After, code and param travel with the error', () => {
  const error = classify(apiError(429, { error: { message: 'later', code: 'rate_limit', param: 'n' } }, { 'retry-after': '3' }));
  assert.deepEqual([error.status, error.retryAfterSeconds, error.code, error.param], [429, 3, 'rate_limit', 'n']);
  const bare = classify(apiError(500, { error: { message: 'x' } }));
  assert.deepEqual([bare.status, bare.retryAfterSeconds, bare.code, bare.param], [500, undefined, undefined, undefined]);
});

test('an error event inside the stream (no status) is a server error with its words', () => {
  assert.deepEqual(fault(classify(apiError(undefined, { error: { message: 'overloaded.' } }))), [
    'server-error',
    'llm.test reported an error during the answer: overloaded.',
  ]);
  // No error body: the client's own message.
  assert.deepEqual(fault(classify(new OpenAI.APIError(undefined, undefined, 'stream died', new Headers()))), [
    'server-error',
    'llm.test reported an error during the answer: stream died',
  ]);
});

test('a refusal no retry fixes is a configuration fault: the status or "during the answer", one full stop, the hint', () => {
  const said = {
    error: { message: "Unsupported parameter: 'max_tokens'... ", code: 'unsupported_parameter', param: 'max_tokens' },
  };
  const refused = classify(apiError(400, said));
  assert.equal(refused.kind, 'configuration');
  assert.match(
    refused.message,
    /^llm\.test cannot take this request \(HTTP 400\): Unsupported parameter: 'max_tokens'\. To fix: /,
  );
  assert.deepEqual([refused.status, refused.code, refused.param], [400, 'unsupported_parameter', 'max_tokens']);
  const midStream = classify(apiError(undefined, said));
  assert.equal(midStream.kind, 'configuration');
  assert.match(
    midStream.message,
    /^llm\.test cannot take this request during the answer: Unsupported parameter: 'max_tokens'\. To fix: /,
  );
  assert.equal(midStream.status, undefined);
});

test('a body-less TypeError is a cut stream; anything else is unknown, with the key scrubbed', () => {
  assert.deepEqual(fault(classify(new TypeError('terminated'))), [
    'stream-cut',
    'The connection to llm.test broke before the answer finished.',
  ]);
  assert.deepEqual(fault(classify(new Error(`boom ${KEY}`))), ['unknown', 'The call to llm.test failed: boom [redacted]']);
  assert.deepEqual(fault(classify('plain')), ['unknown', 'The call to llm.test failed: plain']);
});

test('retryAfterSeconds: milliseconds first, then seconds, then a date; nothing usable is undefined', () => {
  assert.equal(retryAfterSeconds(undefined), undefined);
  assert.equal(retryAfterSeconds(new Headers()), undefined);
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' })), 1.5);
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after-ms': '-1', 'retry-after': '9' })), 9);
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after-ms': '0', 'retry-after': '9' })), 0);
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after': '0' })), 0);
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after': '-5' })), 0, 'not -5 seconds: read as a date (2001), long past');
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after': 'soon' })), undefined);
  const inTen = retryAfterSeconds(new Headers({ 'retry-after': new Date(Date.now() + 10_000).toUTCString() }))!;
  assert.ok(inTen > 8 && inTen <= 10, String(inTen));
  assert.equal(retryAfterSeconds(new Headers({ 'retry-after': new Date(Date.now() - 60_000).toUTCString() })), 0);
});
