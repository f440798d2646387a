import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { IdLookup } from '../../../src/core/shard/id-table';
import { ShardReader } from '../../../src/core/shard/reader';
import { indexJsonlLines, sniffId, startIndexing } from '../../../src/core/shard/jsonl-index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('indexJsonlLines', () => {
  test('a "\\r\\n" split across two read chunks still ends the line before the "\\r"', async () => {
    const first = 'x'.repeat(64 * 1024 - 1); // the "\r" is the chunk's last byte
    const spans = await indexJsonlLines(fileWith('split.jsonl', `${first}\r\ny\r\n`), 64 * 1024);
    assert.deepEqual(
      spans.map(({ line, start, end }) => ({ line, start, end })),
      [
        { line: 1, start: 0, end: first.length },
        { line: 2, start: first.length + 2, end: first.length + 3 },
      ],
    );
  });

  test('skips a BOM and blank or whitespace-only lines; keeps a last line without newline', async () => {
    const spans = await indexJsonlLines(fileWith('bom.jsonl', Buffer.from('\uFEFF{"a":1}\n \t\r\n\n{"b":2}', 'utf8')));
    assert.deepEqual(
      spans.map(({ line, start, end }) => ({ line, start, end })),
      [
        { line: 1, start: 3, end: 10 },
        { line: 4, start: 16, end: 23 },
      ],
    );
  });

  test('an empty file has no lines', async () => {
    assert.deepEqual(await indexJsonlLines(fileWith('empty.jsonl', '')), []);
  });
});

/** The semantics spelled out slowly: split the bytes on "\n", drop a BOM, skip whitespace-only lines, cut a final "\r". */
function referenceSpans(bytes: Buffer): { line: number; start: number; end: number }[] {
  const spans: { line: number; start: number; end: number }[] = [];
  let start = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  for (let line = 1; start <= bytes.length; line++) {
    let stop = bytes.indexOf(0x0a, start);
    if (stop === -1) stop = bytes.length;
    const text = bytes.toString('latin1', start, stop);
    if (/[^\t\r ]/.test(text)) {
      spans.push({ line, start, end: stop - (bytes[stop - 1] === 0x0d ? 1 : 0) });
    }
    start = stop + 1;
  }
  return spans;
}

describe('indexJsonlLines against a slow reference', () => {
  const pieces = ['{"a":1}', '', ' ', '\t', '\r', 'é', '{"id":"x"}', '  {"b":2}  ', 'x\r\r'];
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 40; round++) {
    const lines = Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]);
    const text = (round % 3 === 0 ? '\uFEFF' : '') + lines.join(round % 2 ? '\r\n' : '\n') + (round % 4 === 0 ? '\n' : '');
    const bytes = Buffer.from(text, 'utf8');
    test(`random file ${round} (${bytes.length} bytes) at read sizes 1, 2, 3, 7 and 4 MB`, async () => {
      const file = fileWith(`random-${round}.jsonl`, bytes);
      const expected = referenceSpans(bytes);
      for (const readBytes of [1, 2, 3, 7, 4 << 20])
        assert.deepEqual(await indexJsonlLines(file, readBytes), expected, `read size ${readBytes}`);
    });
  }
});

describe('LineIndex', () => {
  test('the first lines can be read before the index is complete; the count fills in at the end', async () => {
    const text = Array.from({ length: 500 }, (_, i) => `{"id":"r${i}"}`).join('\n');
    const file = fileWith('growing.jsonl', text);
    const index = startIndexing(file, 64);
    await index.reach(0);
    assert.equal(index.complete, false);
    assert.ok(index.count >= 1 && index.count < 500);
    assert.deepEqual(index.span(0), { line: 1, start: 0, end: '{"id":"r0"}'.length });
    await index.whenComplete();
    assert.equal(index.count, 500);
    assert.deepEqual(index.span(499), { line: 500, start: text.lastIndexOf('\n') + 1, end: text.length });
  });

  test('a file that cannot be read fails the index, and every waiter with it', async () => {
    const index = startIndexing(path.join(dir, 'missing.jsonl'));
    await assert.rejects(index.reach(0), /ENOENT/);
    await assert.rejects(index.whenComplete(), /ENOENT/);
  });
});

describe('ids sniffed during indexing', () => {
  test("agree with sniffId on the writer's layout and every other shape, at any read size", async () => {
    const heads = [
      '{"schema_version":1,"id":"abc","domain":"music"}',
      '{"id":"plain"}',
      '{"schema_version":12,"id":"é-ü-漢"}',
      '{"schema_version":1,"id":"a\\"b\\u00e9","x":1}',
      ' { "id" : "spaced" }',
      '{"schema_version":1.5,"id":"float"}',
      '{"schema_version":1,"id":""}',
      '{"schema_version":1,"id":7}',
      '{"domain":"music","id":"late"}',
      'not json',
      `{"schema_version":1,"id":"${'k'.repeat(300)}"}`,
      `{"schema_version":1,"id":"${'k'.repeat(200)}"}`,
      '{"schema_version":1,"id":"tab\there"}',
    ];
    const file = fileWith('heads.jsonl', heads.join('\n'));
    const expected = heads.map((head) => sniffId(Buffer.from(head).subarray(0, 256).toString('utf8')) ?? null);
    assert.equal(expected[3], 'a"bé');
    assert.equal(expected[8], null); // no id at the head and no valid JSON id either way: the full parse finds "late"
    expected[8] = 'late';
    expected[10] = 'k'.repeat(300); // cut off in the head: the full parse finds it
    // Small reads make heads straddle two reads: those are sniffed afterwards, with the same result.
    for (const readBytes of [7, 100, 4 << 20]) {
      const reader = await ShardReader.open(file, { readBytes });
      try {
        assert.deepEqual(await reader.ids(), expected, `read size ${readBytes}`);
      } finally {
        await reader.close();
      }
    }
  });
});

describe('IdLookup', () => {
  test('finds the first position of every id among many, with duplicates and nulls', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? null : `id-${i % 3000}`));
    const lookup = new IdLookup(ids);
    for (let i = 0; i < 3000; i++)
      assert.equal(
        lookup.positionOf(`id-${i}`),
        i % 97 === 0 ? (i + 3000 < 5000 && (i + 3000) % 97 !== 0 ? i + 3000 : undefined) : i,
      );
    assert.equal(lookup.positionOf('id-3000'), undefined);
    assert.equal(new IdLookup([]).positionOf('x'), undefined);
  });
});

describe('sniffId', () => {
  test('finds the id after schema_version or first, unescaping it', () => {
    assert.equal(sniffId('{"schema_version":1,"id":"abc","domain":"music"'), 'abc');
    assert.equal(sniffId(' { "id" : "a\\"b\\u00e9" , "x": 1'), 'a"bé');
  });
  test('gives up (undefined) when the id is not at the head, empty or cut off', () => {
    assert.equal(sniffId('{"domain":"music","id":"abc"}'), undefined);
    assert.equal(sniffId('{"schema_version":1,"id":""}'), undefined);
    assert.equal(sniffId('{"schema_version":1,"id":"abc'), undefined);
    assert.equal(sniffId('{"schema_version":1,"id":7}'), undefined);
  });
});
