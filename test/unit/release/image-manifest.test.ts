// The shards folder's image manifest: absent, read (BOM or not), or
// unreadable with the reason; recording one domain keeps the others; and the
// physical path of a folder that does not exist yet.
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { manifestPath, physicalPath, readImageManifest, recordImageFolder } from '../../../src/core/release/image-manifest';
import { makeTempDir } from '../annotations/temp';

test('readImageManifest: absent, ok (with a BOM), or unreadable naming why', async (t) => {
  const dir = makeTempDir(t, 'imagery-manifest-');
  assert.deepEqual(await readImageManifest(dir), { kind: 'absent' });
  const manifest = { version: 1, imageFolders: [{ domain: 'music', path: '../images' }] };
  writeFileSync(manifestPath(dir), '\uFEFF' + JSON.stringify(manifest));
  assert.deepEqual(await readImageManifest(dir), { kind: 'ok', manifest });
  // Only a leading BOM goes: one inside a value is data.
  const inside = { version: 1, imageFolders: [{ domain: 'music', path: 'a\uFEFFb' }] };
  writeFileSync(manifestPath(dir), JSON.stringify(inside));
  assert.deepEqual(await readImageManifest(dir), { kind: 'ok', manifest: inside });
  writeFileSync(manifestPath(dir), '{"version": 1,');
  const malformed = await readImageManifest(dir);
  assert.equal(malformed.kind, 'unreadable');
  assert.match((malformed as { reason: string }).reason, /^malformed JSON: /);
  writeFileSync(manifestPath(dir), JSON.stringify({ version: 2, imageFolders: [] }));
  assert.equal((await readImageManifest(dir)).kind, 'unreadable');
  // At the limit it is read; one byte more is refused unread.
  const padded = JSON.stringify(manifest);
  writeFileSync(manifestPath(dir), padded + ' '.repeat(64 * 1024 - padded.length));
  assert.deepEqual(await readImageManifest(dir), { kind: 'ok', manifest });
  writeFileSync(manifestPath(dir), padded + ' '.repeat(64 * 1024 - padded.length + 1));
  assert.deepEqual(await readImageManifest(dir), { kind: 'unreadable', reason: 'larger than 65536 bytes' });
  const folder = makeTempDir(t, 'imagery-manifest-');
  mkdirSync(manifestPath(folder));
  const unreadable = await readImageManifest(folder);
  assert.equal(unreadable.kind, 'unreadable');
  assert.match((unreadable as { reason: string }).reason, /EISDIR/);
});

test('recordImageFolder keeps the other domains and replaces its own', async (t) => {
  const dir = makeTempDir(t, 'imagery-manifest-');
  await recordImageFolder(dir, 'music', path.join(dir, 'images', 'music'));
  await recordImageFolder(dir, 'books', path.join(dir, 'images', 'books'));
  await recordImageFolder(dir, 'music', path.join(dir, 'other'));
  const here = makeTempDir(t, 'imagery-manifest-');
  await recordImageFolder(here, 'books', here);
  assert.deepEqual(await readImageManifest(here), {
    kind: 'ok',
    manifest: { version: 1, imageFolders: [{ domain: 'books', path: '.' }] },
  });
  assert.deepEqual(await readImageManifest(dir), {
    kind: 'ok',
    manifest: {
      version: 1,
      imageFolders: [
        { domain: 'books', path: 'images/books' },
        { domain: 'music', path: 'other' },
      ],
    },
  });
});

test('physicalPath: the real path of the deepest existing folder, then the missing parts in order', (t) => {
  const dir = realpathSync(makeTempDir(t, 'imagery-manifest-'));
  mkdirSync(path.join(dir, 'real'));
  symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
  assert.equal(physicalPath(path.join(dir, 'link', 'a', 'b', 'c')), path.join(dir, 'real', 'a', 'b', 'c'));
  assert.equal(physicalPath(path.join(dir, 'link')), path.join(dir, 'real'));
});
