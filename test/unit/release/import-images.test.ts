// A request's image names as shard paths: found, missing, or refused with a
// warning naming the request's line (names leaving the image folder,
// symlinks, non-files, files that cannot be read or copied).
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { resolveImages } from '../../../src/core/release/import-images';
import { makeTempDir } from '../annotations/temp';

const RELEASE_LINE = { file: '/release/data/processed/music/submissions_ns.jsonl', line: 4 };

function write(file: string, text = 'image bytes'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An image folder holding `files` (name -> bytes), a shard folder beside it, and a folder outside both. */
function folders(t: { after: (fn: () => void) => void }, files: Record<string, string> = {}) {
  const root = makeTempDir(t, 'imagery-images-');
  const imagesDir = path.join(root, 'release', 'images');
  const shardDir = path.join(root, 'shards');
  const outside = path.join(root, 'outside');
  mkdirSync(imagesDir, { recursive: true });
  mkdirSync(shardDir);
  mkdirSync(outside);
  for (const [name, text] of Object.entries(files)) write(path.join(imagesDir, name), text);
  return { imagesDir, shardDir, outside, copyTo: path.join(shardDir, 'images') };
}

const urls = (...ids: string[]): string[] => ids.map((id) => `https://images.example.invalid/${id}.jpg`);
const refusal = (name: string, reason: string) => ({ ...RELEASE_LINE, reason: `image ${JSON.stringify(name)}: ${reason}` });

test('found images point into the image folder from the shard folder; a missing one and URLs past the names get null', async (t) => {
  const { imagesDir, shardDir } = folders(t, { 'a.jpg': 'a' });
  const resolved = await resolveImages(['a.jpg', 'gone.jpg'], urls('a', 'gone', 'extra'), imagesDir, { shardDir }, RELEASE_LINE);
  assert.deepEqual(resolved, {
    images: [
      { path: '../release/images/a.jpg', url: urls('a')[0] },
      { path: null, url: urls('gone')[0] },
      { path: null, url: urls('extra')[0] },
    ],
    found: 1,
    missing: 1,
    refused: 0,
    problems: [],
  });
});

test('a name below a file (not a folder) is missing, not refused', async (t) => {
  const { imagesDir, shardDir } = folders(t, { 'a.jpg': 'a' });
  const resolved = await resolveImages(['a.jpg/b.jpg'], [], imagesDir, { shardDir }, RELEASE_LINE);
  assert.deepEqual(resolved, { images: [{ path: null, url: null }], found: 0, missing: 1, refused: 0, problems: [] });
});

test('a name that leaves the image folder is refused with a warning naming the request line', async (t) => {
  const { imagesDir, shardDir } = folders(t, { 'a.jpg': 'a' });
  write(path.join(imagesDir, '..', 'evil.jpg'), 'outside the image folder');
  const resolved = await resolveImages(['../evil.jpg', 'a.jpg'], urls('evil'), imagesDir, { shardDir }, RELEASE_LINE);
  assert.deepEqual(resolved, {
    images: [
      { path: null, url: urls('evil')[0] },
      { path: '../release/images/a.jpg', url: null },
    ],
    found: 1,
    missing: 0,
    refused: 1,
    problems: [refusal('../evil.jpg', 'the name leaves the image folder')],
  });
});

test('without a request line, a warning names the image folder', async (t) => {
  const { imagesDir, shardDir } = folders(t);
  mkdirSync(path.join(imagesDir, 'folder.jpg'));
  const resolved = await resolveImages(['folder.jpg'], [], imagesDir, { shardDir });
  assert.deepEqual(resolved.problems, [{ file: imagesDir, reason: 'image "folder.jpg": not a regular file' }]);
  assert.deepEqual([resolved.images, resolved.refused], [[{ path: null, url: null }], 1]);
});

test('symlinks are not followed: a linked file and a file below a linked folder are both refused', async (t) => {
  const { imagesDir, shardDir, outside } = folders(t);
  write(path.join(outside, 'x.jpg'), 'secret');
  symlinkSync(path.join(outside, 'x.jpg'), path.join(imagesDir, 'link.jpg'));
  symlinkSync(outside, path.join(imagesDir, 'linked'));
  const resolved = await resolveImages(['link.jpg', 'linked/x.jpg'], [], imagesDir, { shardDir }, RELEASE_LINE);
  assert.deepEqual(resolved.problems, [
    refusal('link.jpg', 'link.jpg is a symlink (not followed)'),
    refusal('linked/x.jpg', 'linked is a symlink (not followed)'),
  ]);
  assert.deepEqual([resolved.images.map((image) => image.path), resolved.found, resolved.refused], [[null, null], 0, 2]);
});

test('a name the file system cannot look up is refused with its error, as a read or as a copy', async (t) => {
  const { imagesDir, shardDir, copyTo } = folders(t);
  const name = `${'x'.repeat(300)}.jpg`;
  const error = `ENAMETOOLONG: name too long, lstat '${path.join(imagesDir, name)}'`;
  const read = await resolveImages([name], [], imagesDir, { shardDir }, RELEASE_LINE);
  assert.deepEqual([read.problems, read.missing, read.refused], [[refusal(name, `could not read it: ${error}`)], 0, 1]);
  const copied = await resolveImages([name], [], imagesDir, { shardDir, copyTo }, RELEASE_LINE);
  assert.deepEqual(copied.problems, [refusal(name, `could not copy it: ${error}`)]);
});

test('copies go into the copy folder and its subfolders; only copies that made a new file are listed as created', async (t) => {
  const { imagesDir, shardDir, copyTo } = folders(t, { 'old.jpg': 'old from release', 'sub/new.jpg': 'new' });
  write(path.join(copyTo, 'old.jpg'), 'stale copy');
  const created: string[] = [];
  const resolved = await resolveImages(['old.jpg', 'sub/new.jpg'], [], imagesDir, { shardDir, copyTo, created });
  assert.deepEqual(
    resolved.images.map((image) => image.path),
    ['images/old.jpg', 'images/sub/new.jpg'],
  );
  assert.deepEqual(created, [path.join(copyTo, 'sub', 'new.jpg')]);
  assert.equal(readFileSync(path.join(copyTo, 'old.jpg'), 'utf8'), 'old from release');
  assert.equal(readFileSync(path.join(copyTo, 'sub', 'new.jpg'), 'utf8'), 'new');
});

test('a copy whose target is a folder is refused with the copy error', async (t) => {
  const { imagesDir, shardDir, copyTo } = folders(t, { 'a.jpg': 'a' });
  mkdirSync(path.join(copyTo, 'a.jpg'), { recursive: true });
  const resolved = await resolveImages(['a.jpg'], [], imagesDir, { shardDir, copyTo }, RELEASE_LINE);
  const error = `EISDIR: illegal operation on a directory, copyfile '${path.join(imagesDir, 'a.jpg')}' -> '${path.join(copyTo, 'a.jpg')}'`;
  assert.deepEqual(resolved.problems, [refusal('a.jpg', `could not copy it: ${error}`)]);
});

test('a symlink in the copy folder is refused and nothing is written or created through it', async (t) => {
  const { imagesDir, shardDir, copyTo, outside } = folders(t, { 'x.jpg': 'x', 'sub/deep/y.jpg': 'y' });
  write(path.join(outside, 'target.jpg'), 'outside');
  mkdirSync(copyTo);
  symlinkSync(path.join(outside, 'target.jpg'), path.join(copyTo, 'x.jpg'));
  symlinkSync(outside, path.join(copyTo, 'sub'));
  const created: string[] = [];
  const resolved = await resolveImages(['x.jpg', 'sub/deep/y.jpg'], [], imagesDir, { shardDir, copyTo, created }, RELEASE_LINE);
  assert.deepEqual(resolved.problems, [
    refusal('x.jpg', 'in the copy folder, x.jpg is a symlink (not followed)'),
    refusal('sub/deep/y.jpg', 'in the copy folder, sub is a symlink (not followed)'),
  ]);
  assert.equal(readFileSync(path.join(outside, 'target.jpg'), 'utf8'), 'outside');
  assert.deepEqual(readdirSync(outside), ['target.jpg']);
  assert.deepEqual(created, []);
});
