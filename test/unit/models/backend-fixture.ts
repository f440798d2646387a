// What the backend tests share: a key that must never leak, a minimal chat
// request, and the check that a call failed as a ModelRunError without it.
import assert from 'node:assert/strict';
import type { ChatRequest } from '../../../src/core/models/backend';
import { ModelRunError } from '../../../src/core/models/errors';

export const KEY = 'sk-test-SECRET-0123456789';

export const REQUEST: ChatRequest = {
  model: 'vision-1',
  temperature: 0,
  maxTokens: 500,
  messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
};

/** The ModelRunError `promise` rejects with; fails if it resolves, rejects otherwise, or names the key. */
export async function fault(promise: Promise<unknown>): Promise<ModelRunError> {
  const error = await promise.then(
    () => assert.fail('expected a fault'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ModelRunError, `not a ModelRunError: ${String(error)}`);
  assert.ok(!error.message.includes(KEY), `key leaked into: ${error.message}`);
  return error;
}
