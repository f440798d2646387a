// Validation samples: seeded, reproducible byte for byte, written as a review queue beside the shards.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseQueue, serializeQueue } from '../../../src/core/validation/queue';
import { drawIndexes, drawSample, MAX_SEED, population } from '../../../src/core/validation/sample';
import { makeTempDir } from '../annotations/temp';
import { problemLines, runCli } from '../cli/run-cli';
import { sampleRecord } from '../shard/sample-records';
import { REPO_ROOT } from '../../helpers/dataset';

function copySampleShards(t: Parameters<typeof makeTempDir>[0]): string {
  const dir = makeTempDir(t, 'imagery-sample-');
  cpSync(path.join(REPO_ROOT, 'sample', 'shards'), path.join(dir, 'shards'), { recursive: true });
  return path.join(dir, 'shards');
}

test('drawIndexes: the same seed gives the same distinct, ascending indexes; another seed another sample', () => {
  const a = drawIndexes(1000, 100, 7);
  assert.deepEqual(a, drawIndexes(1000, 100, 7));
  assert.equal(new Set(a).size, 100);
  assert.deepEqual(
    a,
    [...a].sort((x, y) => x - y),
  );
  assert.ok(a.every((i) => i >= 0 && i < 1000));
  assert.notDeepEqual(a, drawIndexes(1000, 100, 8));
  assert.deepEqual(drawIndexes(5, 100, 1), [0, 1, 2, 3, 4]);
  assert.throws(() => drawIndexes(5, 1, -1), /seed must be an integer/);
});

test('drawIndexes: every unit can be drawn (each of 10 appears as the single draw for some seed of 0..199)', () => {
  const seen = new Set<number>();
  for (let seed = 0; seed < 200; seed++) seen.add(drawIndexes(10, 1, seed)[0]);
  assert.equal(seen.size, 10);
});

test('drawIndexes: a pinned draw, so a change of generator or shuffle shows', () => {
  assert.deepEqual(drawIndexes(20, 5, 7), [0, 1, 3, 11, 17]);
});

test('drawIndexes: each unit is drawn equally often over 3,000 seeds (3 of 10: 900 each expected)', () => {
  const counts = Array.from({ length: 10 }, () => 0);
  for (let seed = 0; seed < 3000; seed++) for (const index of drawIndexes(10, 3, seed)) counts[index]++;
  // The standard deviation is 25: 800..1000 is 4 of them either side.
  for (const [index, count] of counts.entries()) {
    assert.ok(count >= 800 && count <= 1000, `unit ${index}: ${count} of 3000 (${counts.join('/')})`);
  }
});

test('population: comments without an extractor answer are not drawn; shards are ordered by path, not by argument', () => {
  const withAnswer = sampleRecord('r1', {
    comments: [
      { id: 'c1', raw: 'x', upvotes: 1, created_utc: null, extraction: { raw: 'A - B', items: ['a - b'] } },
      { id: 'c2', raw: 'y', upvotes: 1, created_utc: null, extraction: { raw: null, items: [] } },
    ],
  });
  const other = sampleRecord('r2');
  const units = population(
    [
      { file: '/q/b.shard.jsonl', records: [other] },
      { file: '/q/a.shard.jsonl', records: [withAnswer] },
    ],
    'comments',
    '/q',
  );
  assert.deepEqual(units, [
    { shard: 'a.shard.jsonl', request: 'r1', comment: 'c1' },
    { shard: 'b.shard.jsonl', request: 'r2', comment: 'c1' },
  ]);
});

test('queue text: serialize then parse gives the queue back; a broken queue names the file and the field', () => {
  const queue = drawSample([{ file: '/q/s/a.shard.jsonl', records: [sampleRecord('r1'), sampleRecord('r2')] }], {
    name: 'check',
    unit: 'requests',
    size: 1,
    seed: 3,
    queueDir: '/q',
  });
  const text = serializeQueue(queue);
  assert.deepEqual(parseQueue(text, 'x.queue.json'), queue);
  assert.match(text, /\n {4}\{"shard":"s\/a.shard.jsonl","request":"r\d"\}\n/);
  assert.throws(
    () => parseQueue('{"format":"imagery-review-queue"}', 'bad.queue.json'),
    /bad\.queue\.json: not a review queue: version/,
  );
  assert.throws(() => parseQueue('{', 'torn.queue.json'), /torn\.queue\.json: not JSON/);
});

test('queue text: a name with a command link, an icon or a right-to-left override is refused when read, naming the file and the field', () => {
  const header = { format: 'imagery-review-queue', version: 1, unit: 'requests', seed: 1, population: 0, shards: [], items: [] };
  const link = '[Click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20hi%22%7D)';
  for (const name of [link, 'a$(zap)', 'abc\u202edef', 'two words', '']) {
    assert.throws(
      () => parseQueue(JSON.stringify({ ...header, name }), 'hostile.queue.json'),
      (error: Error) => {
        assert.match(error.message, /^hostile\.queue\.json: not a review queue: name: use letters, digits/);
        assert.ok(!error.message.includes('command:'), error.message); // the refusal does not repeat the name
        return true;
      },
      JSON.stringify(name),
    );
  }
  assert.equal(parseQueue(JSON.stringify({ ...header, name: 'spot-check_2.b' }), 'ok.queue.json').name, 'spot-check_2.b');
});

test('imagery sample --comments: the same seed and shards give the same bytes, whatever the argument order', async (t) => {
  const shards = copySampleShards(t);
  const files = ['books-001', 'books-002', 'music-001', 'music-002'].map((name) => path.join(shards, `${name}.shard.jsonl`));
  const first = await runCli('sample', ...files, '--comments', '10', '--seed', '42', '--name', 'pilot', '--json', '--quiet');
  assert.equal(first.code, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.equal(summary.file, path.join(shards, 'pilot.queue.json'));
  assert.equal(summary.size, 10);
  assert.equal(summary.outcome, 'written');
  const bytes = readFileSync(summary.file);
  const queue = parseQueue(bytes.toString('utf8'), summary.file);
  assert.equal(queue.items.length, 10);
  assert.ok(queue.items.every((item) => item.comment !== undefined));
  assert.equal(new Set(queue.items.map((item) => `${item.request}/${item.comment}`)).size, 10);

  const again = await runCli(
    'sample',
    ...[...files].reverse(),
    '--comments',
    '10',
    '--seed',
    '42',
    '--name',
    'pilot',
    '--json',
    '--quiet',
  );
  assert.equal(again.code, 0, again.stderr);
  assert.equal(JSON.parse(again.stdout).outcome, 'unchanged');
  assert.deepEqual(readFileSync(summary.file), bytes);

  const folder = await runCli('sample', shards, '--comments', '10', '--seed', '42', '--name', 'pilot-b', '--json', '--quiet');
  const viaFolder = readFileSync(JSON.parse(folder.stdout).file, 'utf8');
  assert.equal(viaFolder.replace('"pilot-b"', '"pilot"'), bytes.toString('utf8'));
});

test('imagery sample: a different queue of the same name is kept unless --force', async (t) => {
  const shards = copySampleShards(t);
  assert.equal((await runCli('sample', shards, '--requests', '3', '--seed', '1', '--name', 'q', '--quiet')).code, 0);
  const file = path.join(shards, 'q.queue.json');
  const before = readFileSync(file, 'utf8');
  const clash = await runCli('sample', shards, '--requests', '3', '--seed', '2', '--name', 'q', '--quiet');
  assert.equal(clash.code, 1);
  assert.match(problemLines(clash.stderr)[0], /q\.queue\.json: a different queue of that name exists/);
  assert.equal(readFileSync(file, 'utf8'), before);
  const forced = await runCli('sample', shards, '--requests', '3', '--seed', '2', '--name', 'q', '--force', '--quiet');
  assert.equal(forced.code, 0, forced.stderr);
  assert.notEqual(readFileSync(file, 'utf8'), before);
  assert.equal(parseQueue(readFileSync(file, 'utf8'), file).unit, 'requests');
});

test('imagery sample: usage errors say what is missing', async (t) => {
  const shards = copySampleShards(t);
  const cases: [string[], RegExp][] = [
    [['--comments', '5', '--name', 'q'], /--seed <n> is required/],
    [['--comments', '5', '--requests', '5', '--seed', '1', '--name', 'q'], /exactly one of --comments/],
    [['--seed', '1', '--name', 'q'], /exactly one of --comments/],
    [['--comments', '5', '--seed', '1'], /--name <queue> is required/],
    [['--comments', '5', '--seed', '1', '--name', '../up'], /queue name "\.\.\/up"/],
    [['--comments', '0', '--seed', '1', '--name', 'q'], /--comments must be an integer >= 1/],
    [['--comments', '5', '--seed', '4294967296', '--name', 'q'], /--seed must be at most 4294967295/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli('sample', shards, ...args, '--quiet');
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message, args.join(' '));
  }
});

test('imagery sample: asking for more than there is takes everything, with a warning', async (t) => {
  const shards = copySampleShards(t);
  const result = await runCli(
    'sample',
    path.join(shards, 'music-001.shard.jsonl'),
    '--requests',
    '100000',
    '--seed',
    '5',
    '--name',
    'all',
    '--json',
    '--quiet',
  );
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stdout);
  assert.equal(summary.size, summary.population);
  assert.match(result.stderr, /warning: only \d+ requests to draw from/);
});

test('queue names: a digit may lead; a name that leads with a sign or ends with a dot is refused', () => {
  const header = { format: 'imagery-review-queue', version: 1, unit: 'requests', seed: 1, population: 0, shards: [], items: [] };
  const parse = (name: string) => parseQueue(JSON.stringify({ ...header, name }), 'n.queue.json');
  assert.equal(parse('2026-check').name, '2026-check');
  for (const name of ['-check', '.check', '_check', 'check.']) {
    assert.throws(() => parse(name), /n\.queue\.json: not a review queue: name: /, name);
  }
});

test('queue text: no items is an empty list; a torn file keeps the parse error as its cause; a wrong top level is named', () => {
  const empty = drawSample([], { name: 'none', unit: 'requests', size: 3, seed: 1, queueDir: '/q' });
  assert.match(serializeQueue(empty), /\n {2}"items": \[\]\n\}\n$/);
  assert.deepEqual(parseQueue(serializeQueue(empty), 'none.queue.json'), empty);
  assert.throws(
    () => parseQueue('{', 'torn.queue.json'),
    (error: Error) => error.cause instanceof SyntaxError,
  );
  assert.throws(() => parseQueue('[]', 'list.queue.json'), /^Error: list\.queue\.json: not a review queue: \(top\): /);
  const header = { format: 'imagery-review-queue', version: 1, name: 'q', unit: 'requests', seed: 1, population: 1, shards: [] };
  assert.throws(
    () => parseQueue(JSON.stringify({ ...header, items: [{ shard: 'a.shard.jsonl' }] }), 'item.queue.json'),
    /^Error: item\.queue\.json: not a review queue: items\.0\.request: /,
  );
});

test('drawIndexes: seeds 0..MAX_SEED are accepted, others refused; asking for all gives all', () => {
  assert.equal(drawIndexes(10, 3, MAX_SEED).length, 3);
  assert.throws(() => drawIndexes(10, 3, MAX_SEED + 1), RangeError);
  assert.throws(() => drawIndexes(10, 3, -1), RangeError);
  for (let seed = 0; seed < 50; seed++) {
    assert.deepEqual(drawIndexes(5, 5, seed), [0, 1, 2, 3, 4]);
    assert.deepEqual(drawIndexes(5, 9, seed), [0, 1, 2, 3, 4]);
  }
});

test('drawSample: the queue names each shard once, relative to its folder, sorted', () => {
  const shards = [
    { file: '/q/b/x.shard.jsonl', records: [sampleRecord('r1')] },
    { file: '/q/a.shard.jsonl', records: [sampleRecord('r2')] },
  ];
  const queue = drawSample(shards, { name: 'q', unit: 'requests', size: 1, seed: 1, queueDir: '/q' });
  assert.deepEqual(queue.shards, ['a.shard.jsonl', 'b/x.shard.jsonl']);
  assert.equal(queue.population, 2);
});
