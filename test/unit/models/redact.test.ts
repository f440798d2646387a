// Key redaction: exact, URL-encoded and cut copies of each secret, and what stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileSecrets, redact } from '../../../src/core/models/errors';

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
