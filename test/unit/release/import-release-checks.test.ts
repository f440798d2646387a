// What a whole import checks before it reads the release (the layout, shards
// already there), and the copied images it records.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ReleaseImportError } from '../../../src/core/release/import';
import { checkReleaseLayout, existingImportShards, importRelease } from '../../../src/core/release/import-release';
import { makeRelease } from '../../fixtures/release-maker';
import { makeTempDir } from '../annotations/temp';

const release = makeRelease();
test.after(() => release.cleanup());

const tempDir = (t: { after: (fn: () => void) => void }) => makeTempDir(t, 'imagery-import-checks-');
/** Every entry under `dir`, relative, sorted. */
const listed = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

test('a folder that does not exist, or a file, is missing only data/processed', (t) => {
  const file = path.join(tempDir(t), 'release.zip');
  writeFileSync(file, '');
  for (const dir of [path.join(path.dirname(file), 'absent'), file])
    assert.deepEqual(checkReleaseLayout(dir), { domains: [], missing: ['data/processed/'] }, dir);
});

test('a data folder without processed/ is missing data/processed and the domain folders', (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'data'));
  assert.deepEqual(checkReleaseLayout(dir), {
    domains: [],
    missing: ['data/processed/', 'data/processed/books/ or data/processed/music/'],
  });
});

test('a release with submissions.jsonl but no submissions_ns.jsonl can be imported', (t) => {
  const unsampled = makeRelease({ withNs: false });
  t.after(() => unsampled.cleanup());
  assert.deepEqual(checkReleaseLayout(unsampled.dir), { domains: ['books', 'music'], missing: [] });
});

test('a chosen domain folder without requests is named by the domain import, not called "not a release"', async (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'data', 'processed', 'music'), { recursive: true });
  await assert.rejects(
    importRelease(dir, { domains: ['music'], outDir: path.join(dir, 'shards') }),
    (error: ReleaseImportError) => {
      assert.equal(error.file, path.join(dir, 'data', 'processed', 'music'));
      assert.equal(error.message, 'no submissions_ns.jsonl or submissions.jsonl');
      return true;
    },
  );
  assert.deepEqual(listed(dir), ['data', path.join('data', 'processed'), path.join('data', 'processed', 'music')]);
});

test('shards of any chosen domain already there: refused before reading anything, naming the first shard', async (t) => {
  const out = tempDir(t);
  await importRelease(release.dir, { domains: ['books'], outDir: out, shardSize: 1 });
  const before = listed(out);
  assert.deepEqual(existingImportShards(out, ['music', 'books']), [
    path.join(out, 'books-001.shard.jsonl'),
    path.join(out, 'books-002.shard.jsonl'),
  ]);
  const messages: string[] = [];
  await assert.rejects(
    importRelease(release.dir, { domains: ['music', 'books'], outDir: out, progress: (message) => messages.push(message) }),
    (error: ReleaseImportError) => {
      assert.equal(error.file, path.join(out, 'books-001.shard.jsonl'));
      assert.equal(error.message, 'shards already exist here (use --force to replace them)');
      return true;
    },
  );
  assert.deepEqual(messages, []);
  assert.deepEqual(listed(out), before);
});

test("copying images puts the found ones under images/<domain>/ and records that folder as the domain's", async (t) => {
  const out = tempDir(t);
  await importRelease(release.dir, { domains: ['music'], outDir: out, copyImages: true });
  assert.deepEqual(listed(out), [
    'imagery-images.json',
    'images',
    path.join('images', 'music'),
    path.join('images', 'music', 'PictureTheSound_m001.jpg'),
    path.join('images', 'music', 'ifyoulikeblank_m002_1.jpg'),
    'music-001.shard.jsonl',
  ]);
  assert.deepEqual(JSON.parse(readFileSync(path.join(out, 'imagery-images.json'), 'utf8')), {
    version: 1,
    imageFolders: [{ domain: 'music', path: 'images/music' }],
  });
});
