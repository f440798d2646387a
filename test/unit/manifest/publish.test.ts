// What the Marketplace and Open VSX need from the manifest, and that the
// extension does not start in every window.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PNG } from 'pngjs';

const root = join(import.meta.dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('manifest: ready to publish', () => {
  test('the icon is a 128×128 PNG (an SVG is refused by the galleries)', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = PNG.sync.read(readFileSync(join(root, 'media', 'icon.png')));
    assert.deepEqual([png.width, png.height], [128, 128]);
  });

  test('repository, bugs and keywords are set, so packaging needs no --allow-missing-repository', () => {
    const repository = manifest.repository as { type: string; url: string };
    assert.equal(repository.type, 'git');
    assert.match(repository.url, /^https:\/\/.+\.git$/);
    assert.match((manifest.bugs as { url: string }).url, /^https:\/\/.+\/issues$/);
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length >= 3);
    const packageScript = readFileSync(join(root, 'scripts', 'package.mjs'), 'utf8');
    assert.doesNotMatch(packageScript, /allow-missing-repository/);
  });

  test('a changelog ships, with an entry for the current version', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## [${String(manifest.version)}]`), 'the version has its own heading');
    assert.ok(readFileSync(join(root, '.vscodeignore'), 'utf8').includes('!CHANGELOG.md'));
  });

  test('activates only in workspaces with shards (commands, views and the editor activate on their own)', () => {
    assert.deepEqual(manifest.activationEvents, ['workspaceContains:**/*.shard.jsonl']);
  });
});
