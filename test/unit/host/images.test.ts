// Image confinement without VS Code: the rules the panel relies on.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { datasetRootFor, REFUSED_OUTSIDE, resolveImageSource, safeRemoteUrl } from '../../../src/host/editor/model/images';

function dataset() {
  const base = mkdtempSync(path.join(tmpdir(), 'host-images-'));
  const root = path.join(base, 'dataset');
  mkdirSync(path.join(root, 'shards'), { recursive: true });
  mkdirSync(path.join(root, 'images'));
  writeFileSync(path.join(root, 'images', 'a.png'), 'x');
  writeFileSync(path.join(base, 'secret.png'), 'x');
  symlinkSync(path.join(base, 'secret.png'), path.join(root, 'images', 'out.png'));
  symlinkSync(path.join(root, 'images', 'a.png'), path.join(root, 'images', 'in.png'));
  return { root, shards: path.join(root, 'shards') };
}

test('a relative path inside the dataset resolves to the real file', async () => {
  const { root, shards } = dataset();
  const source = await resolveImageSource({ path: '../images/in.png', url: null }, shards, root);
  assert.equal(source.kind, 'file');
  assert.ok(source.kind === 'file' && source.file.endsWith(path.join('images', 'a.png')), 'a symlink staying inside is followed');
});

test('.., absolute paths and symlinks leaving the dataset are refused', async () => {
  const { root, shards } = dataset();
  for (const escape of ['../../secret.png', '/etc/hostname', 'C:\\Windows\\win.ini', '../images/out.png']) {
    const source = await resolveImageSource({ path: escape, url: 'https://example.org/x.png' }, shards, root);
    assert.deepEqual(source, { kind: 'none', url: 'https://example.org/x.png', error: REFUSED_OUTSIDE }, escape);
  }
});

test('a folder whose name starts with two dots is still inside', async () => {
  const { root, shards } = dataset();
  mkdirSync(path.join(root, '..covers'));
  writeFileSync(path.join(root, '..covers', 'c.png'), 'x');
  const source = await resolveImageSource({ path: '../..covers/c.png', url: null }, shards, root);
  assert.equal(source.kind, 'file');
});

test('a missing local file falls back to an https URL, and only https', async () => {
  const { root, shards } = dataset();
  const https = await resolveImageSource({ path: '../images/gone.png', url: 'https://example.org/x.png' }, shards, root);
  assert.deepEqual(https, { kind: 'remote', src: 'https://example.org/x.png', url: 'https://example.org/x.png' });
  const http = await resolveImageSource({ path: '../images/gone.png', url: 'http://example.org/x.png' }, shards, root);
  assert.equal(http.kind, 'none');
  for (const url of ['javascript:alert(1)', 'data:image/png;base64,AA', 'HTTP://x', 'not a url', '']) assert.equal(safeRemoteUrl(url), null, url);
  assert.equal(safeRemoteUrl('HTTPS://example.org/a'), 'HTTPS://example.org/a');
});

test('the dataset root is the shard folder\'s parent, never above the workspace folder', () => {
  assert.equal(datasetRootFor('/ws/data/shards/a.shard.jsonl', ['/ws']), '/ws/data');
  assert.equal(datasetRootFor('/ws/a.shard.jsonl', ['/ws']), '/ws');
  assert.equal(datasetRootFor('/ws/shards/a.shard.jsonl', ['/ws']), '/ws');
  assert.equal(datasetRootFor('/elsewhere/shards/a.shard.jsonl', ['/ws']), '/elsewhere');
});
