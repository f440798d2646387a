import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { writeSampleFolder } from '../../../scripts/sample/sample-folder';

const REPO = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-sample-folder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

// "Open the Sample" in the extension writes the sample with this function: it must be the repository's sample/.
test('the generated sample folder holds the same release and shards as sample/, byte for byte', async () => {
  await writeSampleFolder(dir);
  for (const part of ['release', 'shards']) {
    const expected = files(path.join(REPO, 'sample', part));
    assert.deepEqual(files(path.join(dir, part)), expected, part);
    for (const file of expected) {
      assert.ok(
        readFileSync(path.join(dir, part, file)).equals(readFileSync(path.join(REPO, 'sample', part, file))),
        `${part}/${file}`,
      );
    }
  }
});
