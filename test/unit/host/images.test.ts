// Image confinement without VS Code: the rules the panel relies on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { imageRootsFor } from '../../../src/core/image-roots';
import { datasetRootFor, safeRemoteUrl } from '../../../src/core/path-rules';
import { REFUSED_OUTSIDE, resolveImageSource } from '../../../src/host/editor/state/images';

function dataset() {
  const base = mkdtempSync(path.join(tmpdir(), 'host-images-'));
  const root = path.join(base, 'dataset');
  mkdirSync(path.join(root, 'shards'), { recursive: true });
  mkdirSync(path.join(root, 'images'));
  writeFileSync(path.join(root, 'images', 'a.png'), 'x');
  writeFileSync(path.join(base, 'secret.png'), 'x');
  symlinkSync(path.join(base, 'secret.png'), path.join(root, 'images', 'out.png'));
  symlinkSync(path.join(root, 'images', 'a.png'), path.join(root, 'images', 'in.png'));
  return { root, roots: [realpathSync(root)], shards: path.join(root, 'shards') };
}

test('a relative path inside the dataset resolves to the real file', async () => {
  const { roots, shards } = dataset();
  const source = await resolveImageSource({ path: '../images/in.png', url: null }, shards, roots);
  assert.equal(source.kind, 'file');
  assert.ok(source.kind === 'file' && source.file.endsWith(path.join('images', 'a.png')), 'a symlink staying inside is followed');
});

test('.., absolute paths and symlinks leaving the dataset are refused', async () => {
  const { roots, shards } = dataset();
  for (const escape of ['../../secret.png', '/etc/hostname', 'C:\\Windows\\win.ini', '../images/out.png']) {
    const source = await resolveImageSource({ path: escape, url: 'https://example.org/x.png' }, shards, roots);
    assert.deepEqual(source, { kind: 'none', url: 'https://example.org/x.png', error: REFUSED_OUTSIDE }, escape);
  }
});

test('a folder whose name starts with two dots is still inside', async () => {
  const { root, roots, shards } = dataset();
  mkdirSync(path.join(root, '..covers'));
  writeFileSync(path.join(root, '..covers', 'c.png'), 'x');
  const source = await resolveImageSource({ path: '../..covers/c.png', url: null }, shards, roots);
  assert.equal(source.kind, 'file');
});

test('a missing local file falls back to an https URL, and only https', async () => {
  const { roots, shards } = dataset();
  const https = await resolveImageSource({ path: '../images/gone.png', url: 'https://example.org/x.png' }, shards, roots);
  assert.deepEqual(https, { kind: 'remote', src: 'https://example.org/x.png', url: 'https://example.org/x.png' });
  const http = await resolveImageSource({ path: '../images/gone.png', url: 'http://example.org/x.png' }, shards, roots);
  assert.equal(http.kind, 'none');
  for (const url of ['javascript:alert(1)', 'data:image/png;base64,AA', 'HTTP://x', 'not a url', ''])
    assert.equal(safeRemoteUrl(url), null, url);
  assert.equal(safeRemoteUrl('HTTPS://example.org/a'), 'HTTPS://example.org/a');
});

test(
  'a FIFO or a folder is not served (a FIFO would hang the resource request): not a regular file, or the https URL',
  { skip: process.platform === 'win32' && 'FIFOs' },
  async () => {
    const { root, roots, shards } = dataset();
    assert.equal(spawnSync('mkfifo', [path.join(root, 'images', 'pipe.png')]).status, 0, 'mkfifo');
    mkdirSync(path.join(root, 'images', 'folder.png'));
    const pipe = await resolveImageSource({ path: '../images/pipe.png', url: null }, shards, roots);
    assert.deepEqual(pipe, { kind: 'none', url: null, error: 'not a regular file: ../images/pipe.png' });
    const folder = await resolveImageSource({ path: '../images/folder.png', url: 'https://example.org/f.png' }, shards, roots);
    assert.deepEqual(folder, { kind: 'remote', src: 'https://example.org/f.png', url: 'https://example.org/f.png' });
  },
);

test("the dataset root is the shard folder's parent, never above the workspace folder", () => {
  assert.equal(datasetRootFor('/ws/data/shards/a.shard.jsonl', ['/ws']), '/ws/data');
  assert.equal(datasetRootFor('/ws/a.shard.jsonl', ['/ws']), '/ws');
  assert.equal(datasetRootFor('/ws/shards/a.shard.jsonl', ['/ws']), '/ws');
  assert.equal(datasetRootFor('/elsewhere/shards/a.shard.jsonl', ['/ws']), '/elsewhere');
});

test('the dataset root is never /, the home folder, above it, or above a workspace folder', () => {
  const home = '/home/ana';
  assert.equal(datasetRootFor('/tmp/x.shard.jsonl', [], home), '/tmp', 'the parent of /tmp is /: only the shard folder');
  assert.equal(datasetRootFor('/x.shard.jsonl', [], home), undefined);
  assert.equal(datasetRootFor('/home/ana/Downloads/x.shard.jsonl', [], home), '/home/ana/Downloads');
  assert.equal(datasetRootFor('/home/ana/x.shard.jsonl', [], home), undefined);
  assert.equal(datasetRootFor('/home/x.shard.jsonl', [], home), undefined, '/home holds the home folder');
  assert.equal(
    datasetRootFor('/home/ana/a.shard.jsonl', ['/home/ana'], home),
    undefined,
    'a workspace opened on the home folder',
  );
  assert.equal(datasetRootFor('/work/shards/a.shard.jsonl', ['/work/ws'], home), '/work/shards', '/work holds the workspace');
});

test('the host refuses ../../../../etc/hostname from a shard lying in the temp folder, and / is no root', async () => {
  const shardFolder = realpathSync(tmpdir());
  const { roots } = await imageRootsFor({
    shardFile: path.join(shardFolder, 'x.shard.jsonl'),
    workspaceFolders: [],
    trustManifest: true,
  });
  assert.ok(!roots.includes(path.parse(shardFolder).root), `roots: ${roots.join(', ')}`);
  for (const escape of ['../../../../etc/hostname', '../etc/hostname']) {
    const source = await resolveImageSource({ path: escape, url: null }, shardFolder, roots);
    assert.deepEqual(source, { kind: 'none', url: null, error: REFUSED_OUTSIDE }, escape);
  }
});

test('a symlinked folder above the dataset: the root is the real folder, and the served file lies inside it', async () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'host-images-link-')));
  const workspace = path.join(base, 'real', 'ws');
  mkdirSync(path.join(workspace, 'shards'), { recursive: true });
  mkdirSync(path.join(workspace, 'images'));
  writeFileSync(path.join(workspace, 'images', 'a.png'), 'x');
  symlinkSync(path.join(base, 'real'), path.join(base, 'link'));
  const linkedWorkspace = path.join(base, 'link', 'ws');
  const shardFile = path.join(linkedWorkspace, 'shards', 'a.shard.jsonl');
  const { roots } = await imageRootsFor({ shardFile, workspaceFolders: [linkedWorkspace], trustManifest: true });
  assert.deepEqual(roots, [workspace]);
  const source = await resolveImageSource({ path: '../images/a.png', url: null }, path.dirname(shardFile), roots);
  assert.equal(source.kind, 'file');
  // VS Code compares localResourceRoots by path prefix: the file served must start with a root.
  const served = source.kind === 'file' ? source.file : '';
  assert.ok(
    roots.some((root) => served.startsWith(root + path.sep)),
    `${served} under ${roots.join(', ')}`,
  );
});
