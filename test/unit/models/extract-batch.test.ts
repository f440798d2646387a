// `imagery extract --shards --out`: every comment through the paper's
// extractor on the batch engine, against the loopback server: the paper's
// layout and bytes (a hand-built fixture always; the shared music release byte
// for byte when present), resume, faults, progress and the one-run lock.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importDomain } from '../../../src/core/release/import';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { OpenAIServer, type RecordedRequest } from '../../helpers/openai-server';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { KEY } from './cli-process';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => {
  server = await OpenAIServer.start();
  process.env.OPENAI_API_KEY = KEY;
});
after(() => {
  delete process.env.OPENAI_API_KEY;
  return server.close();
});

const MUSIC =
  'In the following text, extract all music tracks.            \nEach track should be in the Artist - Title format and separated by a newline.            \nIf an artist is mentioned without the title, output the artist only.            \nIf there are no mentions, output None.';

/** The comment's raw text, from the paper's one user message. */
const rawOf = (request: RecordedRequest): string => String(request.body?.messages?.[0]?.content ?? '').slice(MUSIC.length + 1);

const ANSWERS = new Map([
  ['Try Night Owls by Blue Hour', '1. Blue Hour - Night Owls'],
  ['Anything by Zed Band', 'Zed Band'],
  ['Café “Noir” — by Ünder', 'None'],
]);
const answerByRaw = (request: RecordedRequest) => ({ text: ANSWERS.get(rawOf(request)) ?? 'None' });

// Written by hand as Python's json.dumps writes them (ensure_ascii, float created_utc, "processed" last).
const EXPECTED = [
  '{"comment_id": "c1", "submission_id": "r1", "subreddit": "ifyoulikeblank", "raw": "Try Night Owls by Blue Hour", "created_utc": null, "upvotes": 5, "processed": "1. Blue Hour - Night Owls"}',
  '{"comment_id": "c2", "submission_id": "r1", "subreddit": "ifyoulikeblank", "raw": "Anything by Zed Band", "created_utc": null, "upvotes": 2, "processed": "Zed Band"}',
  '{"comment_id": "c3", "submission_id": "r2", "subreddit": "PictureTheSound", "raw": "Caf\\u00e9 \\u201cNoir\\u201d \\u2014 by \\u00dcnder", "created_utc": 1707590303.0, "upvotes": -1, "processed": "None"}',
];

function fixture(t: { after: (fn: () => void) => void }) {
  const second = makeRecord({
    id: 'r2',
    subreddit: 'PictureTheSound',
    comment_ids: ['c3'],
    comments: [
      {
        id: 'c3',
        raw: 'Café “Noir” — by Ünder',
        upvotes: -1,
        created_utc: 1707590303,
        extraction: { raw: 'None', items: [] },
      },
    ],
  });
  const { root, shardFile } = makeDataset(t, [makeRecord(), second]);
  const out = makeTempDir(t, 'imagery-extract-batch-');
  return { root, shardFile, out, file: path.join(out, 'gpt-3.5-turbo-0125', 'music', 'comments_processed.jsonl') };
}

const args = (shards: string, out: string, ...rest: string[]): string[] => [
  'extract',
  '--shards',
  shards,
  '--out',
  out,
  '--base-url',
  server.baseUrl,
  '--model',
  'gpt-3.5-turbo-0125',
  ...rest,
];

const sortedLines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();

describe('imagery extract --shards --out', () => {
  test("the paper's layout and bytes: one line per comment, the release's comment with the answer added last", async (t) => {
    const { shardFile, out, file } = fixture(t);
    server.answerWith(answerByRaw);
    const first = server.requests.length;
    const result = await runCli(...args(path.dirname(shardFile), out, '--concurrency', '3'));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(sortedLines(file), EXPECTED);
    assert.ok(readFileSync(file, 'utf8').endsWith('}\n'));
    const sent = server.requests.slice(first).map((request) => request.body.messages);
    assert.equal(sent.length, 3);
    assert.ok(sent.some((messages) => messages[0].content === `${MUSIC}\nTry Night Owls by Blue Hour`));
    assert.match(result.stdout, /answered 3 comment\(s\) now, 0 before; 0 unreadable line\(s\); 0 failed; 0 missing/);
    assert.match(result.stderr, /3\/3 \(100%\)/, 'the progress line');
  });

  test('--name names the folder; a rerun asks nothing; a torn last line is cut and only missing comments are asked', async (t) => {
    const { shardFile, out } = fixture(t);
    const file = path.join(out, 'second-opinion', 'music', 'comments_processed.jsonl');
    server.answerWith(answerByRaw);
    assert.equal((await runCli(...args(shardFile, out, '--name', 'second-opinion', '--quiet'))).code, 0);
    const before = server.requests.length;
    const again = await runCli(...args(shardFile, out, '--name', 'second-opinion', '--json', '--quiet'));
    assert.equal(again.code, 0, again.stderr);
    assert.equal(server.requests.length, before, 'nothing asked again');
    assert.equal(JSON.parse(again.stdout).resumed, 3);
    // Keep c1 only, then a line torn mid-write.
    const kept = readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.includes('"c1"'));
    writeFileSync(file, `${kept}\n`);
    appendFileSync(file, '{"comment_id": "c2", "submission_id": "r1", "raw": "Anyth');
    const resumed = await runCli(...args(shardFile, out, '--name', 'second-opinion', '--json', '--quiet'));
    assert.equal(resumed.code, 0, resumed.stderr);
    const asked = server.requests.slice(before).map(rawOf).sort();
    assert.deepEqual(asked, ['Anything by Zed Band', 'Café “Noir” — by Ünder']);
    assert.deepEqual(sortedLines(file), EXPECTED);
    assert.deepEqual(
      { answered: JSON.parse(resumed.stdout).answered, resumed: JSON.parse(resumed.stdout).resumed },
      { answered: 2, resumed: 1 },
    );
  });

  test('a 429 waits (Retry-After) and every comment is answered; a rejected key stops the run with the fault', async (t) => {
    const { shardFile, out, file } = fixture(t);
    server.answerWith(answerByRaw);
    server.enqueue({ status: 429, headers: { 'retry-after': '0' } });
    const limited = await runCli(...args(shardFile, out, '--concurrency', '1', '--json', '--quiet'));
    assert.equal(limited.code, 0, limited.stderr);
    const summary = JSON.parse(limited.stdout);
    assert.deepEqual([summary.rateLimited, summary.answered, summary.failed], [1, 3, 0]);
    assert.deepEqual(sortedLines(file), EXPECTED);

    const other = makeTempDir(t, 'imagery-extract-batch-');
    server.answerWith(() => ({ status: 401, errorMessage: 'Incorrect API key provided' }));
    const refused = await runCli(...args(shardFile, other, '--concurrency', '1', '--quiet'));
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /unauthorized/);
    assert.doesNotMatch(refused.stderr + refused.stdout, new RegExp(KEY));
    assert.ok(server.requests.length > 0);
    server.answerWith(answerByRaw);
  });

  test('--max-answer-mb and --deadline bound each answer, as for imagery run: an endless answer fails its comment', async (t) => {
    const { shardFile, out } = fixture(t);
    server.answerWith(() => ({ chunks: ['la '.repeat(2000)], endless: true }));
    const limits = ['--max-answer-mb', '0.05', '--deadline', '5', '--idle-timeout', '1'];
    const bounded = await runCli(...args(shardFile, out, '--concurrency', '1', '--json', '--quiet', ...limits));
    server.answerWith(answerByRaw);
    assert.equal(bounded.code, 1, bounded.stderr);
    const summary = JSON.parse(bounded.stdout);
    assert.deepEqual([summary.answered, summary.failed], [0, 3]);
    assert.deepEqual(
      summary.failures.map((failure: { kind: string }) => failure.kind),
      ['answer-too-large', 'answer-too-large', 'answer-too-large'],
    );
  });

  test('one run per output file: a file another running process holds is refused, naming it', async (t) => {
    const { shardFile, out, file } = fixture(t);
    server.answerWith(answerByRaw);
    assert.equal((await runCli(...args(shardFile, out, '--quiet'))).code, 0);
    // This very process counts as running: the lock is held.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    const before = server.requests.length;
    const refused = await runCli(...args(shardFile, out, '--quiet'));
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /another run is writing these answers/);
    assert.equal(server.requests.length, before);
  });
});

describe('imagery extract --shards against the shared music release', { skip: skipWithoutDataset }, () => {
  test("each released comment answered with the release's processed value gives its comments_processed.jsonl byte for byte", async (t) => {
    const released = path.join(SHARED_DATASET, 'data', 'processed', 'music', 'comments', 'comments_processed.jsonl');
    const lines = readFileSync(released, 'utf8').split('\n').filter(Boolean);
    const byId = new Map(lines.map((line) => [JSON.parse(line).comment_id as string, JSON.parse(line).processed as string]));
    const { records } = await importDomain(SHARED_DATASET, 'music');
    // The same text may carry different answers: one queue per text, in the order the run asks (shard order, one at a time).
    const queues = new Map<string, string[]>();
    for (const record of records)
      for (const comment of record.comments) {
        const queue = queues.get(comment.raw) ?? [];
        queue.push(byId.get(comment.id) ?? 'not in the release');
        queues.set(comment.raw, queue);
      }
    const { shardFile } = makeDataset(t, records);
    const out = makeTempDir(t, 'imagery-extract-release-');
    server.answerWith((request) => ({ text: queues.get(rawOf(request))?.shift() ?? 'unexpected comment' }));
    const result = await runCli(...args(shardFile, out, '--concurrency', '1', '--quiet'));
    assert.equal(result.code, 0, result.stderr);
    const written = readFileSync(path.join(out, 'gpt-3.5-turbo-0125', 'music', 'comments_processed.jsonl'), 'utf8');
    assert.ok(written.endsWith('}\n'));
    // Every line byte for byte; lines come in answer order (the release grouped its requests in another order).
    assert.equal(written.split('\n').filter(Boolean).length, 2936);
    assert.deepEqual(written.split('\n').filter(Boolean).sort(), [...lines].sort());
    server.answerWith(answerByRaw);
  });
});
