// The folders a shard's webview may read, as VS Code is told them
// (localResourceRoots): the dataset folder, plus what an import recorded in
// imagery-images.json, at real paths, and nothing a hostile manifest adds.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { writeShard } from '../../../src/core/shard/writer';
import { makeRecord } from '../../fixtures/synthetic-record';
import {
  closeEverything,
  createShard,
  EXTENSION_ID,
  navigate,
  openShard,
  setSettings,
  waitFor,
  workspaceRoot,
  type OpenEditor,
} from './harness';

const REFUSED = 'refused: path leaves the dataset';

function manifest(shardFile: string, folders: string[]): Promise<void> {
  const imageFolders = folders.map((folder) => ({ domain: 'music', path: folder }));
  return fs.writeFile(path.join(path.dirname(shardFile), 'imagery-images.json'), JSON.stringify({ version: 1, imageFolders }));
}

function rootsOf({ panel }: OpenEditor): string[] {
  return (panel.panel.webview.options.localResourceRoots ?? []).map((uri) => uri.fsPath);
}

function extensionFolders(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return [path.join(extension.extensionUri.fsPath, 'dist'), path.join(extension.extensionUri.fsPath, 'media')];
}

async function firstImages(editor: OpenEditor) {
  await navigate(editor.panel, { kind: 'first' });
  const show = await waitFor('a show message', () => editor.panel.history.findLast((m) => m.type === 'show'));
  assert.ok(show.type === 'show' && show.view.kind === 'record');
  return show.view.images;
}

suite('Editor: the folders the webview may read', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('a manifest naming /, the home folder, the workspace or the dataset widens nothing', async () => {
    const escape = `${'../'.repeat(30)}etc/hostname`;
    const shard = await createShard('hostile-manifest', [makeRecord({ id: 'img', images: [{ path: escape, url: null }] })]);
    const folder = path.dirname(shard.file);
    await manifest(shard.file, ['/', os.homedir(), path.relative(folder, workspaceRoot()), '..', '../..']);
    const editor = await openShard(shard);
    assert.deepEqual(rootsOf(editor), [...extensionFolders(), await fs.realpath(shard.root)]);
    assert.deepEqual(await firstImages(editor), [{ src: null, url: null, error: REFUSED }]);
  });

  test('the release image folder an import recorded, outside the workspace behind a link, is served at its real path', async () => {
    const outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'imagery-itest-release-')));
    const images = path.join(outside, 'real', 'release', 'data', 'processed', '_images', 'music');
    await fs.mkdir(images, { recursive: true });
    await fs.writeFile(path.join(images, 'a.png'), 'not really a png');
    await fs.symlink(path.join(outside, 'real'), path.join(outside, 'linked'));
    try {
      const shard = await createShard('release-outside', [makeRecord({ id: 'img', images: [] })]);
      const folder = await fs.realpath(path.dirname(shard.file));
      const linked = path.relative(folder, path.join(outside, 'linked', 'release', 'data', 'processed', '_images', 'music'));
      await writeShard(shard.file, [makeRecord({ id: 'img', images: [{ path: `${linked}/a.png`, url: null }] })]);
      await manifest(shard.file, [linked]);
      const editor = await openShard(shard);
      assert.deepEqual(rootsOf(editor), [...extensionFolders(), await fs.realpath(shard.root), images]);
      const [image] = await firstImages(editor);
      assert.equal(image.src, editor.panel.panel.webview.asWebviewUri(vscode.Uri.file(path.join(images, 'a.png'))).toString());
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
