import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportStep } from '../../../src/core/release/import-progress';
import { checkReleaseLayout, describeMissing, importRelease } from '../../../src/core/release/import-release';
import { makeRelease, SYNTHETIC } from '../../fixtures/release-maker';

const release = makeRelease();
const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-import-release-'));
after(() => {
  release.cleanup();
  rmSync(work, { recursive: true, force: true });
});
const fresh = (name: string): string => mkdtempSync(path.join(work, `${name}-`));

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('checkReleaseLayout', () => {
  test('a release: both domains, nothing missing', () => {
    assert.deepEqual(checkReleaseLayout(release.dir), { domains: ['books', 'music'], missing: [] });
  });

  test('an empty folder: names data/processed and the domain folders', () => {
    const dir = fresh('empty');
    const layout = checkReleaseLayout(dir);
    assert.deepEqual(layout, { domains: [], missing: ['data/processed/', 'data/processed/books/ or data/processed/music/'] });
    assert.equal(
      describeMissing(dir, layout),
      `Not a release folder: ${dir} has no data/processed/, no data/processed/books/ or data/processed/music/.`,
    );
  });

  test('data/processed without domains, a domain without requests, a folder that does not exist', () => {
    const dir = fresh('partial');
    mkdirSync(path.join(dir, 'data', 'processed'), { recursive: true });
    assert.deepEqual(checkReleaseLayout(dir).missing, ['data/processed/books/ or data/processed/music/']);
    mkdirSync(path.join(dir, 'data', 'processed', 'music'));
    assert.deepEqual(checkReleaseLayout(dir), {
      domains: [],
      missing: ['data/processed/music/submissions_ns.jsonl (or submissions.jsonl)'],
    });
    const absent = path.join(dir, 'nope');
    assert.equal(describeMissing(absent, checkReleaseLayout(absent)), `Not a release folder: ${absent} does not exist.`);
  });
});

describe('importRelease', () => {
  test('imports the chosen domains, reporting read, build and write steps', async () => {
    const out = path.join(fresh('all'), 'shards');
    const steps: ImportStep[] = [];
    const results = await importRelease(release.dir, {
      domains: ['music', 'books'],
      outDir: out,
      shardSize: 2,
      progress: (_message, step) => step && steps.push(step),
    });
    assert.deepEqual(
      results.map((result) => [result.domain, result.requests, result.shards.map((file) => path.basename(file))]),
      [
        ['music', SYNTHETIC.music.nsIds.length, ['music-001.shard.jsonl', 'music-002.shard.jsonl']],
        ['books', SYNTHETIC.books.nsIds.length, ['books-001.shard.jsonl']],
      ],
    );
    for (const domain of ['music', 'books'] as const) {
      for (const phase of ['read', 'build', 'write'] as const) {
        const seen = steps.filter((step) => step.domain === domain && step.phase === phase);
        assert.ok(seen.length > 0, `${domain} ${phase}`);
        for (const step of seen) assert.ok(step.done <= step.total, `${domain} ${phase} ${step.done}/${step.total}`);
      }
    }
    assert.deepEqual(filesUnder(out), [
      'books-001.shard.jsonl',
      'imagery-images.json',
      'music-001.shard.jsonl',
      'music-002.shard.jsonl',
    ]);
  });

  test('aborted while building records: no shard, no temp file, no copied image, no new folder', async () => {
    const parent = fresh('abort-build');
    const out = path.join(parent, 'shards');
    const controller = new AbortController();
    await assert.rejects(
      importRelease(release.dir, {
        domains: ['music'],
        outDir: out,
        copyImages: true,
        signal: controller.signal,
        // Abort once the first request's images have been copied.
        progress: (_message, step) => step?.phase === 'build' && step.done === 0 && queueMicrotask(() => controller.abort()),
      }),
      { name: 'AbortError' },
    );
    assert.equal(existsSync(out), false, `left: ${filesUnder(parent).join(', ')}`);
  });

  test('aborted while writing the second domain: the shards and logs already there are untouched', async () => {
    const out = path.join(fresh('abort-write'), 'shards');
    await importRelease(release.dir, { domains: ['music', 'books'], outDir: out, shardSize: 1 });
    const log = path.join(out, 'music-001.shard.jsonl.annotations', 'someone.jsonl');
    mkdirSync(path.dirname(log));
    writeFileSync(log, '{"kept": true}\n');
    const before = new Map(filesUnder(out).map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
    // Same shards, different content: a shard size of 2 regroups the requests.
    const controller = new AbortController();
    await assert.rejects(
      importRelease(release.dir, {
        domains: ['music', 'books'],
        outDir: out,
        shardSize: 2,
        overwrite: true,
        signal: controller.signal,
        progress: (_message, step) => step?.domain === 'books' && step.phase === 'write' && controller.abort(),
      }),
      { name: 'AbortError' },
    );
    assert.deepEqual(filesUnder(out), [...before.keys()], 'no temp file, no shard added or removed');
    for (const [name, text] of before) assert.equal(readFileSync(path.join(out, name), 'utf8'), text, name);
  });

  test('replacing shards keeps the annotation logs beside them', async () => {
    const out = path.join(fresh('replace'), 'shards');
    await importRelease(release.dir, { domains: ['music'], outDir: out, shardSize: 1 });
    const log = path.join(out, 'music-003.shard.jsonl.annotations', 'someone.jsonl');
    mkdirSync(path.dirname(log));
    writeFileSync(log, '{"kept": true}\n');
    await assert.rejects(importRelease(release.dir, { domains: ['music'], outDir: out }), /shards already exist here/);
    await importRelease(release.dir, { domains: ['music'], outDir: out, overwrite: true });
    assert.deepEqual(filesUnder(out), [
      'imagery-images.json',
      'music-001.shard.jsonl',
      path.join('music-003.shard.jsonl.annotations', 'someone.jsonl'),
    ]);
    assert.equal(readFileSync(log, 'utf8'), '{"kept": true}\n');
  });

  test('a folder that is not a release: a clear error and no files', async () => {
    const parent = fresh('not-release');
    const out = path.join(parent, 'shards');
    await assert.rejects(
      importRelease(parent, { domains: ['music'], outDir: out }),
      /Not a release folder: .* has no data\/processed\//,
    );
    assert.deepEqual(filesUnder(parent), []);
  });
});
