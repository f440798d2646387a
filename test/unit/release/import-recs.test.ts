import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readRecsFile } from '../../../src/core/release/import-recs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-recs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function recs(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('readRecsFile', () => {
  test('keeps document order where JSON.parse would not (integer-like keys), and empty requests', async () => {
    const text = '{"r1": {"b - x": 2, "10": 1, "a": 3, "2": 0}, "r2": {}}';
    assert.deepEqual(Object.keys(JSON.parse(text).r1), ['2', '10', 'b - x', 'a']); // what we must avoid
    const { byRequest, problems } = await readRecsFile(recs('order.json', text));
    assert.deepEqual(
      [...byRequest],
      [
        [
          'r1',
          [
            ['b - x', 2],
            ['10', 1],
            ['a', 3],
            ['2', 0],
          ],
        ],
        ['r2', []],
      ],
    );
    assert.deepEqual(problems, []);
  });

  test('accepts a BOM and CRLF line endings', async () => {
    const { byRequest, problems } = await readRecsFile(
      recs('bom.json', Buffer.from('\uFEFF{\r\n "r": {\r\n  "x - y": 1\r\n }\r\n}\r\n', 'utf8')),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(byRequest.get('r'), [['x - y', 1]]);
  });

  test('a score that is not a number, or a request that is not an object, is reported with its line and skipped', async () => {
    const file = recs(
      'types.json',
      '{\n "r1": {\n  "ok - one": 1,\n  "bad - one": "7"\n },\n "r2": [1],\n "r3": {"ok - two": 2}\n}\n',
    );
    const { byRequest, problems } = await readRecsFile(file);
    assert.deepEqual(byRequest.get('r1'), [['ok - one', 1]]);
    assert.deepEqual(byRequest.get('r3'), [['ok - two', 2]]);
    assert.equal(byRequest.has('r2'), false);
    assert.deepEqual(
      problems.filter((problem) => !problem.reason.includes('not a number')).map((problem) => [problem.line, problem.reason]),
      [[6, 'request "r2": expected an object of item scores']],
    );
    assert.deepEqual(problems.find((problem) => problem.reason.includes('"bad - one"'))?.line, 4);
  });

  test('content after the document is an error; what came before is kept', async () => {
    const { byRequest, problems } = await readRecsFile(recs('trailing.json', '{"r": {"a - b": 1}}\n{"s": {}}\n'));
    assert.deepEqual(byRequest.get('r'), [['a - b', 1]]);
    assert.equal(problems.length, 1);
    assert.match(problems[0].reason, /^malformed JSON: /);
  });

  test('a truncated file reports malformed JSON at its last line', async () => {
    const { byRequest, problems } = await readRecsFile(recs('cut.json', '{\n "r": {"a - b": 1},\n "s": {"c - d"'));
    assert.deepEqual(byRequest.get('r'), [['a - b', 1]]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
  });
});
