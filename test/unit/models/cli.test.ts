// `imagery run` as a child process against the loopback server.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { OpenAIServer } from '../../helpers/openai-server';
import { imagery, KEY, type Result, onRequestR1 } from './cli-process';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

function noKey(result: Result, logFile?: string): void {
  assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY), 'key printed');
  if (logFile) {
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8');
    } catch {
      // no log: nothing stored
    }
    assert.ok(!log.includes(KEY), 'key stored');
  }
}

const base = (shardFile: string, ...rest: string[]) => onRequestR1('run', shardFile, server.baseUrl, 'vision-1', ...rest);
const logOf = (shardFile: string) => AnnotationLog.open(shardFile, 'ana').file;

describe('imagery run', () => {
  test('--json: parsed titles with matches, hit1/hit10/hit20, provenance; the run is appended to the log', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: '1. Nobody - Nothing\n2. Blue Hour - Night Owls' });
    const first = server.requests.length;
    const result = await imagery(base(shardFile, '--task', 'rec_title', '--prompt', 'coi', '--json'));
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.titles, [
      { title: 'nobody - nothing', match: null },
      { title: 'blue hour - night owls', match: { kind: 'item', item: 'blue hour - night owls', distance: 0 } },
    ]);
    assert.deepEqual([json.hit1, json.hit10, json.hit20], [0, 1, 1]);
    assert.equal(json.recorded, true);
    assert.equal(json.provenance.host, `127.0.0.1:${server.port}`);
    assert.deepEqual(
      [json.provenance.model, json.provenance.task, json.provenance.prompt, json.provenance.input],
      ['vision-1', 'rec_title', 'coi', 'image'],
    );
    assert.match(json.provenance.messagesSha256, /^[0-9a-f]{64}$/);
    const logged = readFileSync(logOf(shardFile), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(logged.length, 1);
    assert.equal(json.run, `inline:${logged[0].id}`);
    assert.equal(logged[0].type, 'model-run');
    assert.equal(logged[0].answer, '1. Nobody - Nothing\n2. Blue Hour - Night Owls');
    assert.equal(server.requests[first].headers.authorization, `Bearer ${KEY}`);
    noKey(result, logOf(shardFile));
  });

  test('text output: the answer, the choice as the paper reads it, right or wrong', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: 'C. gamma - three' });
    const result = await imagery(base(shardFile, '--task', 'rec_choice'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^C\. gamma - three\n/);
    assert.match(result.stdout, /pick: C {2}true: B\. blue hour - night owls {2}-> wrong/);
    assert.match(result.stdout, /recorded as inline:/);
  });

  test("terminal control sequences in the model's answer are printed as visible escapes, not obeyed", async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: 'C. gamma\u001b]0;pwned\u0007 - three\u001b[2J\u009b31m' });
    const result = await imagery(base(shardFile, '--task', 'rec_choice'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^C\. gamma\\x1b\]0;pwned\\x07 - three\\x1b\[2J\\x9b31m\n/);
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test('a correction made first changes the score', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.answerWith({ text: '1. rain maker - first light' });
    try {
      const before = JSON.parse((await imagery(base(shardFile, '--task', 'rec_title', '--json'))).stdout);
      assert.equal(before.hit1, 0);
      await AnnotationLog.open(shardFile, 'bo').append({
        type: 'extraction',
        request: 'r1',
        comment: 'c2',
        verdict: 'corrected',
        items: ['rain maker - first light'],
      });
      const after = JSON.parse((await imagery(base(shardFile, '--task', 'rec_title', '--json'))).stdout);
      assert.equal(after.hit1, 1);
    } finally {
      server.answerWith({ text: 'ok' });
    }
  });

  test('--profile from a VS Code settings file (comments, extraHeaders); the key only in Authorization', async (t) => {
    const { root, shardFile } = makeDataset(t, [makeRecord()]);
    const settings = path.join(root, 'settings.json');
    writeFileSync(
      settings,
      `{
  // user settings
  "editor.fontSize": 14,
  "imageryAnnotator.modelProfiles": [
    { "name": "local", "baseUrl": "${server.baseUrl}", "model": "llava", "maxTokens": 64, "extraHeaders": { "x-route": "gpu-2" } },
  ],
}`,
    );
    server.enqueue({ text: 'A misty street.' }, { text: 'Neon.' });
    const first = server.requests.length;
    const result = await imagery([
      'run',
      '--shard',
      shardFile,
      '--request',
      'r1',
      '--task',
      'description',
      '--profile',
      'local',
      '--profiles',
      settings,
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).descriptions, ['A misty street.', 'Neon.']);
    const sent = server.requests[first];
    assert.deepEqual([sent.body.model, sent.body.max_tokens, sent.headers['x-route']], ['llava', 64, 'gpu-2']);
    for (const request of server.requests.slice(first)) {
      const elsewhere = Object.entries(request.headers).filter(
        ([name, value]) => name !== 'authorization' && String(value).includes(KEY),
      );
      assert.deepEqual(elsewhere, []);
      assert.ok(!request.raw.includes(KEY));
    }
    noKey(result);
  });

  test('desc:<model> uses the stored descriptions', async (t) => {
    const record = makeRecord({ runs: [{ model: 'OFA-huge', input: 'image', task: 'description', answer: ['a lighthouse'] }] });
    const { shardFile } = makeDataset(t, [record]);
    server.enqueue({ text: '1. a - b' });
    const first = server.requests.length;
    const result = await imagery(base(shardFile, '--task', 'rec_title', '--input', 'desc:OFA-huge', '--json'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(server.requests[first].body.messages[0].content[0].text, /\nImage descriptions:\nImage 1: a lighthouse\n$/);
    assert.equal(JSON.parse(result.stdout).provenance.input, 'OFA-huge');
  });

  const faults: [string, Parameters<OpenAIServer['enqueue']>[0], RegExp][] = [
    [
      '401',
      { status: 401, errorMessage: `bad key ${KEY}` },
      /^imagery: unauthorized: 127\.0\.0\.1:\d+ rejected the API key \(HTTP 401\): bad key \[redacted\]$/,
    ],
    ['404', { status: 404 }, /^imagery: model-not-found: .*"vision-1"/],
    ['500', { status: 500 }, /^imagery: server-error: .*HTTP 500/],
    ['empty answer', { text: '' }, /^imagery: empty-answer: /],
    ['cut mid-stream', { chunks: ['1. a', ' - b'], cutAfterChunks: 1 }, /^imagery: stream-cut: /],
    ['stall after headers', { chunks: ['1. a', ' - b'], stallAfterChunks: 1 }, /^imagery: stalled-stream: /],
    [
      'a redirect',
      { status: 307, headers: { location: 'http://127.0.0.1:9/v1/chat/completions' }, errorBody: '' },
      /^imagery: redirected: 127\.0\.0\.1:\d+ answered with a redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions\. Model calls never follow redirects/,
    ],
    [
      'llama.cpp without --mmproj',
      {
        status: 500,
        errorBody: {
          error: {
            code: 500,
            message: 'image input is not supported - you may need to provide the mmproj',
            type: 'server_error',
          },
        },
      },
      /^imagery: configuration: 127\.0\.0\.1:\d+ cannot take this request \(HTTP 500\): image input is not supported - you may need to provide the mmproj\. To fix: start llama-server with --mmproj/,
    ],
    [
      "vLLM's flat error body",
      {
        status: 400,
        errorBody: {
          object: 'error',
          message: 'This model has a maximum context length of 4096 tokens.',
          type: 'BadRequestError',
          code: 400,
        },
      },
      /^imagery: bad-request: .*\(HTTP 400\): This model has a maximum context length of 4096 tokens\.$/,
    ],
    [
      'an answer without end',
      { chunks: ['la '.repeat(2000)], endless: true },
      /^imagery: answer-too-large: The answer from 127\.0\.0\.1:\d+ passed 0\.05 MB/,
    ],
    [
      'a slow drip',
      { chunks: ['1. a - b\n'], endless: true, chunkDelayMs: 100 },
      /^imagery: deadline: The answer from 127\.0\.0\.1:\d+ was not finished after 2 s/,
    ],
  ];
  for (const [name, answer, message] of faults) {
    test(`fault, ${name}: one line naming the cause, exit 1, nothing recorded, no key`, async (t) => {
      const { shardFile } = makeDataset(t, [makeRecord()]);
      server.enqueue(answer);
      const limits = ['--idle-timeout', '0.3', '--deadline', '2', '--max-answer-mb', '0.05'];
      const result = await imagery(base(shardFile, '--task', 'rec_title', '--json', '--quiet', ...limits));
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0], message);
      assert.throws(() => readFileSync(logOf(shardFile)), /ENOENT/);
      noKey(result, logOf(shardFile));
    });
  }

  test('429 retried after Retry-After: the wait is shown, then the run succeeds', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ status: 429, headers: { 'retry-after': '0.1' } }, { text: '1. a - b' });
    const result = await imagery(base(shardFile, '--task', 'rec_title'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /waiting 0\.1 s before retry 1: rate limited \(429\)/);
  });

  test('connection refused and an image over the limit: one line each', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    const port = await freePort();
    const refused = await imagery([
      'run',
      '--shard',
      shardFile,
      '--request',
      'r1',
      '--task',
      'rec_title',
      '--base-url',
      `http://127.0.0.1:${port}/v1`,
      '--model',
      'm',
      '--quiet',
    ]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(`^imagery: connection-refused: Cannot connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)[^\\n]*\\n$`),
    );
    const large = await imagery(base(shardFile, '--task', 'rec_title', '--quiet', '--max-image-mb', '0.000001'));
    assert.equal(large.code, 1);
    assert.match(
      large.stderr,
      /^imagery: image-too-large: Image images\/music\/a\.png is 12 bytes, over the limit of 1 bytes\.\n$/,
    );
  });

  test('usage that is not token counts: the answer is recorded without the bad figures, and a warning says so', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: '1. a - b', usage: { prompt_tokens: 40, completion_tokens: -7, total_tokens: 'many' } });
    const result = await imagery(base(shardFile, '--task', 'rec_title', '--json', '--quiet'));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).recorded, true);
    assert.equal(
      result.stderr,
      `imagery: warning: the server's token usage held figures that are not token counts (completion_tokens -7, total_tokens "many"); they are left out of the recorded usage\n`,
    );
    const event = JSON.parse(readFileSync(logOf(shardFile), 'utf8'));
    assert.deepEqual([event.answer, event.usage], ['1. a - b', { promptTokens: 40 }]);
  });

  test('an unparseable answer is not recorded unless asked', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    server.enqueue({ text: 'Sorry, I cannot help.' }, { text: 'Sorry, I cannot help.' });
    const skipped = await imagery(base(shardFile, '--task', 'rec_title', '--json'));
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.equal(JSON.parse(skipped.stdout).recorded, false);
    assert.match(skipped.stderr, /not recorded \(--record-unparseable keeps it\)/);
    const kept = await imagery(base(shardFile, '--task', 'rec_title', '--json', '--record-unparseable'));
    assert.equal(JSON.parse(kept.stdout).recorded, true);
    assert.equal(JSON.parse(readFileSync(logOf(shardFile), 'utf8')).unparseable, true);
  });

  test('usage errors exit 2', async (t) => {
    const { shardFile } = makeDataset(t, [makeRecord()]);
    const both = await imagery([...base(shardFile, '--task', 'rec_title'), '--profile', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give either --profile NAME or --base-url URL/);
    const task = await imagery(base(shardFile, '--task', 'titles'));
    assert.equal(task.code, 2);
    // The model flags every run below shares.
    const model = ['--task', 'rec_title', '--base-url', server.baseUrl, '--model', 'm'];
    const request = await imagery(['run', '--shard', shardFile, '--request', 'nope', ...model]);
    assert.equal(request.code, 1);
    assert.match(request.stderr, /no request "nope" in this shard/);
    // A flag of the other mode is refused rather than silently ignored.
    const concurrency = await imagery(base(shardFile, '--task', 'rec_title', '--concurrency', '8'));
    assert.equal(concurrency.code, 2);
    assert.match(concurrency.stderr, /--concurrency applies only to a whole-shard run/);
    const out = path.join(path.dirname(shardFile), 'runs');
    const annotator = await imagery(['run', '--shards', shardFile, '--out', out, ...model, '--annotator', 'ana']);
    assert.equal(annotator.code, 2);
    assert.match(annotator.stderr, /--annotator applies only to a single-request run/);
  });
});

/** A port nothing listens on: bind one, note it, close it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
