// The release's small CSV files: missing is "no rows", any other read error
// and any parse error are errors naming the file; formula cells are counted
// below the header only.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { formulaCells, readCsvFile } from '../../../src/core/release/csv-file';
import { choiceOf } from '../../../src/core/release/import-record';
import { makeTempDir } from '../annotations/temp';

test('readCsvFile: rows without the BOM; undefined when missing; a folder or bad quoting is an error naming the file', async (t) => {
  const dir = makeTempDir(t, 'imagery-csv-');
  const file = path.join(dir, 'items.csv');
  writeFileSync(file, '\uFEFFtitle\nA - B\n');
  assert.deepEqual(await readCsvFile(file, { columns: true }), [{ title: 'A - B' }]);
  assert.equal(await readCsvFile(path.join(dir, 'none.csv'), {}), undefined);
  const folder = path.join(dir, 'folder.csv');
  mkdirSync(folder);
  await assert.rejects(readCsvFile(folder, {}), { code: 'EISDIR' });
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, 'a,"b\n');
  await assert.rejects(readCsvFile(bad, {}), (error: Error) => {
    assert.ok(error.message.startsWith(`${bad}: `), error.message);
    assert.ok(error.cause instanceof Error && error.message.endsWith((error.cause as Error).message));
    return true;
  });
});

test('formulaCells counts =, +, - and @ at a cell start, not in the header', () => {
  assert.equal(formulaCells('=title,+x\n=1+1,plain\n-2,@x\nsafe,a=b\n'), 3);
});

test('choiceOf: choices only with both the candidates and the true index', () => {
  assert.equal(choiceOf({ choices: ['a', 'b'] } as never), null);
  assert.equal(choiceOf({ true_index: 1 } as never), null);
  assert.deepEqual(choiceOf({ choices: ['a', 'b'], true_index: 0 } as never), { choices: ['a', 'b'], true_index: 0 });
});
