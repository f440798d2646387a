// Which folders a shard's webview may read: the dataset folder, plus the image
// folders an import recorded in imagery-images.json, and nothing a hostile
// manifest names beyond those.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { IMAGE_MANIFEST_NAME, recordImageFolder } from '../../../src/core/release/image-manifest';
import { importDomain } from '../../../src/core/release/import';
import { domainFiles } from '../../../src/core/release/layout';
import { imageRootsFor } from '../../../src/core/image-roots';
import { isInside } from '../../../src/core/path-rules';
import { REFUSED_OUTSIDE, resolveImageSource } from '../../../src/host/editor/state/images';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'host-image-roots-')));
after(() => rmSync(base, { recursive: true, force: true }));
let count = 0;

function write(file: string, text = 'x'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function manifest(shardFolder: string, folders: { domain: string; path: string }[]): void {
  write(path.join(shardFolder, IMAGE_MANIFEST_NAME), JSON.stringify({ version: 1, imageFolders: folders }));
}

/** base/N/{home/, shared/datasets/release/, ws/shards/} with the release's music images. */
function layout() {
  const root = path.join(base, String(++count));
  const home = path.join(root, 'home');
  const release = path.join(root, 'shared', 'datasets', 'release');
  const images = path.join(release, 'data', 'processed', '_images', 'music');
  const workspace = path.join(root, 'ws');
  const shards = path.join(workspace, 'shards');
  write(path.join(images, 'a.png'));
  write(path.join(home, 'secret.png'));
  mkdirSync(shards, { recursive: true });
  return { root, home, release, images, workspace, shards, shardFile: path.join(shards, 'music-001.shard.jsonl') };
}

test('the README layout: the release image folder the manifest names is allowed, after realpath', async () => {
  const { home, images, workspace, shards, shardFile } = layout();
  manifest(shards, [{ domain: 'music', path: '../../shared/datasets/release/data/processed/_images/music' }]);
  const { roots, warnings } = await imageRootsFor({ shardFile, workspaceFolders: [workspace], trustManifest: true, home });
  assert.deepEqual(roots, [workspace, images]);
  assert.deepEqual(warnings, []);
  const source = await resolveImageSource(
    { path: '../../shared/datasets/release/data/processed/_images/music/a.png', url: null },
    shards,
    roots,
  );
  assert.deepEqual(source, { kind: 'file', file: path.join(images, 'a.png'), url: null });
});

test('a release reached through a symlinked shared/ folder is allowed at its real path', async () => {
  const { root, home, images, workspace, shards, shardFile } = layout();
  symlinkSync(path.join(root, 'shared'), path.join(root, 'linked-shared'));
  manifest(shards, [{ domain: 'music', path: '../../linked-shared/datasets/release/data/processed/_images/music' }]);
  const { roots } = await imageRootsFor({ shardFile, workspaceFolders: [workspace], trustManifest: true, home });
  assert.deepEqual(roots, [workspace, images]);
  const source = await resolveImageSource(
    { path: '../../linked-shared/datasets/release/data/processed/_images/music/a.png', url: null },
    shards,
    roots,
  );
  assert.equal(source.kind === 'file' && source.file, path.join(images, 'a.png'));
});

test('a hostile manifest naming /, $HOME, folders above it or links out serves nothing outside the image folders', async () => {
  const { root, home, images } = layout();
  // The hostile dataset lies in the home folder, as a download would.
  const evil = path.join(home, 'Downloads', 'evil');
  const shards = path.join(evil, 'shards');
  const shardFile = path.join(shards, 'music-001.shard.jsonl');
  mkdirSync(shards, { recursive: true });
  // Folders shaped like the ones import chooses, that are links to the home folder.
  mkdirSync(path.join(evil, 'data', 'processed', '_images'), { recursive: true });
  symlinkSync(home, path.join(evil, 'data', 'processed', '_images', 'music'));
  mkdirSync(path.join(shards, 'images'));
  symlinkSync(home, path.join(shards, 'images', 'music'));
  const named = [
    '/',
    home,
    path.relative(shards, home),
    '..',
    '../..',
    '.',
    '/etc',
    '../data/processed/_images/music',
    'images/music',
    // A real release image folder, named for the wrong domain.
    path.relative(shards, images).replace(/music$/, 'books'),
  ];
  manifest(shards, [
    ...named.map((folder) => ({ domain: 'music', path: folder })),
    { domain: 'books', path: path.relative(shards, images) },
  ]);
  const { roots, warnings } = await imageRootsFor({ shardFile, workspaceFolders: [evil], trustManifest: true, home });
  assert.deepEqual(roots, [evil], 'only the dataset folder');
  assert.equal(warnings.length, named.length + 1, warnings.join('\n'));
  for (const allowed of roots) assert.ok(!isInside(allowed, home) && !isInside(allowed, root), `${allowed} holds no home`);
  const escapes = [
    path.relative(shards, path.join(home, 'secret.png')),
    '../data/processed/_images/music/secret.png',
    'images/music/secret.png',
    `${'../'.repeat(20)}etc/hostname`,
  ];
  for (const escape of escapes) {
    const source = await resolveImageSource({ path: escape, url: null }, shards, roots);
    assert.deepEqual(source, { kind: 'none', url: null, error: REFUSED_OUTSIDE }, escape);
  }
});

test("a manifest can only pick image folders import chooses: another release's _images/<domain> is the most it reaches", async () => {
  const { home, workspace, shards, shardFile } = layout();
  const elsewhere = path.join(home, 'other-release', 'data', 'processed', '_images', 'music');
  write(path.join(elsewhere, 'b.png'));
  manifest(shards, [{ domain: 'music', path: path.relative(shards, elsewhere) }]);
  const { roots } = await imageRootsFor({ shardFile, workspaceFolders: [workspace], trustManifest: true, home });
  assert.deepEqual(roots, [workspace, elsewhere]);
  const secret = await resolveImageSource(
    { path: path.relative(shards, path.join(home, 'secret.png')), url: null },
    shards,
    roots,
  );
  assert.equal(secret.kind, 'none');
});

test('with --copy-images into the home folder, only <home>/images/<domain> is allowed, not the home folder', async () => {
  const { home } = layout();
  const copied = write(path.join(home, 'images', 'music', 'sub', 'a.png'));
  manifest(home, [{ domain: 'music', path: 'images/music' }]);
  const { roots } = await imageRootsFor({
    shardFile: path.join(home, 'music-001.shard.jsonl'),
    workspaceFolders: [],
    trustManifest: true,
    home,
  });
  assert.deepEqual(roots, [path.join(home, 'images', 'music')]);
  const source = await resolveImageSource({ path: 'images/music/sub/a.png', url: null }, home, roots);
  assert.equal(source.kind === 'file' && source.file, copied);
  assert.equal((await resolveImageSource({ path: 'secret.png', url: null }, home, roots)).kind, 'none');
});

test('a workspace VS Code does not trust: the manifest is ignored', async () => {
  const { home, workspace, shards, shardFile } = layout();
  manifest(shards, [{ domain: 'music', path: '../../shared/datasets/release/data/processed/_images/music' }]);
  const { roots } = await imageRootsFor({ shardFile, workspaceFolders: [workspace], trustManifest: false, home });
  assert.deepEqual(roots, [workspace]);
});

test('an unreadable manifest is reported and changes nothing', async () => {
  const { home, workspace, shards, shardFile } = layout();
  write(path.join(shards, IMAGE_MANIFEST_NAME), '{"version": 1, "imageFolders": [');
  const { roots, warnings } = await imageRootsFor({ shardFile, workspaceFolders: [workspace], trustManifest: true, home });
  assert.deepEqual(roots, [workspace]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /imagery-images\.json: ignored: malformed JSON/);
});

test(
  'the shared music release, imported into a workspace elsewhere: every image import found resolves',
  { skip: skipWithoutDataset },
  async () => {
    const workspace = path.join(base, 'real-release', 'ws');
    const shards = path.join(workspace, 'shards');
    mkdirSync(shards, { recursive: true });
    const { records, summary } = await importDomain(SHARED_DATASET, 'music', { images: { shardDir: shards } });
    await recordImageFolder(shards, 'music', path.resolve(domainFiles(SHARED_DATASET, 'music').imagesDir));
    const { roots, warnings } = await imageRootsFor({
      shardFile: path.join(shards, 'music-001.shard.jsonl'),
      workspaceFolders: [workspace],
      trustManifest: true,
    });
    assert.deepEqual(warnings, []);
    const local = records.flatMap((record) => record.images).filter((image) => image.path !== null);
    assert.equal(local.length, summary.images.found);
    assert.ok(local.length > 0, 'the release has local images');
    for (const image of local) assert.equal((await resolveImageSource(image, shards, roots)).kind, 'file', image.path ?? '');
  },
);
