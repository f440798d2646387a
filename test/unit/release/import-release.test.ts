import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportStep } from '../../../src/core/release/import-progress';
import { checkReleaseLayout, describeMissing, importRelease } from '../../../src/core/release/import-release';
import { formatImportResult } from '../../../src/core/release/import-result-text';
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

/** Imports music, images copied, into `outDir`, and stops it the first time `when` holds for a step. */
async function stoppedImport(outDir: string, when: (step: ImportStep) => boolean, onStop = (): void => undefined): Promise<void> {
  const controller = new AbortController();
  await assert.rejects(
    importRelease(release.dir, {
      domains: ['music'],
      outDir,
      copyImages: true,
      signal: controller.signal,
      progress: (_message, step) => {
        if (!step || controller.signal.aborted || !when(step)) return;
        onStop();
        // At the import's next turn: the step's own work has begun.
        queueMicrotask(() => controller.abort());
      },
    }),
    { name: 'AbortError' },
  );
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
    // Stopped once the first request's images are being copied.
    await stoppedImport(out, (step) => step.phase === 'build' && step.done === 0);
    assert.equal(existsSync(out), false, `left: ${filesUnder(parent).join(', ')}`);
  });

  test('stopped while writing shards: the copies and the new image folders go, the target folder already there stays', async () => {
    const out = fresh('abort-write');
    const copied: string[] = [];
    await stoppedImport(
      out,
      (step) => step.phase === 'write',
      () => copied.push(...readdirSync(path.join(out, 'images'), { recursive: true, encoding: 'utf8' }).sort()),
    );
    assert.deepEqual(copied, [
      'music',
      path.join('music', 'PictureTheSound_m001.jpg'),
      path.join('music', 'ifyoulikeblank_m002_1.jpg'),
    ]);
    assert.deepEqual(readdirSync(out), []);
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

  /** One event line of `annotator` about `request` (a note: any event type moves alike). */
  const eventLine = (annotator: string, request: string, n: number): string =>
    JSON.stringify({
      v: 1,
      id: `${annotator}-${n}`,
      time: `2026-01-0${n}T10:00:00.000Z`,
      annotator,
      request,
      type: 'note',
      text: `n${n}`,
    });
  const writeLog = (out: string, shard: string, annotator: string, lines: string[]): string => {
    const log = path.join(out, `${shard}.annotations`, `${annotator}.jsonl`);
    mkdirSync(path.dirname(log), { recursive: true });
    writeFileSync(log, lines.map((line) => line + '\n').join(''));
    return log;
  };

  test("re-importing with another shard size moves each annotator's events to the log beside their request's new shard", async () => {
    const out = path.join(fresh('replace'), 'shards');
    // Shards of one request: m001 in music-001, m002 in music-002, m003 in music-003.
    await importRelease(release.dir, { domains: ['music'], outDir: out, shardSize: 1 });
    const ana2 = eventLine('ana', 'm002', 1);
    const ana3 = [eventLine('ana', 'm003', 2), eventLine('ana', 'm003', 3)];
    const ben1 = eventLine('ben', 'm001', 4);
    writeLog(out, 'music-002.shard.jsonl', 'ana', [ana2]);
    writeLog(out, 'music-003.shard.jsonl', 'ana', ana3);
    writeLog(out, 'music-001.shard.jsonl', 'ben', [ben1]);
    await assert.rejects(importRelease(release.dir, { domains: ['music'], outDir: out }), /shards already exist here/);

    // A shard size of 2: m001 and m002 in music-001, m003 in music-002.
    const [result] = await importRelease(release.dir, { domains: ['music'], outDir: out, shardSize: 2, overwrite: true });
    assert.deepEqual(filesUnder(out), [
      'imagery-images.json',
      'music-001.shard.jsonl',
      path.join('music-001.shard.jsonl.annotations', 'ana.jsonl'),
      path.join('music-001.shard.jsonl.annotations', 'ben.jsonl'),
      'music-002.shard.jsonl',
      path.join('music-002.shard.jsonl.annotations', 'ana.jsonl'),
    ]);
    const read = (shard: string, annotator: string) =>
      readFileSync(path.join(out, `${shard}.annotations`, `${annotator}.jsonl`), 'utf8');
    assert.equal(read('music-001.shard.jsonl', 'ana'), `${ana2}\n`);
    assert.equal(read('music-001.shard.jsonl', 'ben'), `${ben1}\n`);
    assert.equal(read('music-002.shard.jsonl', 'ana'), `${ana3.join('\n')}\n`);
    const relative = (file: string) => path.relative(out, file);
    assert.deepEqual(
      {
        ...result.annotationsMoved,
        moves: result.annotationsMoved.moves.map((move) => ({ ...move, from: relative(move.from), to: relative(move.to) })),
      },
      {
        events: 3,
        requests: ['m002', 'm003'],
        moves: [
          {
            from: path.join('music-002.shard.jsonl.annotations', 'ana.jsonl'),
            to: path.join('music-001.shard.jsonl.annotations', 'ana.jsonl'),
            events: 1,
          },
          {
            from: path.join('music-003.shard.jsonl.annotations', 'ana.jsonl'),
            to: path.join('music-002.shard.jsonl.annotations', 'ana.jsonl'),
            events: 2,
          },
        ],
      },
    );
    assert.match(
      formatImportResult(result),
      /\n {2}annotations: 3 event\(s\) of 2 request\(s\) moved to the logs beside their new shards\n {4}music-002\.shard\.jsonl\.annotations\/ana\.jsonl -> music-001\.shard\.jsonl\.annotations\/ana\.jsonl: 1 event\(s\)\n {4}music-003\.shard\.jsonl\.annotations\/ana\.jsonl -> music-002\.shard\.jsonl\.annotations\/ana\.jsonl: 2 event\(s\)$/,
    );
  });

  test('a re-import that would leave an annotated request out is refused, naming the log and the request; nothing changes', async () => {
    const out = path.join(fresh('detach'), 'shards');
    await importRelease(release.dir, { domains: ['music'], outDir: out, shardSize: 2, includeUnsampled: true });
    // m004 is an unsampled request (music-002 with m003); the default import leaves it out.
    const log = writeLog(out, 'music-002.shard.jsonl', 'ana', [eventLine('ana', 'm003', 1), eventLine('ana', 'm004', 2)]);
    const before = new Map(filesUnder(out).map((name) => [name, readFileSync(path.join(out, name), 'utf8')]));
    await assert.rejects(
      importRelease(release.dir, { domains: ['music'], outDir: out, shardSize: 2, overwrite: true }),
      (error: Error) => {
        assert.match(error.message, /^this import would detach annotations: .* nothing was written/);
        assert.ok(error.message.endsWith(`\n  ${log}: m004`), error.message);
        return true;
      },
    );
    assert.deepEqual(filesUnder(out), [...before.keys()]);
    for (const [name, text] of before) assert.equal(readFileSync(path.join(out, name), 'utf8'), text, name);
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
