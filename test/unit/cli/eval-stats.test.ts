import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EvalRow } from '../../../src/core/paper/metrics';
import type { DomainStats } from '../../../src/core/paper/stats';
import { insertLine, makeRelease } from '../../fixtures/release-maker';
import { problemLines, runCli } from './run-cli';

const release = makeRelease();
const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-cli-eval-'));
const shards = path.join(work, 'shards');
before(async () => {
  const result = await runCli('import', release.dir, '--out', shards, '--quiet');
  assert.equal(result.code, 0, result.stderr);
});
after(() => {
  release.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const rowKey = (row: EvalRow): string => `${row.domain}/${row.model}/${row.input}`;

describe('imagery eval', () => {
  test('--json: one row per domain/model/input, the same from the release and from its shards', async () => {
    const fromRelease = await runCli('eval', release.dir, '--json', '--quiet');
    const fromShards = await runCli('eval', shards, '--json', '--quiet');
    assert.equal(fromRelease.code, 0, fromRelease.stderr);
    assert.equal(fromShards.code, 0, fromShards.stderr);
    const rows = (JSON.parse(fromRelease.stdout) as { rows: EvalRow[] }).rows;
    assert.deepEqual(JSON.parse(fromShards.stdout), { rows });
    assert.deepEqual(rows.map(rowKey), ['books/vision-model/image', 'music/text-model/vision-model', 'music/vision-model/image']);
    const vision = rows[2];
    // m001 hit at rank 1, m002 at rank 2, m003 has no ground truth; choices: 2 of 3 right.
    assert.deepEqual(
      { hit1: vision.hit1, hit10: vision.hit10, requests: vision.requests, choiceRequests: vision.choiceRequests },
      { hit1: 0.5, hit10: 1, requests: 2, choiceRequests: 3 },
    );
    assert.ok(Math.abs((vision.accuracy ?? 0) - 200 / 3) < 1e-9);
  });

  test('table: a header and a row per run, Hit@k as fractions and accuracy in percent', async () => {
    const result = await runCli('eval', path.join(shards, 'music-001.shard.jsonl'), '--quiet');
    assert.equal(result.code, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^domain +model +input +Hit@1 +Hit@10 +Hit@20 +n +accuracy +n$/);
    assert.equal(lines.length, 4);
    assert.match(lines[3], /^music +vision-model +image +0\.5000 +1\.0000 +1\.0000 +2 +66\.67% +3$/);
  });

  test('a malformed shard line: one file:line warning, the other records still scored', async () => {
    const copy = await runCli('import', release.dir, '--domain', 'music', '--out', path.join(work, 'faulty'), '--quiet');
    assert.equal(copy.code, 0);
    const shard = path.join(work, 'faulty', 'music-001.shard.jsonl');
    insertLine(shard, 1, '{"schema_version":1,"id":"x",');
    const result = await runCli('eval', shard, '--json', '--quiet');
    assert.equal(result.code, 0);
    assert.deepEqual(
      problemLines(result.stderr).map((line) => line.replace(/: malformed JSON.*/, '')),
      [`imagery: warning: ${shard}:2`],
    );
    const rows = (JSON.parse(result.stdout) as { rows: EvalRow[] }).rows;
    assert.equal(rows.find((row) => row.model === 'vision-model')?.choiceRequests, 3);
  });

  test('missing input: one line naming it, exit 1; no input: usage error, exit 2', async () => {
    const missing = path.join(work, 'nope.shard.jsonl');
    const result = await runCli('eval', missing);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `imagery: ${missing}: no such file or folder\n`);
    const none = await runCli('eval');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^imagery: eval: expects a release folder or shard files/);
    const emptyDir = path.join(work, 'empty');
    mkdirSync(emptyDir);
    const empty = await runCli('eval', emptyDir);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /neither a release folder .* nor a folder holding \*\.shard\.jsonl files/);
  });
});

describe('imagery stats', () => {
  test('--json: per-domain counts and mean ± sd over the benchmark requests', async () => {
    const result = await runCli('stats', shards, '--json', '--quiet');
    assert.equal(result.code, 0, result.stderr);
    const { domains } = JSON.parse(result.stdout) as { domains: Record<string, DomainStats> };
    assert.deepEqual(Object.keys(domains).sort(), ['books', 'music']);
    assert.equal(domains.music.requests, 3);
    assert.equal(domains.music.items, 4);
    assert.equal(domains.music.images.total, 3); // image URLs: 1 + 2 + 0
    assert.ok(Math.abs(domains.music.images.mean - 1) < 1e-12);
  });

  test('table: one row per domain', async () => {
    const result = await runCli('stats', release.dir, '--quiet');
    assert.equal(result.code, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[3], /^music +3 +4 +3 +1\.00 ± 0\.82 +1\.33 ± 1\.25$/);
  });
});

describe('imagery export / help / unknown commands', () => {
  test('export needs --out and --seed; refuses a release folder as input', async () => {
    assert.match((await runCli('export', shards, '--seed', '1')).stderr, /^imagery: export: --out <dir> is required/);
    assert.match((await runCli('export', shards, '--out', path.join(work, 'e'))).stderr, /--seed <n> is required/);
    assert.match(
      (await runCli('export', shards, '--out', path.join(work, 'e'), '--seed', 'x')).stderr,
      /--seed must be an integer/,
    );
    const fromRelease = await runCli('export', release.dir, '--out', path.join(work, 'e'), '--seed', '1');
    assert.equal(fromRelease.code, 2);
    assert.match(fromRelease.stderr, /is a release; import it first/);
  });

  test('export writes the release layout from shards and prints its summary as JSON', async () => {
    const out = path.join(work, 'exported');
    const result = await runCli('export', shards, '--out', out, '--seed', '7', '--json', '--quiet');
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as { seed: number; files: string[] };
    assert.equal(summary.seed, 7);
    assert.ok(summary.files.some((file) => file.endsWith(path.join('music', 'submissions_ns.jsonl'))));
  });

  test('every command has --help (exit 0); unknown command and help topic are usage errors', async () => {
    for (const command of ['import', 'eval', 'stats', 'export']) {
      const result = await runCli(command, '--help');
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`^Usage: imagery ${command} `));
      assert.equal((await runCli('help', command)).stdout, result.stdout);
    }
    assert.match((await runCli('--help')).stdout, /Commands:\n {2}import/);
    const unknown = await runCli('frobnicate');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'imagery: unknown command "frobnicate" (see "imagery help")\n');
    assert.equal((await runCli('help', 'nope')).code, 2);
  });
});
