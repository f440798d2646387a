// `imagery import` and the release's images: names that leave the image
// folder, symlinks, subfolders, files that cannot be copied, and the image
// manifest the editor reads (docs/shard-format.md).
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportResult } from '../../../src/cli/commands/import';
import { ShardRecord } from '../../../src/core/shard/schema';
import { makeRelease, type SyntheticRelease } from '../../fixtures/release-maker';
import { problemLines, runCli } from './run-cli';

const work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'imagery-cli-images-')));
const releases: SyntheticRelease[] = [];
after(() => {
  for (const release of releases) release.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const MUSIC_NS = 'data/processed/music/submissions_ns.jsonl';
const IMAGES = 'data/processed/_images/music';

/** A fresh synthetic release whose music request `id` names these local images; returns it and the request's line. */
function releaseWithImages(id: string, names: string[]): { release: SyntheticRelease; line: number } {
  const release = makeRelease();
  releases.push(release);
  const file = release.file(MUSIC_NS);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const index = lines.findIndex((text) => (JSON.parse(text) as { submission_id: string }).submission_id === id);
  const submission = JSON.parse(lines[index]) as Record<string, unknown>;
  lines[index] = JSON.stringify({
    ...submission,
    images: names,
    image_urls: names.map((_, i) => `https://images.example.invalid/${id}-${i}.jpg`),
  });
  writeFileSync(file, lines.join('\n') + '\n');
  return { release, line: index + 1 };
}

function write(file: string, text: string | Buffer = 'image bytes'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function records(shard: string): Map<string, ShardRecord> {
  const lines = readFileSync(shard, 'utf8')
    .split('\n')
    .filter((text) => text.trim() !== '');
  return new Map(lines.map((text) => ShardRecord.parse(JSON.parse(text))).map((record) => [record.id, record]));
}

async function importMusic(release: SyntheticRelease, out: string, ...options: string[]) {
  const result = await runCli('import', release.dir, '--domain', 'music', '--out', out, '--quiet', '--json', ...options);
  const summary = result.code === 0 ? (JSON.parse(result.stdout) as { imports: ImportResult[] }).imports[0] : undefined;
  return { ...result, summary, warnings: problemLines(result.stderr) };
}

const escaping = (release: SyntheticRelease, line: number, name: string, reason: string): string =>
  `imagery: warning: ${release.file(MUSIC_NS)}:${line}: image ${JSON.stringify(name)}: ${reason}`;

describe('imagery import: release images', () => {
  test('names that leave the image folder are refused with a file:line warning, with and without --copy-images', async () => {
    const names = ['../../../../payload/evil.txt', '..\\..\\..\\..\\payload\\evil.txt', '/etc/hostname', 'a/../../x.jpg'];
    const { release, line } = releaseWithImages('m003', names);
    // The traversal names point at a file that exists, inside the release but outside its image folder.
    write(release.file('payload', 'evil.txt'), 'payload');
    for (const copy of [true, false]) {
      const out = path.join(work, 'traversal', copy ? 'copied' : 'linked', 'a', 'b', 'out');
      const result = await importMusic(release, out, ...(copy ? ['--copy-images'] : []));
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(
        result.warnings,
        names.map((name) => escaping(release, line, name, 'the name leaves the image folder')),
      );
      assert.equal(
        existsSync(path.resolve(out, 'images', 'music', names[0])),
        false,
        'nothing written outside <out>/images/music',
      );
      const m003 = records(path.join(out, 'music-001.shard.jsonl')).get('m003');
      assert.deepEqual(
        m003?.images.map((image) => image.path),
        [null, null, null, null],
      );
      assert.deepEqual(result.summary?.images, { found: 2, missing: 1, refused: names.length });
      assert.equal(result.summary?.imageWarnings.length, names.length);
    }
  });

  test('symlinks inside the release are not followed: neither a linked file nor a linked subfolder', async () => {
    const { release, line } = releaseWithImages('m003', ['linked/x.jpg', 'ifyoulikeblank_m002_1.jpg']);
    const outside = path.join(work, 'outside');
    write(path.join(outside, 'x.jpg'), 'secret');
    write(path.join(outside, 'secret.jpg'), 'secret');
    symlinkSync(outside, release.file(IMAGES, 'linked'));
    // m002's released image becomes a link to a file outside the release.
    unlinkSync(release.file(IMAGES, 'ifyoulikeblank_m002_1.jpg'));
    symlinkSync(path.join(outside, 'secret.jpg'), release.file(IMAGES, 'ifyoulikeblank_m002_1.jpg'));
    const out = path.join(work, 'links');
    const result = await importMusic(release, out, '--copy-images');
    assert.equal(result.code, 0, result.stderr);
    const m002Line = 2;
    assert.deepEqual(result.warnings, [
      escaping(release, m002Line, 'ifyoulikeblank_m002_1.jpg', 'ifyoulikeblank_m002_1.jpg is a symlink (not followed)'),
      escaping(release, line, 'linked/x.jpg', 'linked is a symlink (not followed)'),
      escaping(release, line, 'ifyoulikeblank_m002_1.jpg', 'ifyoulikeblank_m002_1.jpg is a symlink (not followed)'),
    ]);
    assert.equal(existsSync(path.join(out, 'images', 'music', 'linked')), false);
    assert.equal(existsSync(path.join(out, 'images', 'music', 'ifyoulikeblank_m002_1.jpg')), false);
    assert.ok(existsSync(path.join(out, 'images', 'music', 'PictureTheSound_m001.jpg')), 'the other images are still copied');
    const shard = records(path.join(out, 'music-001.shard.jsonl'));
    assert.deepEqual(
      shard.get('m003')?.images.map((image) => image.path),
      [null, null],
    );
  });

  test('names with subfolders are copied into the same subfolders', async () => {
    const { release } = releaseWithImages('m003', ['sub/deep/x.jpg', 'sub/y.jpg']);
    write(release.file(IMAGES, 'sub', 'deep', 'x.jpg'), 'x bytes');
    write(release.file(IMAGES, 'sub', 'y.jpg'), 'y bytes');
    const out = path.join(work, 'subfolders');
    const result = await importMusic(release, out, '--copy-images');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.warnings, []);
    assert.equal(readFileSync(path.join(out, 'images', 'music', 'sub', 'deep', 'x.jpg'), 'utf8'), 'x bytes');
    assert.equal(readFileSync(path.join(out, 'images', 'music', 'sub', 'y.jpg'), 'utf8'), 'y bytes');
    const m003 = records(path.join(out, 'music-001.shard.jsonl')).get('m003');
    assert.deepEqual(
      m003?.images.map((image) => image.path),
      ['images/music/sub/deep/x.jpg', 'images/music/sub/y.jpg'],
    );
  });

  test('an image that cannot be used or copied is one warning; the import goes on (exit 1 only with --strict)', async () => {
    const { release, line } = releaseWithImages('m003', ['folder.jpg', 'fine.jpg']);
    mkdirSync(release.file(IMAGES, 'folder.jpg'));
    write(release.file(IMAGES, 'fine.jpg'));
    const out = path.join(work, 'failing');
    // A folder where the copy of m001's image should go: that copy fails.
    mkdirSync(path.join(out, 'images', 'music', 'PictureTheSound_m001.jpg'), { recursive: true });
    const result = await importMusic(release, out, '--copy-images');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.warnings.length, 2, result.stderr);
    assert.match(
      result.warnings[0],
      new RegExp(`submissions_ns\\.jsonl:1: image "PictureTheSound_m001\\.jpg": could not copy it: EISDIR`),
    );
    assert.equal(result.warnings[1], escaping(release, line, 'folder.jpg', 'not a regular file'));
    const shard = records(path.join(out, 'music-001.shard.jsonl'));
    assert.deepEqual([...shard.keys()], ['m001', 'm002', 'm003']);
    assert.deepEqual(
      shard.get('m003')?.images.map((image) => image.path),
      [null, 'images/music/fine.jpg'],
    );
    const strict = await importMusic(release, out, '--copy-images', '--force', '--strict');
    assert.equal(strict.code, 1);
  });

  test('image paths are relative to the real shard folder, so --out through a symlink still finds them', async () => {
    const release = makeRelease();
    releases.push(release);
    const real = path.join(work, 'physical', 'one', 'two', 'real');
    mkdirSync(real, { recursive: true });
    symlinkSync(real, path.join(work, 'physical', 'link'));
    const out = path.join(work, 'physical', 'link', 'shards');
    const result = await importMusic(release, out);
    assert.equal(result.code, 0, result.stderr);
    const m001 = records(path.join(out, 'music-001.shard.jsonl')).get('m001');
    const image = m001?.images[0].path;
    assert.ok(image, 'm001 has a local image');
    // What the OS (and the editor) reads: the path from the shard's real folder.
    assert.ok(existsSync(path.join(realpathSync(out), image)), `${image} from ${realpathSync(out)}`);
  });
});

describe('imagery import: the image manifest', () => {
  test('names the release image folder, or <out>/images/<domain> with --copy-images; one entry per domain', async () => {
    const release = makeRelease();
    releases.push(release);
    const out = path.join(work, 'manifest');
    const manifest = () => JSON.parse(readFileSync(path.join(out, 'imagery-images.json'), 'utf8')) as unknown;
    assert.equal((await importMusic(release, out)).code, 0);
    const music = { domain: 'music', path: path.relative(out, release.file(IMAGES)).split(path.sep).join('/') };
    assert.deepEqual(manifest(), { version: 1, imageFolders: [music] });
    assert.match(music.path, /^\.\.\/.*data\/processed\/_images\/music$/);
    const books = await runCli('import', release.dir, '--domain', 'books', '--out', out, '--copy-images', '--quiet');
    assert.equal(books.code, 0, books.stderr);
    assert.deepEqual(manifest(), { version: 1, imageFolders: [music, { domain: 'books', path: 'images/books' }] });
    assert.equal((await importMusic(release, out, '--copy-images', '--force')).code, 0);
    assert.deepEqual(manifest(), {
      version: 1,
      imageFolders: [
        { domain: 'books', path: 'images/books' },
        { domain: 'music', path: 'images/music' },
      ],
    });
  });
});
