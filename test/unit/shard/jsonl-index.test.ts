import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { indexJsonlLines, sniffId } from '../../../src/core/shard/jsonl-index';

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
    const spans = await indexJsonlLines(fileWith('split.jsonl', `${first}\r\ny\r\n`));
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
