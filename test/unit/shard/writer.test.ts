import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ShardReader } from '../../../src/core/shard/reader';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { serializeRecord, writeShard } from '../../../src/core/shard/writer';
import { sampleRecord } from './sample-records';

const root = mkdtempSync(path.join(os.tmpdir(), 'imagery-writer-'));
after(() => rmSync(root, { recursive: true, force: true }));
const freshDir = (name: string): string => mkdtempSync(path.join(root, `${name}-`));

describe('writeShard', () => {
  test('writes one line per record, schema_version and id first, readable back unchanged', async () => {
    const dir = freshDir('roundtrip');
    const file = path.join(dir, 'x.shard.jsonl');
    const { schema_version, id, ...rest } = sampleRecord('r1');
    const shuffled = { ...rest, id, schema_version } as ShardRecord; // key order must not leak into the file
    const records = [shuffled, sampleRecord('r2'), sampleRecord('r3', { selftext: 'a\nb\r\nc' })];
    assert.equal(await writeShard(file, records), 3);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '');
    assert.match(lines[0], /^\{"schema_version":1,"id":"r1",/);
    const reader = await ShardReader.open(file);
    try {
      const back = [];
      for await (const entry of reader.entries()) back.push(entry.kind === 'record' ? entry.record : entry);
      assert.deepEqual(back, [sampleRecord('r1'), sampleRecord('r2'), sampleRecord('r3', { selftext: 'a\nb\r\nc' })]);
    } finally {
      await reader.close();
    }
  });

  test('streams from an async iterable across several flushes', async () => {
    const dir = freshDir('async');
    const file = path.join(dir, 'big.shard.jsonl');
    async function* many(): AsyncGenerator<ShardRecord> {
      for (let i = 0; i < 40; i++) yield sampleRecord(`r${i}`, { selftext: 'y'.repeat(50_000) }); // ~2 MB: more than one flush
    }
    assert.equal(await writeShard(file, many()), 40);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.deepEqual(
      lines.map((text) => (JSON.parse(text) as ShardRecord).id),
      Array.from({ length: 40 }, (_, i) => `r${i}`),
    );
  });

  test('a source that throws mid-way leaves no target file and no temp file', async () => {
    const dir = freshDir('interrupted');
    const file = path.join(dir, 'x.shard.jsonl');
    function* failing(): Generator<ShardRecord> {
      yield sampleRecord('r1');
      yield sampleRecord('r2');
      throw new Error('source died');
    }
    await assert.rejects(writeShard(file, failing()), /source died/);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('an interrupted rewrite keeps the previous shard intact', async () => {
    const dir = freshDir('keep-old');
    const file = path.join(dir, 'x.shard.jsonl');
    const old = serializeRecord(sampleRecord('old')) + '\n';
    writeFileSync(file, old);
    async function* failing(): AsyncGenerator<ShardRecord> {
      yield sampleRecord('new');
      throw new Error('stop');
    }
    await assert.rejects(writeShard(file, failing()), /stop/);
    assert.equal(readFileSync(file, 'utf8'), old);
    assert.deepEqual(readdirSync(dir), ['x.shard.jsonl']);
  });

  test('an invalid record is refused with its number and zod path; nothing is written', async () => {
    const dir = freshDir('invalid');
    const file = path.join(dir, 'x.shard.jsonl');
    const bad = { ...sampleRecord('r2'), domain: 'films' } as unknown as ShardRecord;
    await assert.rejects(writeShard(file, [sampleRecord('r1'), bad]), /record 2 .*domain/);
    assert.equal(existsSync(file), false);
    assert.deepEqual(readdirSync(dir), []);
  });
});
