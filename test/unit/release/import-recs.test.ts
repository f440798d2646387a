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

describe('readRecsFile: BOM, chunks, trailing content and requests that are not objects', () => {
  test('a BOM is skipped; a first character that only shares bytes with it is malformed JSON, not cut', async () => {
    const body = '{"r1": {"a - b": 1}}';
    const withBom = await readRecsFile(recs('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])));
    assert.deepEqual([[...withBom.byRequest], withBom.problems], [[['r1', [['a - b', 1]]]], []]);
    // U+1EFF (E1 BB BF), U+FF7F (EF BD BF) and U+FEC0 (EF BB 80): each differs from the BOM in one byte.
    for (const [i, lead] of ['\u1eff', '\uff7f', '\ufec0'].entries()) {
      const read = await readRecsFile(recs(`near-bom-${i}.json`, lead + body));
      assert.deepEqual([...read.byRequest], [], lead);
      assert.equal(read.problems.length, 1, lead);
      assert.match(read.problems[0].reason, /^malformed JSON: /, lead);
    }
  });

  test('a file of several read chunks: line numbers count every chunk', async () => {
    let text = '{"r1": {\n';
    for (let n = 0; text.length < 150_000; n++) text += `"item ${n} - ${'x'.repeat(40)}": ${n},\n`;
    text += '"late": "not a number"\n}}\n';
    const { byRequest, problems } = await readRecsFile(recs('chunks.json', text));
    const lines = text.split('\n');
    assert.equal(byRequest.get('r1')!.length, lines.length - 4);
    assert.deepEqual(problems, [
      { file: path.join(dir, 'chunks.json'), line: lines.length - 2, reason: 'request "r1", item "late": score is not a number' },
    ]);
  });

  test('a fault is named on its own line: a stray character, content after the document, a token at a line start after a BOM', async () => {
    const faults = async (name: string, text: string | Buffer) =>
      (await readRecsFile(recs(name, text))).problems.map((problem) => [problem.line, problem.reason.split(':')[0]]);
    assert.deepEqual(await faults('stray.json', '{\n"r1": {"a - b": 1},\n  @\n"r2": {}\n}\n'), [[3, 'malformed JSON']]);
    assert.deepEqual(await faults('after.json', '{"r1": {}}\n\n\nxyz\n'), [[4, 'malformed JSON']]);
    assert.deepEqual(await faults('second.json', '{"r1": {}}\n\n{"r2": {}}\n'), [[3, 'malformed JSON']]);
    const atLineStart = '{\n"r1": [\n],\n"r2": {"a": 1}\n}\n';
    const expected = [[3, 'request "r1"']];
    assert.deepEqual(await faults('no-bom.json', atLineStart), expected);
    assert.deepEqual(await faults('bom-line.json', Buffer.from('\uFEFF' + atLineStart)), expected);
    const strayAfterBom = Buffer.from('\uFEFF{\n"r1": {}\n@}\n');
    assert.deepEqual(await faults('bom-stray.json', strayAfterBom), [[3, 'malformed JSON']]);
  });

  test('bytes like a BOM at the start of a later read chunk are text, not a BOM: lines after it keep their numbers', async () => {
    // U+FEFF inside a key, its bytes starting the second 64 KiB chunk.
    const head = '{"r1": {"';
    const filler = 'x'.repeat(65_536 - Buffer.byteLength(head));
    const text = `${head}${filler}\uFEFFy": 1},\n"r2": [\n]}\n`;
    assert.equal(Buffer.from(text).indexOf(Buffer.from('\uFEFF')), 65_536);
    const { problems } = await readRecsFile(recs('bom-in-chunk.json', text));
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.reason]),
      [[3, 'request "r2": expected an object of item scores']],
    );
  });

  test('a request whose value is not an object is named, and the others are kept', async () => {
    const { byRequest, problems } = await readRecsFile(recs('kinds.json', '{"r1": 3,\n"r2": null,\n"r3": "x",\n"r4": {"a": 1}}'));
    assert.deepEqual([...byRequest.keys()], ['r4']);
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.reason]),
      [
        [1, 'request "r1": expected an object of item scores'],
        [2, 'request "r2": expected an object of item scores'],
        [3, 'request "r3": expected an object of item scores'],
      ],
    );
  });
});
