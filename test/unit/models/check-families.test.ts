// `imagery run --check` against every provider mode of the loopback server:
// the test connection reports each family right (token parameter, temperature,
// streaming usage, where the reasoning shows), or the server's own reason and
// the fix when it cannot take the request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { OpenAIServer } from '../../helpers/openai-server';
import { PROVIDER_MODES, providerMode, type ProviderMode } from '../../helpers/provider-modes';

const REFUSED_TEMPERATURE = '✗ temperature: refused by the server: runs send none and record temperatureApplied: false';
const LEARNT_COMPLETION_TOKENS = '✓ token parameter: max_completion_tokens 25500 (learnt: the other was refused)';
const HIDDEN_REASONING = '✓ reasoning: yes (hidden, counted only, 1200 tokens): headroom 25000 tokens';
const delta = (field: string): string => `✓ reasoning: yes (delta.${field}, 1200 tokens): headroom 25000 tokens`;

/** The lines each family's report must hold. */
const EXPECTED: Record<Exclude<ProviderMode, 'llamacpp-no-mmproj'>, string[]> = {
  'openai-reasoning': [LEARNT_COMPLETION_TOKENS, REFUSED_TEMPERATURE, HIDDEN_REASONING],
  azure: [LEARNT_COMPLETION_TOKENS, REFUSED_TEMPERATURE, HIDDEN_REASONING],
  'foundry-models': [
    '✓ token parameter: max_tokens 500',
    '✓ temperature: 0 accepted',
    '✗ streaming usage: not asked (stream_options off or refused): runs will have no token counts',
    '✓ reasoning: none seen',
  ],
  anthropic: ['✓ token parameter: max_tokens 500', REFUSED_TEMPERATURE, '✓ reasoning: none seen'],
  gemini: ['✓ token parameter: max_tokens 25500', '✓ temperature: 0 accepted', HIDDEN_REASONING],
  openrouter: [delta('reasoning')],
  ollama: [delta('reasoning')],
  vllm: [delta('reasoning')],
  'vllm-old': [delta('reasoning_content')],
  llamacpp: [delta('reasoning_content')],
  lmstudio: [
    '✗ streaming usage: not reported: runs will have no token counts',
    '✓ reasoning: yes (delta.reasoning_content): headroom 25000 tokens',
  ],
  think: ['✓ reasoning: yes (<think> in the answer, split off, 1200 tokens): headroom 25000 tokens'],
};

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const check = () => runCli('run', '--check', '--base-url', server.baseUrl, '--model', 'm', '--quiet');

describe('imagery run --check reports each family right', () => {
  for (const mode of PROVIDER_MODES) {
    test(mode, async (t) => {
      process.env.IMAGERY_STATE_DIR = makeTempDir(t as never, 'imagery-state-');
      t.after(() => delete process.env.IMAGERY_STATE_DIR);
      server.answerWith(providerMode(mode));
      const result = await check();
      if (mode === 'llamacpp-no-mmproj') {
        assert.equal(result.code, 1);
        assert.match(
          result.stdout,
          /^command line: FAILED: configuration: .*\(HTTP 500\): image input is not supported .*mmproj\. To fix: start llama-server with --mmproj/m,
        );
        return;
      }
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n').map((line) => line.trim());
      assert.equal(lines[0], 'command line: works');
      assert.ok(lines.includes('✓ images: accepted'), result.stdout);
      for (const expected of EXPECTED[mode])
        assert.ok(lines.includes(expected), `${mode}: no line "${expected}" in\n${result.stdout}`);
      // The answer line shows the visible answer only, never the thinking.
      const answer = lines.find((line) => line.startsWith('✓ answer: '));
      assert.ok(answer?.startsWith('✓ answer: "1. Blue Hour - Night Owls'), answer);
    });
  }
});
