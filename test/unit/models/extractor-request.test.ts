// The paper's item extractor on the wire (real client, loopback server): the
// request bytes for both domains against the literal instructions of the
// paper protocol, and the answer parsed by the paper's rules.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callExtractor } from '../../../src/core/models/extract/call-extractor';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { OpenAIServer } from '../../helpers/openai-server';
import { PAPER_EXTRACTOR_INSTRUCTION } from '../../helpers/paper-extractor';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const INSTRUCTION = PAPER_EXTRACTOR_INSTRUCTION;
const RAW = 'Try "Night Owls" by Blue Hour — or anything by Zed Band.\n\nAlso: Ünïcode "quotes"';

function setup(model = 'gpt-3.5-turbo-0125') {
  // The profile's own max tokens (500 by default) must not reach the extractor's request.
  const profile = parseProfile({ name: 'paper', baseUrl: server.baseUrl, model });
  return { profile, backend: createOpenAIBackend({ profile, apiKey: 'k' }) };
}

describe('the paper extractor request, exactly', () => {
  for (const domain of ['music', 'books'] as const) {
    test(`${domain}: one user message, its content the instruction, \\n, then the raw comment, as a plain string`, async () => {
      server.enqueue({ text: '1. Blue Hour - Night Owls\n2. Zed Band' });
      const first = server.requests.length;
      await callExtractor(domain, RAW, setup());
      const [request] = server.requests.slice(first);
      const messages = `"messages":${JSON.stringify([{ role: 'user', content: `${INSTRUCTION[domain]}\n${RAW}` }])}`;
      assert.ok(request.raw.includes(messages), `body holds the exact messages bytes: ${request.raw}`);
      assert.deepEqual(request.body.messages, [{ role: 'user', content: `${INSTRUCTION[domain]}\n${RAW}` }]);
      assert.deepEqual(
        { model: request.body.model, temperature: request.body.temperature, max_tokens: request.body.max_tokens },
        { model: 'gpt-3.5-turbo-0125', temperature: 0, max_tokens: 200 },
      );
    });
  }

  test('the answer is parsed by the paper rules and the provenance names the exact messages', async () => {
    server.enqueue({ text: '1. "Blue Hour - Night Owls"\n- Zed Band - None\nab\n2) Cat Power', usage: null });
    const answer = await callExtractor('music', 'x', setup('other-model'));
    assert.equal(answer.answer, '1. "Blue Hour - Night Owls"\n- Zed Band - None\nab\n2) Cat Power');
    assert.deepEqual(answer.items, ['blue hour - night owls', 'zed band', 'cat power']);
    assert.equal(answer.maxTokens, 200);
    assert.equal(answer.finishReason, 'stop');
    assert.equal(answer.usage, undefined);
    const { createHash } = await import('node:crypto');
    const sent = JSON.stringify([{ role: 'user', content: `${INSTRUCTION.music}\nx` }]);
    assert.equal(answer.messagesSha256, createHash('sha256').update(sent).digest('hex'));
  });

  test('a null answer gives no items', async () => {
    server.enqueue({ text: 'None.' });
    assert.deepEqual((await callExtractor('books', 'nothing here', setup())).items, []);
  });
});
