// The Shards view's progress of closed shards: after one appended event, a
// refresh reads that event only (from the log's cursor) and re-reads no shard
// and no other log; other annotators' logs are never read.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { appendFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replay } from '../../../src/core/annotations/replay';
import { ShardReader } from '../../../src/core/shard/reader';
import { writeShard } from '../../../src/core/shard/writer';
import { factsOf } from '../../../src/host/editor/state/request-index';
import { CommentIdsStore } from '../../../src/host/views/comment-ids-store';
import { ShardProgressCache } from '../../../src/host/views/shard-progress';
import { makeComment, makeRecord } from '../../fixtures/synthetic-record';

const SHARDS = 4;
const ANNOTATORS = ['ann', 'bo', 'cy'];

describe('ShardProgressCache', () => {
  let dir: string;
  let shards: string[];
  const indexed: string[] = [];
  const logReads: { file: string; from: number }[] = [];
  const cache = new ShardProgressCache({
    indexed: (file) => void indexed.push(file),
    logRead: (file, from) => void logReads.push({ file, from }),
  });
  const refreshAll = () => Promise.all(shards.map((shard) => cache.progress(shard, 'ann')));
  const forget = () => {
    indexed.length = 0;
    logReads.length = 0;
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-shard-progress-'));
    shards = [];
    for (let n = 0; n < SHARDS; n++) {
      const shard = path.join(dir, `s${n}.shard.jsonl`);
      await writeShard(
        shard,
        [0, 1, 2].map((r) => makeRecord({ id: `s${n}r${r}` })),
      );
      for (const annotator of ANNOTATORS) {
        await AnnotationLog.open(shard, annotator).append({
          type: 'validity',
          request: `s${n}r0`,
          verdict: 'invalid',
          reason: 'Other',
        });
      }
      shards.push(shard);
    }
  });
  after(async () => {
    await cache.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first refresh indexes every shard and reads only this annotator’s logs', async () => {
    const progress = await refreshAll();
    assert.deepEqual(
      progress.map((p) => `${p.reviewed}/${p.total}`),
      ['1/3', '1/3', '1/3', '1/3'],
    );
    assert.deepEqual(indexed.sort(), [...shards].sort());
    assert.deepEqual(
      logReads.map((read) => read.from),
      [0, 0, 0, 0],
    );
    assert.ok(
      logReads.every((read) => path.basename(read.file) === 'ann.jsonl'),
      'other annotators’ logs are not read',
    );
  });

  it('a refresh with nothing changed reads nothing', async () => {
    forget();
    await refreshAll();
    assert.deepEqual([indexed, logReads], [[], []]);
  });

  it('one appended event updates the counts, reading that log from its cursor and nothing else', async () => {
    forget();
    const log = AnnotationLog.open(shards[2], 'ann');
    const before = (await stat(log.file)).size;
    await log.append({ type: 'validity', request: 's2r1', verdict: 'invalid', reason: 'Other' });
    // Other annotators' work lands too (a git pull): still not read.
    await AnnotationLog.open(shards[1], 'bo').append({ type: 'validity', request: 's1r2', verdict: 'invalid', reason: 'Other' });
    const progress = await refreshAll();
    assert.deepEqual(
      progress.map((p) => `${p.reviewed}/${p.total}`),
      ['1/3', '1/3', '2/3', '1/3'],
    );
    assert.deepEqual(indexed, [], 'no shard re-read');
    assert.deepEqual(logReads, [{ file: log.file, from: before }]);
  });

  it('a shard that changed is indexed again, alone', async () => {
    forget();
    await appendFile(shards[0], JSON.stringify(makeRecord({ id: 's0r3' })) + '\n');
    const progress = await refreshAll();
    assert.equal(progress[0].total, 4);
    assert.deepEqual(indexed, [shards[0]]);
  });
});

describe('ShardProgressCache counts, malformed lines among the requests', () => {
  it('equal the counts from reading each request alone and validating it in full', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-shard-progress-bad-'));
    const cache = new ShardProgressCache();
    try {
      const shard = path.join(dir, 'mixed.shard.jsonl');
      const lines = [
        JSON.stringify(makeRecord({ id: 'ok-commented', comments: [makeComment(1), makeComment(2)] })),
        '{"schema_version":1,"id":"bad-json", "comments": [',
        JSON.stringify({ ...makeRecord({ id: 'bad-schema', comments: [makeComment(3)] }), domain: 'films' }),
        JSON.stringify(makeRecord({ id: 'ok-judged', comments: [makeComment(4)] })),
        JSON.stringify(makeRecord({ id: 'ok-empty', comments: [] })),
        `{"schema_version":1,"id":"dup","id":"dup2","comments":[{"id":"c9"}]}`,
        JSON.stringify(makeRecord({ id: 'ok-unmarked', comments: [makeComment(5)] })),
        JSON.stringify(makeRecord({ id: 'ok-invalid', comments: [makeComment(6)] })),
      ];
      await writeFile(shard, lines.join('\n') + '\n');
      const log = AnnotationLog.open(shard, 'ann');
      for (const request of ['ok-commented', 'bad-json', 'bad-schema', 'ok-judged', 'ok-empty', 'dup', 'missing-id']) {
        await log.append({ type: 'validity', request, verdict: 'valid' });
      }
      await log.append({ type: 'extraction', request: 'ok-judged', comment: 'c4', verdict: 'confirmed' });
      await log.append({ type: 'extraction', request: 'bad-schema', comment: 'c3', verdict: 'confirmed' });
      await log.append({ type: 'extraction', request: 'ok-commented', comment: 'c1', verdict: 'corrected', items: ['x'] });
      await log.append({ type: 'validity', request: 'ok-invalid', verdict: 'invalid', reason: 'Other' });

      // The full path: every request marked valid read alone, its comment ids only when it validates.
      const state = replay((await log.read()).events);
      const reader = await ShardReader.open(shard);
      const expected = { reviewed: 0, total: reader.size, invalid: 0, corrected: 0 };
      try {
        for (const [position, id] of (await reader.ids()).entries()) {
          const requestState = id === null ? undefined : state.get(id);
          if (!requestState) continue;
          const entry = await reader.read(position);
          const facts = factsOf(requestState, entry.kind === 'record' ? entry.record.comments.map((comment) => comment.id) : []);
          expected.reviewed += Number(facts.reviewed);
          expected.invalid += Number(facts.invalid);
          expected.corrected += Number(facts.corrected);
        }
      } finally {
        await reader.close();
      }

      const progress = await cache.progress(shard, 'ann');
      assert.deepEqual(progress, expected);
      // ok-judged, ok-empty, ok-invalid, and the three lines that do not validate (no comment ids);
      // ok-commented has one of its two comments judged.
      assert.deepEqual(progress, { reviewed: 6, total: 8, invalid: 1, corrected: 1 });
    } finally {
      await cache.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ShardProgressCache, comment ids kept on disk between windows', () => {
  let dir: string;
  let keptDir: string;
  let shard: string;
  const recordsRead: number[] = [];
  const window = () =>
    new ShardProgressCache(
      { indexed: () => undefined, logRead: () => undefined, recordsRead: (_file, count) => void recordsRead.push(count) },
      new CommentIdsStore(keptDir),
    );
  const countsIn = async (cache: ShardProgressCache) => {
    try {
      return await cache.progress(shard, 'ann');
    } finally {
      await cache.dispose();
    }
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-shard-progress-kept-'));
    keptDir = path.join(dir, 'storage', 'comment-ids');
    shard = path.join(dir, 'kept.shard.jsonl');
    await writeShard(shard, [
      makeRecord({ id: 'r0', comments: [makeComment(1), makeComment(2)] }),
      makeRecord({ id: 'r1', comments: [makeComment(3)] }),
      makeRecord({ id: 'r2', comments: [makeComment(4)] }),
    ]);
    const log = AnnotationLog.open(shard, 'ann');
    for (const request of ['r0', 'r1', 'r2']) await log.append({ type: 'validity', request, verdict: 'valid' });
    await log.append({ type: 'extraction', request: 'r1', comment: 'c3', verdict: 'confirmed' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a new window counts the same without reading the records an earlier window read', async () => {
    recordsRead.length = 0;
    const first = await countsIn(window());
    assert.deepEqual(recordsRead, [3], 'the first window reads the three records marked valid');
    recordsRead.length = 0;
    const second = await countsIn(window());
    assert.deepEqual(second, first);
    assert.deepEqual(second, { reviewed: 1, total: 3, invalid: 0, corrected: 0 });
    assert.deepEqual(recordsRead, [], 'the second window reads none');
  });

  it('a shard changed since is read again, and a damaged file is read past', async () => {
    await appendFile(shard, JSON.stringify(makeRecord({ id: 'r3', comments: [] })) + '\n');
    await AnnotationLog.open(shard, 'ann').append({ type: 'validity', request: 'r3', verdict: 'valid' });
    recordsRead.length = 0;
    assert.deepEqual(await countsIn(window()), { reviewed: 2, total: 4, invalid: 0, corrected: 0 });
    assert.deepEqual(recordsRead, [4], 'all four records marked valid, the kept ids being for the shard before');

    for (const file of readdirSync(keptDir)) await writeFile(path.join(keptDir, file), '{"v":1,"shard":');
    recordsRead.length = 0;
    assert.deepEqual(await countsIn(window()), { reviewed: 2, total: 4, invalid: 0, corrected: 0 });
    assert.deepEqual(recordsRead, [4]);
  });

  it('kept ids are pairs, not object keys: a request named __proto__ is an ordinary request', async () => {
    const store = new CommentIdsStore(keptDir);
    await store.save(
      '/x.shard.jsonl',
      '1:2:3',
      new Map([
        ['__proto__', ['c1']],
        ['constructor', []],
      ]),
    );
    const loaded = await store.load('/x.shard.jsonl', '1:2:3');
    assert.deepEqual(
      [...loaded],
      [
        ['__proto__', ['c1']],
        ['constructor', []],
      ],
    );
    assert.equal(({} as Record<string, unknown>).c1, undefined);
    assert.deepEqual([...(await store.load('/x.shard.jsonl', '1:2:4'))], [], 'another stamp: nothing');
    assert.deepEqual([...(await store.load('/y.shard.jsonl', '1:2:3'))], [], 'another shard: nothing');
  });

  it('keepOnly removes what is kept for shards no longer listed, and nothing else', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kept-ids-'));
    const store = new CommentIdsStore(folder);
    const ids = new Map([['r1', ['c1']]]);
    await store.save('/a.shard.jsonl', '1:2:3', ids);
    await store.save('/b.shard.jsonl', '1:2:3', ids);
    await writeFile(path.join(folder, 'notes.txt'), 'not ours');
    await store.keepOnly(['/a.shard.jsonl']);
    assert.deepEqual([...(await store.load('/a.shard.jsonl', '1:2:3'))], [...ids]);
    assert.deepEqual([...(await store.load('/b.shard.jsonl', '1:2:3'))], [], 'the unlisted shard is forgotten');
    assert.equal(readdirSync(folder).length, 2, 'its file is gone; a file that is not ours stays');
    assert.ok(readdirSync(folder).includes('notes.txt'));
    rmSync(folder, { recursive: true, force: true });
  });
});
