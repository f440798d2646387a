// readMany reads many records with few file reads; every entry must be the
// one read() gives for that position, malformed lines included.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ShardReader } from '../../../src/core/shard/reader';
import { serializeRecord } from '../../../src/core/shard/writer';
import { line, sampleRecord } from './sample-records';

const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-read-many-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Valid records among every kind of bad line, and one record large enough to split the reads in two. */
const LINES = [
  serializeRecord(sampleRecord('r0')),
  '{"schema_version":1,"id":"broken", "title": ', // malformed JSON
  line({ ...sampleRecord('r2'), domain: 'films' }), // JSON, not a shard record
  '', // blank: not an entry, so the positions below are one less than the line index
  serializeRecord(sampleRecord('r3', { comments: [] })),
  '{"schema_version":1,"id":"a","id":"b"}', // two "id" keys
  line({ ...sampleRecord('r5'), selftext: 'x'.repeat(200_000) }), // far past the merge gap
  serializeRecord(sampleRecord('r6', { title: 'ünïcode “quotes” 🎵' })),
  'null',
  serializeRecord(sampleRecord('r8')),
];

describe('ShardReader.readMany', () => {
  test('gives, for every position in any order and repeated, exactly what read() gives', async () => {
    const file = path.join(dir, 'mixed.shard.jsonl');
    writeFileSync(file, LINES.join('\r\n') + '\n');
    const batch = await ShardReader.open(file);
    const single = await ShardReader.open(file);
    try {
      const positions = [8, 0, 3, 1, 5, 2, 7, 4, 6, 0, 8];
      const many = await batch.readMany(positions);
      const one = [];
      for (const position of positions) one.push(await single.read(position));
      assert.deepEqual(many, one);
      assert.deepEqual(
        many.map((entry) => entry.kind),
        [
          'record',
          'record',
          'record',
          'unreadable',
          'record',
          'unreadable',
          'unreadable',
          'unreadable',
          'record',
          'record',
          'record',
        ],
      );
      assert.deepEqual(await batch.readMany([]), []);
    } finally {
      await Promise.all([batch.close(), single.close()]);
    }
  });

  test('a position past the end is refused as read() refuses it', async () => {
    const file = path.join(dir, 'short.shard.jsonl');
    writeFileSync(file, serializeRecord(sampleRecord('only')) + '\n');
    const reader = await ShardReader.open(file);
    try {
      await assert.rejects(reader.readMany([0, 1]), RangeError);
      await assert.rejects(reader.readMany([-1]), RangeError);
    } finally {
      await reader.close();
    }
  });
});
