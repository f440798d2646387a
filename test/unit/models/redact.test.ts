// Key redaction: exact, URL-encoded and cut copies of each secret, and what stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isModelRunError, ModelRunError, profileSecrets, redact } from '../../../src/core/models/errors';

test('redact: exact, URL-encoded and 8+ character prefixes of a key go; shorter pieces stay', () => {
  const key = 'sk-proj/Q1w2+E3r4=T5y6';
  const text = `a ${key} b ${encodeURIComponent(key)} c sk-proj/Q1w2+E3… d sk-proj e sk-pr`;
  assert.equal(redact(text, key), 'a [redacted] b [redacted] c [redacted]… d sk-proj e sk-pr');
});

test('redact: the values of extra headers are secrets too, short routing values are not', () => {
  const secrets = profileSecrets('sk-12', { 'api-key': 'azure-0123456789', 'x-route': 'blue' });
  assert.deepEqual(secrets, ['sk-12', 'azure-0123456789']);
  assert.equal(
    redact('key sk-12 azure-0123456789 via blue, Bearer abc', secrets),
    'key [redacted] [redacted] via blue, Bearer [redacted]',
  );
});

test('redact: no secret blanks nothing; a bearer token goes whatever the spacing', () => {
  assert.equal(redact('a b undefined', [undefined, '']), 'a b undefined');
  assert.equal(redact('Stryker was here', undefined), 'Stryker was here');
  assert.equal(redact('Bearer  abc.def and bearer\tXYZ', []), 'Bearer [redacted] and Bearer [redacted]');
});

test('profileSecrets: a header value of 8 characters is a secret, of 7 is not; header names never are', () => {
  assert.deepEqual(profileSecrets(undefined, { 'authorization-extra': 'abcdefgh', 'x-region': 'abcdefg' }), ['abcdefgh']);
});

test('ModelRunError: its name, and a code or parameter only when the server gave one', () => {
  const bare = new ModelRunError('unknown', 'failed');
  assert.equal(bare.name, 'ModelRunError');
  assert.equal(String(bare), 'ModelRunError: failed');
  assert.deepEqual([bare.code, bare.param], [undefined, undefined]);
  const full = new ModelRunError('bad-request', 'refused', { code: 'unsupported_parameter', param: 'max_tokens' });
  assert.deepEqual([full.code, full.param], ['unsupported_parameter', 'max_tokens']);
});

test('isModelRunError: our errors, not any error', () => {
  assert.equal(isModelRunError(new ModelRunError('unknown', 'x')), true);
  assert.equal(isModelRunError(new Error('x')), false);
});
