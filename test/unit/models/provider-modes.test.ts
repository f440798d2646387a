// One request of every provider family, with only a base URL and a model,
// against the loopback server playing that provider's rules and error bodies:
// 20 titles from the answer (none from the thinking), the request adapted to
// the server and remembered, a cut answer never taken for a whole one.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ModelRunError } from '../../../src/core/models/errors';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile, type ModelProfileInput } from '../../../src/core/models/profile';
import { runModel, type ModelRunOutcome, type ModelRunSpec } from '../../../src/core/models/run-model';
import { QuirkMemory, type ServerQuirks } from '../../../src/core/models/server-quirks';
import { TruncatedAnswerError } from '../../../src/core/models/truncation';
import { OpenAIServer } from '../../helpers/openai-server';
import { providerMode, TWENTY_TITLES, type ModeOptions, type ProviderMode } from '../../helpers/provider-modes';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const spec: ModelRunSpec = { task: 'rec_title', prompt: 'standard', input: { kind: 'images' } };

interface Played {
  outcome: ModelRunOutcome;
  /** The bodies of the requests this run sent, in order. */
  bodies: any[];
  quirks: ServerQuirks;
}

async function play(
  t: { after: (fn: () => void) => void },
  mode: ProviderMode,
  extra: Partial<ModelProfileInput> = {},
  modeOptions: ModeOptions = {},
  memory = new QuirkMemory(),
  keepTruncated = false,
): Promise<Played> {
  const record = makeRecord();
  const { shardFile } = makeDataset(t, [record]);
  server.answerWith(providerMode(mode, modeOptions));
  const profile = parseProfile({ name: mode, baseUrl: server.baseUrl, model: 'm', ...extra });
  const first = server.requests.length;
  const outcome = await runModel(
    spec,
    { shardFile, record, state: undefined },
    { profile, backend: createOpenAIBackend({ profile, apiKey: 'k', quirks: memory }), keepTruncated },
  );
  return { outcome, bodies: server.requests.slice(first).map((request) => request.body), quirks: memory.get() };
}

function titlesOf(outcome: ModelRunOutcome): string[] {
  assert.equal(outcome.score.task, 'rec_title');
  return outcome.score.task === 'rec_title' ? outcome.score.titles.map((title) => title.title) : [];
}

/** The whole answer was scored, and nothing of the thinking. */
function assertWholeAnswer(outcome: ModelRunOutcome): void {
  const titles = titlesOf(outcome);
  assert.equal(titles.length, 20);
  assert.equal(titles[0], 'blue hour - night owls');
  assert.equal(titles[19], 'artist 20 - song number 20');
  assert.ok(!titles.some((title) => title.includes('decoy')), titles.join('|'));
  assert.equal(outcome.draft.answer, TWENTY_TITLES);
  assert.equal(outcome.draft.truncated, undefined);
}

describe('provider modes: one request', () => {
  test('OpenAI reasoning: max_tokens refused -> max_completion_tokens, temperature refused -> none, reasoning gets headroom', async (t) => {
    const { outcome, bodies, quirks } = await play(t, 'openai-reasoning');
    assert.deepEqual(
      bodies.map((body) => [body.max_tokens, body.max_completion_tokens, body.temperature]),
      [
        [500, undefined, 0],
        [undefined, 25_500, 0],
        [undefined, 25_500, undefined],
      ],
    );
    assertWholeAnswer(outcome);
    assert.equal(outcome.draft.temperature, 0);
    assert.equal(outcome.draft.temperatureApplied, false);
    assert.deepEqual(outcome.draft.sent, {
      tokenParameter: 'max_completion_tokens',
      tokenLimit: 25_500,
      reasoningBudget: 25_000,
      streamUsage: true,
      imageDetail: 'auto',
    });
    assert.equal(outcome.draft.usage?.reasoningTokens, 1200);
    assert.equal(quirks.tokenParameter, 'max_completion_tokens');
    assert.equal(quirks.temperatureRefused, true);
    assert.equal(quirks.reasons, true);
  });

  test('what was learnt is sent at once the next time: one request, no retries', async (t) => {
    const memory = new QuirkMemory();
    await play(t, 'openai-reasoning', {}, {}, memory);
    const { bodies, outcome } = await play(t, 'openai-reasoning', {}, {}, memory);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].max_completion_tokens, 25_500);
    assert.equal('temperature' in bodies[0], false);
    assertWholeAnswer(outcome);
  });

  test('OpenAI reasoning whose thinking eats the budget: content "" + length is a truncated fault naming the limit and setting', async (t) => {
    const error = await play(t, 'openai-reasoning', { reasoningBudget: 300 }, { thinkingTokens: 2000 }).then(
      () => assert.fail('a cut answer must not pass'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TruncatedAnswerError, String(error));
    assert.equal(error.kind, 'truncated');
    assert.match(error.message, /max_completion_tokens 800, 800 of them spent reasoning, no visible answer/);
    assert.match(error.message, /raise `reasoningBudget`/);
    assert.equal(error.outcome.draft.truncated, true);
  });

  test('a truncated answer is returned, marked, only when asked (--record-truncated / Keep)', async (t) => {
    const { outcome } = await play(t, 'gemini', { reasoningBudget: 0 }, { thinkingTokens: 460 }, new QuirkMemory(), true);
    assert.equal(outcome.draft.truncated, true);
    assert.equal(outcome.draft.finishReason, 'length');
    assert.ok(titlesOf(outcome).length < 20);
  });

  test('Azure: the empty-choices prompt_filter_results chunk is harmless', async (t) => {
    const { outcome } = await play(t, 'azure', { tokenParameter: 'max_completion_tokens', temperature: null });
    assertWholeAnswer(outcome);
  });

  test('Azure OpenAI hosts get max_completion_tokens from the start (by host, not by model name)', async () => {
    const { planRequest, isOpenAIHost } = await import('../../../src/core/models/request-params');
    assert.equal(isOpenAIHost('https://my-res.openai.azure.com/openai/v1'), true);
    assert.equal(isOpenAIHost('https://my-res.services.ai.azure.com/openai/v1'), true);
    assert.equal(isOpenAIHost('https://my-res.services.ai.azure.com/models'), false);
    assert.equal(isOpenAIHost('https://generativelanguage.googleapis.com/v1beta/openai'), false);
    const sent = planRequest({ baseUrl: 'https://api.openai.com/v1', temperature: 0, maxTokens: 500 }, {});
    assert.equal(sent.tokenParameter, 'max_completion_tokens');
  });

  test('Azure Foundry models endpoint: stream_options refused with a {"detail"} body -> resent without, remembered', async (t) => {
    const { outcome, bodies, quirks } = await play(t, 'foundry-models');
    assert.deepEqual(
      bodies.map((body) => 'stream_options' in body),
      [true, false],
    );
    assertWholeAnswer(outcome);
    assert.equal(outcome.draft.sent?.streamUsage, false);
    assert.equal(quirks.streamOptionsRefused, true);
  });

  test('Claude 4.7+: "temperature is deprecated" -> resent without it, temperatureApplied false', async (t) => {
    const { outcome, bodies } = await play(t, 'anthropic');
    assert.deepEqual(
      bodies.map((body) => body.temperature),
      [0, undefined],
    );
    assertWholeAnswer(outcome);
    assert.equal(outcome.draft.temperatureApplied, false);
  });

  test('temperature: null never sends one', async (t) => {
    const { bodies, outcome } = await play(t, 'anthropic', { temperature: null });
    assert.equal(bodies.length, 1);
    assert.equal('temperature' in bodies[0], false);
    assert.equal(outcome.draft.temperature, null);
  });

  test('Gemini: thinking cut the answer after 3 titles -> resent with headroom, 20 titles', async (t) => {
    const { outcome, bodies } = await play(t, 'gemini', {}, { thinkingTokens: 460 });
    assert.deepEqual(
      bodies.map((body) => body.max_tokens),
      [500, 25_500],
    );
    assertWholeAnswer(outcome);
    assert.equal(outcome.draft.usage?.reasoningTokens, 460);
  });

  for (const mode of ['openrouter', 'ollama', 'vllm', 'vllm-old', 'llamacpp', 'lmstudio', 'think'] as const) {
    test(`${mode}: the thinking stays out of the answer and is kept with the run`, async (t) => {
      const { outcome, bodies } = await play(t, mode, {}, { thinkingTokens: 200, maxImages: 4 });
      assert.equal(bodies.length, 1);
      assertWholeAnswer(outcome);
      assert.match(String(outcome.draft.thinking), /^1\. Decoy Band - Thinking Aloud/);
      if (mode === 'lmstudio') assert.equal(outcome.draft.usage, undefined);
      else assert.equal(outcome.draft.usage?.reasoningTokens, 200);
    });
  }

  test('Ollama thinking past 500 tokens -> resent with headroom, not "empty answer"', async (t) => {
    const { outcome, bodies, quirks } = await play(t, 'ollama', {}, { thinkingTokens: 900 });
    assert.deepEqual(
      bodies.map((body) => body.max_tokens),
      [500, 25_500],
    );
    assertWholeAnswer(outcome);
    assert.equal(quirks.reasoningField, 'reasoning');
  });

  test('Ollama refusing a GIF: the message names the GIF and how to convert it', async (t) => {
    const record = makeRecord({ images: [{ path: 'images/music/c.gif', url: 'https://i.example.invalid/c.gif' }] });
    const { shardFile, root } = makeDataset(t, [record]);
    writeFileSync(path.join(root, 'shards', 'images', 'music', 'c.gif'), Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'));
    server.answerWith(providerMode('ollama'));
    const profile = parseProfile({ name: 'ollama', baseUrl: server.baseUrl, model: 'm' });
    const error = await runModel(
      spec,
      { shardFile, record, state: undefined },
      { profile, backend: createOpenAIBackend({ profile, apiKey: '' }) },
    ).then(
      () => assert.fail('a GIF must be refused'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ModelRunError);
    assert.equal(error.kind, 'bad-request');
    assert.match(
      error.message,
      /image 1 of the request is a GIF, .* take only JPEG, PNG or WebP; convert it, e\.g\. `ffmpeg -i image\.gif image\.png`/,
    );
  });

  test('a content filter stop is a fault of its own, not an answer', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.answerWith({ text: '1. Blue Hour', finishReason: 'content_filter' });
    const profile = parseProfile({ name: 'azure', baseUrl: server.baseUrl, model: 'm' });
    const error = await runModel(
      spec,
      { shardFile, record, state: undefined },
      { profile, backend: createOpenAIBackend({ profile, apiKey: '' }) },
    ).then(
      () => assert.fail('a filtered answer must not pass'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ModelRunError);
    assert.equal(error.kind, 'content-filter');
    assert.match(error.message, /content filter stopped the answer \(finish_reason "content_filter"\)/);
  });

  test('a forced token parameter the server refuses fails naming the setting, with no resend', async (t) => {
    const error = await play(t, 'openai-reasoning', { tokenParameter: 'max_tokens' }).then(
      () => assert.fail('expected a fault'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ModelRunError);
    assert.equal(error.kind, 'configuration');
    assert.match(error.message, /the profile forces it: change `tokenParameter`/);
  });

  test('the profile settings reach the request: reasoningEffort, streamUsage false, imageDetail omit', async (t) => {
    const { bodies } = await play(t, 'openrouter', { reasoningEffort: 'low', streamUsage: false, imageDetail: 'omit' });
    assert.equal(bodies[0].reasoning_effort, 'low');
    assert.equal(bodies[0].max_tokens, 25_500);
    assert.equal('stream_options' in bodies[0], false);
    const image = bodies[0].messages[0].content[1];
    assert.deepEqual(Object.keys(image.image_url), ['url']);
  });
});
