// Resuming a whole-shard run: Ctrl+C (SIGINT to the real CLI process) loses
// only the requests in flight, and the same command then asks only for the
// missing ones; a torn last line is not an answer and does not spoil the next.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readRuns } from '../../../src/core/release/import-runs';
import { findRunFiles } from '../../../src/core/release/layout';
import { REPO_ROOT } from '../../helpers/dataset';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeTempDir } from '../annotations/temp';
import { runCli } from '../cli/run-cli';
import { allIds, ids, knownAnswer, makeBatchDataset, readLines, requestIdOf } from './batch-fixture';
import { KEY } from './cli-process';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const args = (shardFile: string, out: string): string[] => [
  'run',
  '--shards',
  shardFile,
  '--out',
  out,
  '--task',
  'rec_title',
  '--base-url',
  server.baseUrl,
  '--model',
  'vision-1',
  '--concurrency',
  '3',
];

describe('imagery run --shards: resuming', () => {
  test('SIGINT mid-run keeps every answer written; the same command then completes only the missing ones', async (t) => {
    const count = 20;
    const { shardFile } = makeBatchDataset(t, count);
    const out = makeTempDir(t, 'imagery-batch-');
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    // Five answers come back; every later call is held until the test lets go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    t.after(() => release());
    let answered = 0;
    server.answerWith((request) => (answered++ < 5 ? knownAnswer(request) : knownAnswer(request, { hold: gate })));

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args(shardFile, out)],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: '', IMAGERY_PROFILES: '' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (part) => (stderr += part));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait on state, not time: the five answers on disk and the next calls held at the server.
    while (readLines(file).length < 5 || server.inFlight < 3) {
      assert.equal(child.exitCode, null, `the run ended early: ${stderr}`);
      await sleep(20);
    }
    // A second run into the same answers is refused while the first holds them, and asks the model nothing.
    const requestsBefore = server.requests.length;
    const second = await runCli(...args(shardFile, out), '--quiet');
    assert.equal(second.code, 1, second.stderr);
    assert.match(second.stderr, new RegExp(`another run is writing these answers \\(process ${child.pid} on `));
    assert.match(second.stderr, /rec_title\.jsonl\.lock/);
    assert.equal(server.requests.length, requestsBefore, 'the refused run asked the model');
    assert.equal(readLines(file).length, 5, "the refused run touched the first run's answers");

    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted/);
    assert.ok(!stderr.includes(KEY), 'key printed');
    const kept = readLines(file);
    assert.equal(kept.length, 5, 'the answers written before Ctrl+C are all kept');
    assert.ok(!existsSync(`${file}.lock`), 'the interrupted run gave its lock back');
    assert.equal(new Set(ids(kept)).size, 5);

    release();
    server.answerWith((request) => knownAnswer(request));
    const before = server.requests.length;
    const rerun = await runCli(...args(shardFile, out), '--json');
    assert.equal(rerun.code, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout);
    assert.deepEqual([summary.resumed, summary.answered, summary.missing], [5, 15, 0]);
    const asked = server.requests.slice(before).map(requestIdOf);
    assert.equal(asked.length, 15, 'only the missing requests are asked');
    assert.ok(!asked.some((id) => ids(kept).includes(id)), 'an answered request was asked again');
    assert.deepEqual(ids(readLines(file)), allIds(count), 'each request exactly once');
  });

  test('a lock left by a run that is gone (killed, crashed) is taken over', async (t) => {
    const { shardFile } = makeBatchDataset(t, 3);
    const out = makeTempDir(t, 'imagery-batch-');
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone, host: hostname() }));
    server.answerWith((request) => knownAnswer(request));
    const run = await runCli(...args(shardFile, out), '--quiet');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readLines(file).length, 3);
    assert.ok(!existsSync(`${file}.lock`), 'the lock is given back at the end');
  });

  test('a torn last line is cut off, its request asked again, and the file reads clean', async (t) => {
    const count = 6;
    const { shardFile } = makeBatchDataset(t, count);
    const out = makeTempDir(t, 'imagery-batch-');
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    server.answerWith((request) => knownAnswer(request));
    assert.equal((await runCli(...args(shardFile, out), '--quiet')).code, 0);
    // Keep three whole lines and half of the fourth, as a crash mid-write would.
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const keep = lines.slice(0, 3).join('\n').length + 1;
    truncateSync(file, keep + Math.floor(lines[3].length / 2));
    const before = server.requests.length;
    const rerun = await runCli(...args(shardFile, out), '--json');
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(JSON.parse(rerun.stdout).answered, 3);
    assert.equal(server.requests.length - before, 3);
    assert.deepEqual(ids(readLines(file)), allIds(count));
    const read = await readRuns(findRunFiles(out, 'music'));
    assert.deepEqual(read.problems, []);
    assert.equal(read.byRequest.size, count);
  });

  test('a complete line that is not an answer is left in place and its request asked again', async (t) => {
    const { shardFile } = makeBatchDataset(t, 3);
    const out = makeTempDir(t, 'imagery-batch-');
    const file = path.join(out, 'intermediate', 'vision-1', 'music', 'image', 'rec_title.jsonl');
    server.answerWith((request) => knownAnswer(request));
    assert.equal((await runCli(...args(shardFile, out), '--quiet')).code, 0);
    const [firstLine, ...rest] = readFileSync(file, 'utf8').split('\n');
    const broken = JSON.parse(firstLine);
    delete broken.rec_title;
    writeFileSync(file, [JSON.stringify(broken), ...rest].join('\n'));
    const rerun = await runCli(...args(shardFile, out), '--json');
    assert.equal(JSON.parse(rerun.stdout).answered, 1);
    assert.equal(readLines(file).filter((line) => line.submission_id === broken.submission_id && line.rec_title).length, 1);
  });
});
