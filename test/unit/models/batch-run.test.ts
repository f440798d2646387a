// imagery run --shards ... --out DIR against the loopback server: every
// request once in the release's layout, scored by eval --runs, faults and 429s.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runBatch } from '../../../src/core/models/batch/batch-run';
import { formatProgress } from '../../../src/core/models/batch/progress';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { readRuns } from '../../../src/core/release/import-runs';
import { findRunFiles } from '../../../src/core/release/layout';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { allIds, ids, knownAnswer, makeBatchDataset, readLines, requestIdOf } from './batch-fixture';
import { KEY } from './cli-process';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const batch = (shards: string, out: string, ...rest: string[]): string[] => [
  'run',
  '--shards',
  shards,
  '--out',
  out,
  '--base-url',
  server.baseUrl,
  '--model',
  'vision-1',
  ...rest,
];

describe('imagery run --shards (whole-shard runs)', () => {
  test('one line per request in DIR/intermediate/<model>/<domain>/image/<task>.jsonl, read back by the release reader', async (t) => {
    const count = 12;
    const { shardFile } = makeBatchDataset(t, count, ['r5']);
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith((request) => knownAnswer(request));
    process.env.OPENAI_API_KEY = KEY;
    t.after(() => delete process.env.OPENAI_API_KEY);
    for (const task of ['rec_title', 'rec_choice']) {
      const result = await runCli(...batch(path.dirname(shardFile), out, '--task', task, '--concurrency', '4'));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, task === 'rec_choice' ? /1 not applicable; 0 failed; 0 missing/ : /0 failed; 0 missing/);
      assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY), 'key printed');
      // Not a terminal: plain progress lines, the last one at 100%.
      assert.match(result.stderr, /^12\/12 \(100%\) {2}[\d.]+ req\/s {2}ETA 0s {2}errors 0$/m);
    }
    const titleFile = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    const choiceFile = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_choice.jsonl');
    assert.deepEqual(ids(readLines(titleFile)), allIds(count));
    assert.deepEqual(
      ids(readLines(choiceFile)),
      allIds(count).filter((id) => id !== 'r5'),
    );
    for (const file of [titleFile, choiceFile]) assert.ok(!readFileSync(file, 'utf8').includes(KEY), 'key stored');
    // Python's json.dumps: ", " and ": " separators, the float as Python wrote it.
    const first = readFileSync(titleFile, 'utf8').split('\n')[0];
    assert.match(first, /^\{"submission_id": "r\d+", "title": "Request r\d+", /);
    assert.match(first, /"created_utc": 1700000000\.0, /);
    const runFiles = findRunFiles(out, 'music');
    assert.deepEqual(
      runFiles.map((file) => `${file.model}/${file.input}/${file.task}`),
      ['vision-1/image/rec_title', 'vision-1/image/rec_choice'],
    );
    const read = await readRuns(runFiles);
    assert.deepEqual(read.problems, []);
    assert.equal(read.byRequest.size, count);
    assert.equal(
      read.byRequest.get('r2')?.find((run) => run.task === 'rec_title')?.answer,
      '1. Blue Hour - Night Owls\n2. Zed Band - Song',
    );
  });

  test('eval --runs scores the new run beside the stored ones, with the requests each figure covers', async (t) => {
    const count = 12;
    const { shardFile } = makeBatchDataset(t, count, ['r5']);
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith((request) => knownAnswer(request));
    for (const task of ['rec_title', 'rec_choice']) {
      const result = await runCli(...batch(shardFile, out, '--task', task, '--concurrency', '3', '--quiet'));
      assert.equal(result.code, 0, result.stderr);
    }
    const result = await runCli('eval', shardFile, '--runs', out, '--json');
    assert.equal(result.code, 0, result.stderr);
    const { rows, runs } = JSON.parse(result.stdout);
    const row = rows.find((candidate: any) => candidate.model === 'vision-1');
    // Even ids name the true item first: 6 of 12. Ids divisible by 3 pick it: r3, r6, r9, r12 of the 11 with candidates.
    assert.deepEqual([row.hit1, row.hit10, row.requests], [0.5, 0.5, 12]);
    assert.equal(row.choiceRequests, 11);
    assert.ok(Math.abs(row.accuracy - (4 / 11) * 100) < 1e-9, String(row.accuracy));
    assert.deepEqual(
      runs.map((run: any) => [run.task, run.answers, run.matched]),
      [
        ['rec_title', 12, 12],
        ['rec_choice', 11, 11],
      ],
    );
    const text = await runCli('eval', shardFile, '--runs', out);
    assert.match(text.stdout, /music rec_title|music vision-1\/image\/rec_title: 12 answers, 12 of them for the requests given/);
  });

  test('a request that keeps failing is reported with its id and cause; the others complete; the summary counts it missing', async (t) => {
    const count = 8;
    const { shardFile } = makeBatchDataset(t, count);
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith((request) =>
      requestIdOf(request) === 'r4' ? { status: 400, errorMessage: 'this model takes no such image' } : knownAnswer(request),
    );
    const result = await runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '4', '--json'));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /imagery: failed: r4: bad-request: .*HTTP 400.*this model takes no such image/);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual([summary.answered, summary.failed, summary.missing], [7, 1, 1]);
    assert.deepEqual(
      summary.failures.map((failure: any) => [failure.id, failure.kind]),
      [['r4', 'bad-request']],
    );
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    assert.deepEqual(
      ids(readLines(file)),
      allIds(count).filter((id) => id !== 'r4'),
    );
  });

  test('a 429 storm: every worker slows down together, Retry-After is honoured, the run still finishes', async (t) => {
    const count = 16;
    const { shardFile } = makeBatchDataset(t, count);
    const out = makeTempDir(t, 'imagery-batch-');
    // The first 6 calls are refused with Retry-After 0.3 s; each refusal's request and time are kept.
    const refusals: { id: string; at: number }[] = [];
    server.answerWith((request) => {
      if (refusals.length < 6) {
        refusals.push({ id: requestIdOf(request), at: Date.now() });
        return { status: 429, headers: { 'retry-after': '0.3' }, errorMessage: 'slow down' };
      }
      return knownAnswer(request, { headerDelayMs: 20 });
    });
    const first = server.requests.length;
    const result = await runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '8', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.answered, count);
    assert.equal(summary.rateLimited, 6);
    // Together: six 429s halved the shared window to 1; it grows back by about one per window of answers, so it ends below 8.
    assert.ok(summary.window < 8, `window ${summary.window}`);
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    assert.deepEqual(ids(readLines(file)), allIds(count));
    // Honoured: a refused request is asked again only once its Retry-After has passed (a lower bound: load only delays).
    const calls = server.requests.slice(first);
    for (const refusal of refusals) {
      const retry = calls.find((call) => requestIdOf(call) === refusal.id && call.receivedAt > refusal.at);
      assert.ok(retry, `${refusal.id} never asked again`);
      assert.ok(
        retry.receivedAt - refusal.at >= 290,
        `${refusal.id} asked again ${retry.receivedAt - refusal.at} ms after its 429`,
      );
    }
  });
});

describe('imagery run --shards: requests that can never be answered', () => {
  test('no usable image and an unreadable line are skipped apart, the run exits 0, and eval says how many and why', async (t) => {
    const records = Array.from({ length: 5 }, (_, i) =>
      makeRecord({
        id: `r${i + 1}`,
        title: `Request r${i + 1}`,
        ...(i === 2 ? { images: [{ path: '../images/missing.png', url: 'https://i.example.invalid/m.png' }] } : {}),
      }),
    );
    const { shardFile } = makeDataset(t, records);
    const lines = readFileSync(shardFile, 'utf8').split('\n');
    writeFileSync(shardFile, [...lines.slice(0, 4), '{"id": "broken", "title": ', ...lines.slice(4)].join('\n'));
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith((request) => knownAnswer(request));
    const first = server.requests.length;
    const run = () => runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '2', '--quiet'));
    const result = await run();
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^answered 4 now, 0 before; 0 not applicable; skipped: (no usable image: 1, unreadable line: 1|unreadable line: 1, no usable image: 1); 0 failed; 0 missing$/m,
    );
    assert.doesNotMatch(result.stdout, /rerun/);
    assert.match(result.stderr, /^imagery: skipped: r3: no usable image: This request has no image that can be sent: /m);
    assert.match(
      result.stderr,
      new RegExp(`^imagery: skipped: ${shardFile.replace(/[.\\/]/g, '\\$&')}:5: unreadable line: `, 'm'),
    );
    assert.equal(server.requests.length - first, 4, 'the request without an image was never sent');
    // Again: nothing to do, still complete.
    const again = await run();
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 now, 4 before; .*0 failed; 0 missing$/m);
    const evaluated = await runCli('eval', shardFile, '--runs', out, '--quiet');
    assert.match(
      evaluated.stdout,
      /^skipped by the run vision-1\/image\/rec_title: 2 \((no usable image: 1, unreadable line: 1|unreadable line: 1, no usable image: 1)\)$/m,
    );
    const json = JSON.parse((await runCli('eval', shardFile, '--runs', out, '--json', '--quiet')).stdout);
    assert.equal(json.skipped[0].count, 2);
  });
});

describe('runBatch: a Retry-After beyond the cap', () => {
  test('a day-long Retry-After pauses only as long as the cap, and the progress line says so', { timeout: 20_000 }, async (t) => {
    const { shardFile } = makeBatchDataset(t, 4);
    const out = makeTempDir(t, 'imagery-batch-');
    let refused = 0;
    server.answerWith((request) =>
      refused++ === 0
        ? { status: 429, headers: { 'retry-after': '86400' }, errorMessage: 'come back tomorrow' }
        : knownAnswer(request),
    );
    const lines: string[] = [];
    const started = Date.now();
    const summary = await runBatch({
      shards: [{ file: shardFile, imageRoots: [path.dirname(path.dirname(shardFile))], states: new Map() }],
      spec: { task: 'rec_title', prompt: 'standard', input: { kind: 'images' } },
      profile: parseProfile({ name: 'p', baseUrl: server.baseUrl, model: 'vision-1' }),
      backend: createOpenAIBackend({ profile: { baseUrl: server.baseUrl, headers: {} }, apiKey: KEY, maxRetries: 0 }),
      outDir: out,
      modelFolder: 'vision-1',
      concurrency: 2,
      maxRetryWaitSeconds: 0.5,
      onProgress: (progress) => lines.push(formatProgress(progress, Date.now(), 2)),
    });
    assert.equal(summary.answered, 4);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.deepEqual(summary.cappedRetryAfter, { asked: 86400, cap: 0.5 });
    assert.match(lines.at(-1)!, /429s 1 {2}window \d\/2 {2}Retry-After 24h00m capped to 0\.5s$/);
  });
});

describe('imagery run --shards: a fault every request would hit', () => {
  test('a configuration fault (llama.cpp without --mmproj, HTTP 500) is never retried and stops the run, naming the flag', async (t) => {
    const { shardFile } = makeBatchDataset(t, 20);
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith({
      status: 500,
      errorBody: {
        error: {
          code: 500,
          message: 'image input is not supported - hint: you may need to provide the mmproj',
          type: 'server_error',
        },
      },
    });
    const first = server.requests.length;
    const result = await runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '2', '--json'));
    assert.equal(result.code, 1);
    // Within the calls in flight: 2 workers, each asked once (before: 3 calls per request, 60 in all).
    assert.ok(server.requests.length - first <= 2, `${server.requests.length - first} calls`);
    assert.match(
      result.stderr,
      /^imagery: configuration: .*\(HTTP 500\): image input is not supported .*To fix: start llama-server with --mmproj/m,
    );
    assert.equal(JSON.parse(result.stdout).answered, 0);
  });

  test('a redirect stops the run; the host it names gets nothing', async (t) => {
    const elsewhere = await OpenAIServer.start();
    t.after(() => elsewhere.close());
    const { shardFile } = makeBatchDataset(t, 10);
    const out = makeTempDir(t, 'imagery-batch-');
    server.answerWith({ status: 308, headers: { location: `${elsewhere.baseUrl}/chat/completions` }, errorBody: '' });
    const first = server.requests.length;
    const result = await runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '2', '--quiet'));
    assert.equal(result.code, 1);
    assert.ok(server.requests.length - first <= 2, `${server.requests.length - first} calls`);
    assert.match(result.stderr, /imagery: redirected: .*\(HTTP 308\) to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\./);
    assert.equal(elsewhere.requests.length, 0);
  });

  for (const status of [401, 403]) {
    test(`a rejected key (HTTP ${status}) stops the run at once: one line naming the cause, exit 1, the key nowhere`, async (t) => {
      const { shardFile } = makeBatchDataset(t, 30);
      const out = makeTempDir(t, 'imagery-batch-');
      server.answerWith({ status, errorMessage: `Incorrect API key provided: ${KEY}` });
      process.env.OPENAI_API_KEY = KEY;
      t.after(() => delete process.env.OPENAI_API_KEY);
      const first = server.requests.length;
      const result = await runCli(...batch(shardFile, out, '--task', 'rec_title', '--concurrency', '2'));
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`imagery: unauthorized: .*rejected the API key \\(HTTP ${status}\\)`));
      // Two in flight when the first refusal comes back; a little slack for a loaded machine.
      const asked = server.requests.length - first;
      assert.ok(asked <= 4, `went on asking after the key was rejected: ${asked} of 30 requests sent`);
      assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY), 'key printed');
      assert.match(result.stdout, /missing/);
    });
  }
});
