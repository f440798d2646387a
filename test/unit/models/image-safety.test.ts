// What a model run may send as an image: only regular files whose bytes are an
// image (jpeg, png, gif, webp), only from the image folders (the manifest's,
// or images/<domain> beside the shards), never a `.env` beside the data. The
// CLI follows the editor's rules, and ignores the manifest in an untrusted
// workspace's terminal. A FIFO or a folder fails fast and clearly; a request
// with 100,000 bad images gives a short message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { imageRootsFor } from '../../../src/core/image-roots';
import { ModelRunError } from '../../../src/core/models/errors';
import { capList } from '../../../src/core/models/image-files';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { runModel, type ModelRunSpec } from '../../../src/core/models/run-model';
import { imageMime } from '../../../src/core/path-rules';
import type { ShardImage } from '../../../src/core/shard/schema';
import { OpenAIServer } from '../../helpers/openai-server';
import { imagery } from './cli-process';
import { makeDataset, makeRecord, PNG_BYTES } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

const SECRET = 'OPENAI_API_KEY=sk-live-do-not-send';
const titleSpec: ModelRunSpec = { task: 'rec_title', prompt: 'standard', input: { kind: 'images' } };
const posix = process.platform !== 'win32';

function options() {
  const profile = parseProfile({ name: 'local', baseUrl: server.baseUrl, model: 'vision-1' });
  return { profile, backend: createOpenAIBackend({ profile, apiKey: 'sk-test' }) };
}

/** Runs rec_title on a record with `images`; the fault message, or null when it ran. Also: what reached the server. */
async function attempt(shardFile: string, images: ShardImage[]): Promise<{ error: ModelRunError | null; sent: string }> {
  const record = makeRecord({ images });
  const first = server.requests.length;
  server.answerWith({ text: '1. a - b' });
  const error = await runModel(titleSpec, { shardFile, record, state: undefined }, options()).then(
    () => null,
    (e: unknown) => e as ModelRunError,
  );
  return { error, sent: JSON.stringify(server.requests.slice(first).map((request) => request.body)) };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('images a model run sends', () => {
  test('a .env beside the data is not sent: not by a ../ path, a link named x.png, nor a file named .png', async (t) => {
    const { root, shardFile } = makeDataset(t);
    writeFileSync(path.join(root, '.env'), SECRET);
    writeFileSync(path.join(root, 'shards', 'images', 'music', 'fake.png'), SECRET);
    if (posix) symlinkSync(path.join(root, '.env'), path.join(root, 'shards', 'images', 'music', 'x.png'));
    const images = [
      { path: '../.env', url: null },
      { path: 'images/music/fake.png', url: null },
      ...(posix ? [{ path: 'images/music/x.png', url: null }] : []),
    ];
    const { error, sent } = await attempt(shardFile, images);
    assert.equal(error?.kind, 'no-usable-image');
    assert.match(error.message, /\.\.\/\.env: refused, the path leaves the image folders/);
    assert.match(error.message, /images\/music\/fake\.png: not an image \(not jpeg, png, gif or webp\)/);
    if (posix) assert.match(error.message, /images\/music\/x\.png: refused, the path leaves the image folders/);
    assert.equal(sent, '[]');
    assert.ok(!sent.includes(b64(SECRET)));
  });

  test('a real image beside a refused one is sent with its true type, whatever its extension', async (t) => {
    const { shardFile, root } = makeDataset(t);
    writeFileSync(path.join(root, 'shards', 'images', 'music', 'really-png.jpg'), PNG_BYTES);
    const { error, sent } = await attempt(shardFile, [
      { path: '../.env', url: null },
      { path: 'images/music/really-png.jpg', url: null },
    ]);
    assert.equal(error, null);
    assert.ok(sent.includes(`data:image/png;base64,${PNG_BYTES.toString('base64')}`));
  });

  test('the image types are told by their first bytes; anything else is not an image', () => {
    assert.equal(imageMime(PNG_BYTES), 'image/png');
    assert.equal(imageMime(Buffer.from([0xff, 0xd8, 0xff, 0xdb])), 'image/jpeg');
    assert.equal(imageMime(Buffer.from('GIF89a....')), 'image/gif');
    assert.equal(imageMime(Buffer.from('GIF87a....')), 'image/gif');
    assert.equal(imageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    for (const text of ['RIFF\0\0\0\0WAVEfmt ', 'GIF8', SECRET, '', '\x89PNG'])
      assert.equal(imageMime(Buffer.from(text)), null, JSON.stringify(text));
  });

  test(
    'a FIFO fails at once as not a regular file (no hang); a folder likewise, not a raw EISDIR',
    { skip: !posix && 'FIFOs', timeout: 10_000 },
    async (t) => {
      const { root, shardFile } = makeDataset(t);
      const fifo = path.join(root, 'shards', 'images', 'music', 'pipe.png');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
      mkdirSync(path.join(root, 'shards', 'images', 'music', 'folder.png'));
      const { error, sent } = await attempt(shardFile, [
        { path: 'images/music/pipe.png', url: null },
        { path: 'images/music/folder.png', url: null },
      ]);
      assert.equal(error?.kind, 'no-usable-image');
      assert.equal(
        error.message,
        'This request has no image that can be sent: images/music/pipe.png: not a regular file; images/music/folder.png: not a regular file.',
      );
      assert.equal(sent, '[]');
    },
  );

  test('100,000 missing images give a short message: the first five reasons, then how many more', async (t) => {
    const { shardFile } = makeDataset(t);
    const images = Array.from({ length: 100_000 }, (_, i) => ({ path: `images/music/gone-${i}.png`, url: null }));
    const { error } = await attempt(shardFile, images);
    assert.equal(error?.kind, 'no-usable-image');
    assert.ok(error.message.length < 400, `${error.message.length} characters`);
    assert.ok(error.message.startsWith('This request has no image that can be sent: images/music/gone-0.png: file not found; '));
    assert.ok(error.message.endsWith('images/music/gone-4.png: file not found; … and 99995 more.'), error.message.slice(-80));
    assert.equal(capList(['a', 'b']), 'a; b');
    assert.equal(capList(['a', 'b', 'c'], 2), 'a; b; … and 1 more');
  });

  test('image folders: the copy beside the shard and the manifest’s release folder, never the dataset folder', async (t) => {
    const { root, shardFile } = makeDataset(t);
    const release = path.join(root, 'release', 'data', 'processed', '_images', 'books');
    mkdirSync(release, { recursive: true });
    writeFileSync(
      path.join(root, 'shards', 'imagery-images.json'),
      JSON.stringify({ version: 1, imageFolders: [{ domain: 'books', path: '../release/data/processed/_images/books' }] }),
    );
    const real = (folder: string) => import('node:fs').then((fs) => fs.realpathSync(folder));
    const trusted = await imageRootsFor({ shardFile, workspaceFolders: [], trustManifest: true });
    assert.deepEqual(trusted.imageFolders, [await real(path.join(root, 'shards', 'images', 'music')), await real(release)]);
    assert.deepEqual(trusted.roots, [await real(root)]);
    const untrusted = await imageRootsFor({ shardFile, workspaceFolders: [], trustManifest: false });
    assert.deepEqual(untrusted.imageFolders, [await real(path.join(root, 'shards', 'images', 'music'))]);
    assert.deepEqual(untrusted.warnings, [
      `${path.join(root, 'shards', 'imagery-images.json')}: ignored: the workspace is not trusted`,
    ]);
  });
});

describe('imagery run follows the same rules', () => {
  const args = (shardFile: string) => [
    'run',
    '--shard',
    shardFile,
    '--request',
    'r1',
    '--task',
    'rec_title',
    '--base-url',
    server.baseUrl,
    '--model',
    'vision-1',
    '--annotator',
    'ana',
  ];

  test('a record naming ../.env: nothing reaches the server, the reason is printed', async (t) => {
    const { root, shardFile } = makeDataset(t, [makeRecord({ images: [{ path: '../.env', url: null }] })]);
    writeFileSync(path.join(root, '.env'), SECRET);
    const first = server.requests.length;
    const result = await imagery(args(shardFile));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /no-usable-image.*\.\.\/\.env: refused, the path leaves the image folders/s);
    assert.equal(server.requests.length, first);
  });

  test("in an untrusted workspace's terminal the manifest is ignored: its release images are not sent", async (t) => {
    const release = path.join('release', 'data', 'processed', '_images', 'music');
    const record = makeRecord({ images: [{ path: `../${release.split(path.sep).join('/')}/c.png`, url: null }] });
    const { root, shardFile } = makeDataset(t, [record]);
    mkdirSync(path.join(root, release), { recursive: true });
    writeFileSync(path.join(root, release, 'c.png'), PNG_BYTES);
    writeFileSync(
      path.join(root, 'shards', 'imagery-images.json'),
      JSON.stringify({ version: 1, imageFolders: [{ domain: 'music', path: `../${release.split(path.sep).join('/')}` }] }),
    );
    server.answerWith({ text: '1. a - b' });
    const first = server.requests.length;
    const trusted = await imagery(args(shardFile));
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.equal(server.requests.length, first + 1);
    const untrusted = await imagery(args(shardFile), { IMAGERY_UNTRUSTED_WORKSPACE: '1' });
    assert.equal(untrusted.code, 1, untrusted.stderr);
    assert.match(untrusted.stderr, /imagery-images\.json: ignored: the workspace is not trusted/);
    assert.match(untrusted.stderr, /c\.png: refused, the path leaves the image folders/);
    assert.equal(server.requests.length, first + 1);
  });
});
