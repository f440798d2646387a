import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ShardReader, type ShardEntry } from '../../../src/core/shard/reader';
import { serializeRecord } from '../../../src/core/shard/writer';
import { line, sampleRecord } from './sample-records';

const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-reader-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function withShard<T>(name: string, content: string | Buffer, use: (reader: ShardReader) => Promise<T>): Promise<T> {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const reader = await ShardReader.open(file);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

const idOf = (entry: ShardEntry): string => (entry.kind === 'record' ? entry.record.id : `!${entry.line}`);

describe('ShardReader', () => {
  test('reads records by position with true 1-based line numbers, skipping blank lines', async () => {
    const text =
      [
        serializeRecord(sampleRecord('r1')),
        '',
        '   ',
        serializeRecord(sampleRecord('r2')),
        serializeRecord(sampleRecord('r3')),
      ].join('\n') + '\n';
    await withShard('blank.shard.jsonl', text, async (reader) => {
      assert.equal(reader.size, 3);
      const second = await reader.read(1);
      assert.equal(second.kind, 'record');
      assert.equal(second.line, 4);
      assert.equal(idOf(second), 'r2');
      assert.deepEqual(await reader.read(0), {
        kind: 'record',
        position: 0,
        line: 1,
        record: sampleRecord('r1'),
      });
    });
  });

  test('handles CRLF endings, a UTF-8 BOM and a missing final newline', async () => {
    const text =
      '\uFEFF' +
      [serializeRecord(sampleRecord('a')), serializeRecord(sampleRecord('b')), serializeRecord(sampleRecord('c'))].join('\r\n');
    await withShard('crlf.shard.jsonl', Buffer.from(text, 'utf8'), async (reader) => {
      assert.equal(reader.size, 3);
      const ids: string[] = [];
      for await (const entry of reader.entries()) ids.push(idOf(entry));
      assert.deepEqual(ids, ['a', 'b', 'c']);
      assert.deepEqual(await reader.ids(), ['a', 'b', 'c']);
      const last = await reader.read(2);
      assert.equal(last.kind === 'record' && last.record.title, sampleRecord('c').title); // multi-byte text intact
    });
  });

  test('a malformed line is an unreadable entry with file, line and reason; neighbours still read', async () => {
    const text = [
      serializeRecord(sampleRecord('ok1')),
      '{"schema_version":1,"id":"broken", oops',
      serializeRecord(sampleRecord('ok2')),
    ].join('\n');
    await withShard('malformed.shard.jsonl', text, async (reader) => {
      const entries: ShardEntry[] = [];
      for await (const entry of reader.entries()) entries.push(entry);
      assert.deepEqual(entries.map(idOf), ['ok1', '!2', 'ok2']);
      const bad = entries[1];
      assert.equal(bad.kind, 'unreadable');
      if (bad.kind !== 'unreadable') return;
      assert.equal(bad.file, reader.file);
      assert.equal(bad.position, 1);
      assert.match(bad.reason, /^malformed JSON: /);
    });
  });

  test('a schema failure names the zod path and message', async () => {
    const bad = { ...sampleRecord('bad'), comments: [{ ...sampleRecord('x').comments[0], upvotes: 'many' }] };
    await withShard('schema.shard.jsonl', [line(bad), serializeRecord(sampleRecord('fine'))].join('\n'), async (reader) => {
      const entry = await reader.read(0);
      assert.equal(entry.kind, 'unreadable');
      assert.match(entry.kind === 'unreadable' ? entry.reason : '', /comments\.0\.upvotes: .*number/);
      assert.equal(idOf(await reader.read(1)), 'fine');
    });
  });

  test('ids(): sniffed from the line head, full-parse fallback for other key orders, null when unreadable', async () => {
    const { id, ...rest } = sampleRecord('late-id');
    const lateId = line({ ...rest, id }); // id is not near the start
    const escaped = serializeRecord(sampleRecord('quote"d\\id'));
    const text = [serializeRecord(sampleRecord('first')), lateId, 'not json', '{"schema_version":1}', escaped].join('\n');
    await withShard('ids.shard.jsonl', text, async (reader) => {
      assert.deepEqual(await reader.ids(), ['first', 'late-id', null, null, 'quote"d\\id']);
      assert.equal(await reader.positionOf('late-id'), 1);
      assert.equal(await reader.positionOf('quote"d\\id'), 4);
      assert.equal(await reader.positionOf('absent'), undefined);
    });
  });

  test('positionOf() returns the first of duplicated ids', async () => {
    const text = [
      serializeRecord(sampleRecord('dup')),
      serializeRecord(sampleRecord('other')),
      serializeRecord(sampleRecord('dup')),
    ].join('\n');
    await withShard('dup.shard.jsonl', text, async (reader) => {
      assert.equal(await reader.positionOf('dup'), 0);
    });
  });

  test('lines longer than a read chunk are indexed and read whole', async () => {
    const long = sampleRecord('long', { selftext: 'x'.repeat(200_000) });
    await withShard(
      'long.shard.jsonl',
      [serializeRecord(long), serializeRecord(sampleRecord('after'))].join('\n') + '\n',
      async (reader) => {
        assert.equal(reader.size, 2);
        const entry = await reader.read(0);
        assert.equal(entry.kind === 'record' && entry.record.selftext.length, 200_000);
        assert.deepEqual(await reader.ids(), ['long', 'after']);
      },
    );
  });

  test('an empty file has no entries; a position out of range throws', async () => {
    await withShard('empty.shard.jsonl', '\n\n', async (reader) => {
      assert.equal(reader.size, 0);
      await assert.rejects(reader.read(0), RangeError);
    });
  });

  test('reads beyond the cache size and back still return the right records', async () => {
    const text = Array.from({ length: 50 }, (_, i) => serializeRecord(sampleRecord(`r${i}`))).join('\n');
    await withShard('many.shard.jsonl', text, async (reader) => {
      for (let i = 0; i < 50; i++) assert.equal(idOf(await reader.read(i)), `r${i}`);
      assert.equal(idOf(await reader.read(3)), 'r3');
      assert.equal(idOf(await reader.read(49)), 'r49');
    });
  });

  test('a line with two "id" keys is unreadable (file:line), not indexed under one id and parsed as another', async () => {
    const twoIds = serializeRecord(sampleRecord('first')).replace(/\}$/, ',"id":"second"}');
    const text = [serializeRecord(sampleRecord('r1')), twoIds, serializeRecord(sampleRecord('r3'))].join('\n') + '\n';
    await withShard('two-ids.shard.jsonl', text, async (reader) => {
      const entry = await reader.read(1);
      assert.equal(entry.kind, 'unreadable');
      assert.equal(entry.line, 2);
      assert.ok(entry.kind === 'unreadable' && entry.file.endsWith('two-ids.shard.jsonl'));
      assert.match(entry.kind === 'unreadable' ? entry.reason : '', /two "id" keys \("first", then "second"\)/);
      assert.deepEqual([idOf(await reader.read(0)), idOf(await reader.read(2))], ['r1', 'r3']);
    });
  });

  test('openIndexing: records are readable while the index grows; size and ids are final once indexed', async () => {
    const file = path.join(dir, 'indexing.shard.jsonl');
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => serializeRecord(sampleRecord(`r${i}`))).join('\n'));
    const reader = await ShardReader.openIndexing(file);
    try {
      assert.equal(idOf(await reader.read(0)), 'r0');
      assert.equal(idOf(await reader.read(299)), 'r299'); // waits for its line rather than failing
      await reader.indexed();
      assert.equal(reader.isIndexed, true);
      assert.equal(reader.size, 300);
      assert.equal(await reader.positionOf('r150'), 150);
      await assert.rejects(reader.read(300), RangeError);
    } finally {
      await reader.close();
    }
  });
});
