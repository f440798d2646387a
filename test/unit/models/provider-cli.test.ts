// `imagery run` against provider modes of the loopback server: the test
// connection (--check) learns what the server takes and the next run sends it
// at once; a batch learns once for all its requests; a cut answer is never
// written unless asked (--record-truncated).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { quirksStateFile, readQuirksFile } from '../../../src/core/models/quirks-file';
import { quirksKey } from '../../../src/core/models/server-quirks';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { OpenAIServer } from '../../helpers/openai-server';
import { providerMode, TWENTY_TITLES } from '../../helpers/provider-modes';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());
// Each test starts with no learnt state.
beforeEach((t) => {
  process.env.IMAGERY_STATE_DIR = makeTempDir(t as never, 'imagery-state-');
});

const base = (): string[] => ['--base-url', server.baseUrl, '--model', 'm', '--quiet'];

describe('imagery run with provider modes', () => {
  test('--check reports what works and stores it; the next run sends one request, no retries', async (t) => {
    server.answerWith(providerMode('openai-reasoning', { answer: 'Red' }));
    const first = server.requests.length;
    const check = await runCli('run', '--check', ...base());
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /✓ token parameter: max_completion_tokens 25500 \(learnt: the other was refused\)/);
    assert.match(check.stdout, /✗ temperature: refused by the server/);
    assert.match(check.stdout, /✓ images: accepted/);
    assert.match(check.stdout, /✓ streaming usage: reported/);
    assert.match(check.stdout, /✓ reasoning: yes \(hidden, counted only, 1200 tokens\)/);
    assert.equal(server.requests.length - first, 3);
    const stored = readQuirksFile(quirksStateFile()).get(
      quirksKey({ name: 'command line', baseUrl: server.baseUrl, model: 'm' }),
    );
    assert.equal(stored?.tokenParameter, 'max_completion_tokens');
    assert.equal(stored?.temperatureRefused, true);
    assert.ok(stored?.checkedAt);

    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.answerWith(providerMode('openai-reasoning'));
    const before = server.requests.length;
    const ran = await runCli('run', '--shard', shardFile, '--request', 'r1', '--task', 'rec_title', ...base(), '--json');
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(server.requests.length - before, 1);
    assert.equal(server.requests.at(-1)!.body.max_completion_tokens, 25_500);
    assert.equal('temperature' in server.requests.at(-1)!.body, false);
  });

  test('--check of a server without mmproj fails with its reason', async () => {
    server.answerWith(providerMode('llamacpp-no-mmproj'));
    const check = await runCli('run', '--check', ...base());
    assert.equal(check.code, 1);
    assert.match(check.stdout, /FAILED: configuration: .*HTTP 500.*To fix: start llama-server with --mmproj/);
  });

  test('a single run cut at the limit records nothing and says why; --record-truncated keeps it, marked', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    server.answerWith(providerMode('openai-reasoning', { thinkingTokens: 700 }));
    const args = ['run', '--shard', shardFile, '--request', 'r1', '--task', 'rec_title', ...base(), '--reasoning-budget', '300'];
    const cut = await runCli(...args);
    assert.equal(cut.code, 1);
    assert.match(
      cut.stderr,
      /truncated: The answer of m was cut: it reached max_completion_tokens 800, 700 of them spent reasoning, the visible answer cut after 400 characters/,
    );
    assert.deepEqual((await AnnotationLog.readAll(shardFile)).events, []);
    const kept = await runCli(...args, '--record-truncated', '--annotator', 'ann');
    assert.equal(kept.code, 0, kept.stderr);
    const { events } = await AnnotationLog.readAll(shardFile);
    assert.equal(events.length, 1);
    const run = events[0];
    assert.ok(run.type === 'model-run');
    assert.equal(run.truncated, true);
    assert.equal(run.answer, TWENTY_TITLES.slice(0, 400));
  });

  test('a batch learns once: Gemini thinking cut the first answer, every answer written whole', async (t) => {
    const records = ['r1', 'r2', 'r3'].map((id) => makeRecord({ id }));
    const { shardFile, root } = makeDataset(t, records);
    server.answerWith(providerMode('gemini', { thinkingTokens: 460 }));
    const first = server.requests.length;
    const out = path.join(root, 'out');
    const batch = await runCli(
      'run',
      '--shards',
      shardFile,
      '--out',
      out,
      '--task',
      'rec_title',
      '--concurrency',
      '1',
      ...base(),
    );
    assert.equal(batch.code, 0, batch.stderr);
    assert.deepEqual(
      server.requests.slice(first).map((request) => request.body.max_tokens),
      [500, 25_500, 25_500, 25_500],
    );
    const lines = readFileSync(path.join(out, 'intermediate', 'm', 'music', 'image', 'rec_title.jsonl'), 'utf8')
      .trim()
      .split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).rec_title),
      [TWENTY_TITLES, TWENTY_TITLES, TWENTY_TITLES],
    );
  });

  test('a batch never writes a cut answer unless --record-truncated', async (t) => {
    const records = ['r1', 'r2'].map((id) => makeRecord({ id }));
    const { shardFile, root } = makeDataset(t, records);
    server.answerWith(providerMode('openai-reasoning', { thinkingTokens: 2000 }));
    const out = path.join(root, 'out');
    const args = ['run', '--shards', shardFile, '--out', out, '--task', 'rec_title', ...base(), '--reasoning-budget', '300'];
    const cut = await runCli(...args, '--json');
    assert.equal(cut.code, 1);
    const summary = JSON.parse(cut.stdout);
    assert.deepEqual(
      summary.failures.map((failure: { kind: string }) => failure.kind),
      ['truncated', 'truncated'],
    );
    const file = path.join(out, 'intermediate', 'm', 'music', 'image', 'rec_title.jsonl');
    assert.equal(existsSync(file) ? readFileSync(file, 'utf8') : '', '');
    const kept = await runCli(...args, '--record-truncated');
    assert.equal(kept.code, 0, kept.stderr);
    assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 2);
  });

  test('a setting flag is checked like a profile setting', async () => {
    const bad = await runCli('run', '--check', ...base(), '--token-parameter', 'max_len');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /tokenParameter/);
  });
});
