import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportResult } from '../../../src/cli/commands/import';
import { ShardReader } from '../../../src/core/shard/reader';
import { insertLine, makeRelease, SYNTHETIC } from '../../fixtures/release-maker';
import { problemLines, runCli } from './run-cli';

const release = makeRelease();
const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-cli-import-'));
after(() => {
  release.cleanup();
  rmSync(work, { recursive: true, force: true });
});
const outDir = (name: string): string => path.join(work, name);

async function idsOf(file: string): Promise<(string | null)[]> {
  const reader = await ShardReader.open(file);
  try {
    return await reader.ids();
  } finally {
    await reader.close();
  }
}

describe('imagery import', () => {
  test('writes <domain>-NNN shards of --shard-size requests and prints one JSON object with --json', async () => {
    const out = outDir('sized');
    const result = await runCli('import', release.dir, '--out', out, '--shard-size', '2', '--json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      'books-001.shard.jsonl',
      'imagery-images.json',
      'music-001.shard.jsonl',
      'music-002.shard.jsonl',
    ]);
    assert.deepEqual(await idsOf(path.join(out, 'music-001.shard.jsonl')), ['m001', 'm002']);
    assert.deepEqual(await idsOf(path.join(out, 'music-002.shard.jsonl')), ['m003']);
    const { imports } = JSON.parse(result.stdout) as { imports: ImportResult[] };
    assert.deepEqual(
      imports.map((entry) => [entry.domain, entry.requests, entry.shards.length]),
      [
        ['books', 2, 1],
        ['music', 3, 2],
      ],
    );
    const music = imports[1];
    assert.equal(music.comments, SYNTHETIC.music.comments);
    assert.deepEqual(music.images, { found: SYNTHETIC.music.imagesFound, missing: SYNTHETIC.music.imagesMissing, refused: 0 });
    assert.deepEqual(music.imageWarnings, []);
    assert.equal(music.runs.length, SYNTHETIC.musicRuns.length);
    assert.deepEqual(music.unreadable, []);
    assert.match(result.stderr, /wrote music-002\.shard\.jsonl/); // progress goes to stderr
  });

  test('the text summary names requests, comments, items, runs, images and unreadable lines', async () => {
    const result = await runCli('import', release.dir, '--domain', 'music', '--out', outDir('text'), '--quiet');
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    for (const expected of [
      /music: 3 requests/,
      /comments: 4 on 2 requests/,
      /items: 4 extracted/,
      /runs: 4/,
      /images: 2 found, 1 missing/,
      /unreadable lines: 0/,
    ]) {
      assert.match(result.stdout, expected);
    }
    assert.deepEqual(readdirSync(outDir('text')).sort(), ['imagery-images.json', 'music-001.shard.jsonl']);
  });

  test('a malformed line: one "file:line" warning, neighbours imported, exit 0 (1 with --strict)', async () => {
    const faulty = makeRelease();
    try {
      const submissions = faulty.file('data/processed/music/submissions_ns.jsonl');
      insertLine(submissions, 1, '{"submission_id": "broken",');
      const result = await runCli('import', faulty.dir, '--domain', 'music', '--out', outDir('faulty'));
      assert.equal(result.code, 0);
      const warnings = problemLines(result.stderr);
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0],
        new RegExp(`^imagery: warning: ${submissions.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: malformed JSON`),
      );
      assert.deepEqual(await idsOf(path.join(outDir('faulty'), 'music-001.shard.jsonl')), [...SYNTHETIC.music.nsIds]);
      assert.match(result.stdout, /unreadable lines: 1\n {4}.*submissions_ns\.jsonl:2: /);
      const strict = await runCli(
        'import',
        faulty.dir,
        '--domain',
        'music',
        '--out',
        outDir('faulty-strict'),
        '--strict',
        '--quiet',
      );
      assert.equal(strict.code, 1);
    } finally {
      faulty.cleanup();
    }
  });

  test('refuses to overwrite existing shards without --force; --force replaces them and drops stale ones', async () => {
    const out = outDir('again');
    assert.equal(
      (await runCli('import', release.dir, '--domain', 'music', '--out', out, '--shard-size', '1', '--quiet')).code,
      0,
    );
    assert.equal(readdirSync(out).filter((name) => name.endsWith('.shard.jsonl')).length, 3);
    const refused = await runCli('import', release.dir, '--domain', 'music', '--out', out, '--quiet');
    assert.equal(refused.code, 1);
    assert.deepEqual(problemLines(refused.stderr), [
      `imagery: ${path.join(out, 'music-001.shard.jsonl')}: music shards already exist here (use --force to replace them)`,
    ]);
    const forced = await runCli('import', release.dir, '--domain', 'music', '--out', out, '--force', '--quiet');
    assert.equal(forced.code, 0);
    assert.deepEqual(readdirSync(out).sort(), ['imagery-images.json', 'music-001.shard.jsonl']);
    assert.deepEqual(await idsOf(path.join(out, 'music-001.shard.jsonl')), [...SYNTHETIC.music.nsIds]);
  });

  test('imported twice with different shard sizes, annotations follow their requests and the summary says what moved', async () => {
    const out = outDir('resized');
    const imported = (...more: string[]) => runCli('import', release.dir, '--domain', 'music', '--out', out, '--quiet', ...more);
    assert.equal((await imported('--shard-size', '1')).code, 0);
    // Ana validated m003 in music-003 (of one request each).
    const event = {
      v: 1,
      id: 'a1',
      time: '2026-01-01T10:00:00.000Z',
      annotator: 'ana',
      request: 'm003',
      type: 'validity',
      verdict: 'valid',
    };
    const oldLog = path.join(out, 'music-003.shard.jsonl.annotations', 'ana.jsonl');
    mkdirSync(path.dirname(oldLog));
    writeFileSync(oldLog, JSON.stringify(event) + '\n');
    const again = await imported('--shard-size', '2', '--force');
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /\n {2}annotations: 1 event\(s\) of 1 request\(s\) moved to the logs beside their new shards\n {4}music-003\.shard\.jsonl\.annotations\/ana\.jsonl -> music-002\.shard\.jsonl\.annotations\/ana\.jsonl: 1 event\(s\)/,
    );
    assert.equal(existsSync(path.dirname(oldLog)), false);
    assert.equal(
      readFileSync(path.join(out, 'music-002.shard.jsonl.annotations', 'ana.jsonl'), 'utf8'),
      JSON.stringify(event) + '\n',
    );
    assert.deepEqual(await idsOf(path.join(out, 'music-002.shard.jsonl')), ['m003']);
    const json = await imported('--shard-size', '1', '--force', '--json');
    const [result] = (JSON.parse(json.stdout) as { imports: ImportResult[] }).imports;
    assert.deepEqual(
      { events: result.annotationsMoved.events, requests: result.annotationsMoved.requests },
      { events: 1, requests: ['m003'] },
    );
  });

  test('--copy-images copies found images beside the shards; --include-unsampled adds choice-less requests', async () => {
    const out = outDir('copied');
    const result = await runCli(
      'import',
      release.dir,
      '--domain',
      'music',
      '--out',
      out,
      '--copy-images',
      '--include-unsampled',
      '--quiet',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(out, 'images', 'music', 'PictureTheSound_m001.jpg')));
    const reader = await ShardReader.open(path.join(out, 'music-001.shard.jsonl'));
    try {
      assert.deepEqual(await reader.ids(), [...SYNTHETIC.music.nsIds, ...SYNTHETIC.music.unsampledIds]);
      const first = await reader.read(0);
      assert.equal(first.kind === 'record' && first.record.images[0].path, 'images/music/PictureTheSound_m001.jpg');
      const unsampled = await reader.read(3);
      assert.equal(unsampled.kind === 'record' && unsampled.record.choice, null);
    } finally {
      await reader.close();
    }
  });

  test('bad usage and bad input: one "imagery:" line each, non-zero exit, nothing written', async () => {
    const cases: [string[], number, RegExp][] = [
      [['import', path.join(work, 'missing'), '--out', outDir('x')], 1, /^imagery: .*missing: not a release folder/],
      [['import', release.dir], 2, /^imagery: import: --out <dir> is required/],
      [['import', release.dir, '--out', outDir('x'), '--domain', 'films'], 2, /--domain must be music or books, got "films"/],
      [['import', release.dir, '--out', outDir('x'), '--shard-size', '0'], 2, /--shard-size must be an integer >= 1, got "0"/],
      [
        ['import', release.dir, '--out', outDir('x'), '--bogus'],
        2,
        /^imagery: import: Unknown option '--bogus'\. \(see "imagery help"\)$/,
      ],
      [['import', release.dir, release.dir, '--out', outDir('x')], 2, /expects one release folder/],
    ];
    for (const [argv, code, message] of cases) {
      const result = await runCli(...argv);
      assert.equal(result.code, code, argv.join(' '));
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0], message);
    }
    assert.equal(existsSync(outDir('x')), false);
  });

  test('a release whose submissions file is unreadable as a whole still reports file, not a crash', async () => {
    const broken = makeRelease();
    try {
      rmSync(broken.file('data/processed/books/submissions_ns.jsonl'));
      rmSync(broken.file('data/processed/books/submissions.jsonl'));
      writeFileSync(broken.file('data/processed/books/recs.json'), '{}');
      const result = await runCli('import', broken.dir, '--domain', 'books', '--out', outDir('nobooks'), '--quiet');
      assert.equal(result.code, 1);
      assert.deepEqual(problemLines(result.stderr), [
        `imagery: ${broken.file('data/processed/books')}: no submissions_ns.jsonl or submissions.jsonl`,
      ]);
    } finally {
      broken.cleanup();
    }
  });
});
