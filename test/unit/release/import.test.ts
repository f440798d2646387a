import assert from 'node:assert/strict';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { importDomain, ReleaseImportError } from '../../../src/core/release/import';
import { formatUnreadable } from '../../../src/core/release/import-jsonl';
import { formatImportResult } from '../../../src/core/release/import-result-text';
import { ShardRecord, runKey } from '../../../src/core/shard/schema';
import { insertLine, makeRelease, SYNTHETIC } from '../../fixtures/release-maker';

const release = makeRelease();
after(() => release.cleanup());
const shardDir = path.join(release.dir, 'shards');

describe('importDomain (synthetic release)', async () => {
  const { records, summary } = await importDomain(release.dir, 'music', { images: { shardDir } });
  const byId = new Map(records.map((record) => [record.id, record]));

  test('imports the benchmark requests (submissions_ns) in file order, each a valid shard record', () => {
    assert.deepEqual(
      records.map((record) => record.id),
      [...SYNTHETIC.music.nsIds],
    );
    for (const record of records) assert.equal(ShardRecord.safeParse(record).success, true, record.id);
    assert.equal(summary.requests, 3);
    assert.equal(summary.requestsWithChoice, 3);
    assert.equal(path.basename(summary.source), 'submissions_ns.jsonl');
    assert.deepEqual(byId.get('m002')?.choice, {
      choices: ['marble sky - slow tide', 'cold harbor - neon', 'dust choir - amber', 'low orbit - tides', 'fern - hollow'],
      true_index: 2,
    });
  });

  test('keeps recs.json items in document order, integer-like keys included', () => {
    assert.deepEqual(byId.get('m001')?.relevance, SYNTHETIC.music.m001Relevance);
    assert.deepEqual(byId.get('m003')?.relevance, []);
    assert.equal(summary.relevanceItems, 4);
  });

  test('joins comments with the extractor answer parsed by the paper parser', () => {
    const comments = byId.get('m001')?.comments ?? [];
    assert.deepEqual(
      comments.map((comment) => [comment.id, comment.upvotes, comment.extraction.items]),
      [
        ['c101', 5, ['velvet static - night bus']],
        ['c102', 2, []],
        ['c103', -1, ['paper lanterns - 1979', 'quiet harbor']],
      ],
    );
    assert.equal(comments[1].extraction.raw, 'None');
    assert.equal(summary.comments, SYNTHETIC.music.comments);
    assert.equal(summary.requestsWithComments, SYNTHETIC.music.requestsWithComments);
    assert.equal(summary.extractedItems, SYNTHETIC.music.extractedItems);
    assert.equal(summary.extractionMissing, 0);
  });

  test('flags the requests whose stored extraction does not give back the released S_r, and says what the export writes', () => {
    // m001: recs.json scores "1979" 5 and "paper lanterns - 1979" 0, which no counted comment yields; m002 adds up.
    assert.deepEqual(summary.relevanceMismatch, { count: 1, requests: ['m001'] });
    const text = formatImportResult({ ...summary, shards: [], annotationsMoved: { events: 0, requests: [], moves: [] } });
    assert.match(
      text,
      /\n {2}S_r: 1 of 2 requests with comments: the stored extraction does not give back the released S_r \(the export writes the released S_r while a request is not corrected, the S_r recomputed over the corrected extraction once it is\): m001\n/,
    );
  });

  test('finds every stored run and attaches answers by submission_id', () => {
    assert.deepEqual(
      summary.runs.map((run) => `${run.model}/${run.input}/${run.task}`),
      [...SYNTHETIC.musicRuns],
    );
    const m002 = byId.get('m002');
    assert.deepEqual(m002?.runs.map(runKey).sort(), [...SYNTHETIC.musicRuns].sort());
    const description = m002?.runs.find((run) => run.task === 'description');
    assert.deepEqual(description?.answer, ['A field of tall grass.', 'The sea under a pale sky.']);
    const textOnly = m002?.runs.find((run) => run.model === 'text-model');
    assert.equal(textOnly?.answer, '1. Marble Sky - Slow Tide');
    assert.deepEqual(textOnly?.descriptions, ['A field of tall grass.', 'The sea under a pale sky.']);
    assert.equal(byId.get('m001')?.runs.find((run) => run.task === 'rec_choice')?.descriptions, undefined);
    // m004's rec_title answer has no imported request.
    assert.equal(summary.runs.find((run) => run.task === 'rec_title' && run.model === 'vision-model')?.unmatched, 1);
  });

  test('images: local paths relative to the shard folder when the file exists, else null with the URL', () => {
    assert.deepEqual(byId.get('m002')?.images, [
      { path: '../data/processed/_images/music/ifyoulikeblank_m002_1.jpg', url: 'https://images.example.invalid/m002a.jpg' },
      { path: null, url: 'https://images.example.invalid/m002b.jpg' },
    ]);
    assert.deepEqual(byId.get('m002')?.image_names, ['ifyoulikeblank_m002_1.jpg', 'ifyoulikeblank_m002_2.jpg']);
    assert.deepEqual(summary.images, { found: SYNTHETIC.music.imagesFound, missing: SYNTHETIC.music.imagesMissing, refused: 0 });
    assert.deepEqual(summary.unreadable, []);
  });
});

describe('importDomain options and fallbacks', () => {
  test('includeUnsampled adds submissions.jsonl requests with choice null', async () => {
    const { records } = await importDomain(release.dir, 'music', { includeUnsampled: true });
    assert.deepEqual(
      records.map((record) => [record.id, record.choice === null]),
      [
        ['m001', false],
        ['m002', false],
        ['m003', false],
        ['m004', true],
      ],
    );
    assert.deepEqual(records[3].relevance, [['fern - hollow', 1]]);
  });

  test('without submissions_ns and comments_processed: all requests, choice null, extraction marked missing', async () => {
    const bare = makeRelease({ withNs: false, processedComments: false });
    try {
      const { records, summary } = await importDomain(bare.dir, 'music');
      assert.equal(path.basename(summary.source), 'submissions.jsonl');
      assert.deepEqual(
        records.map((record) => record.id),
        ['m001', 'm002', 'm003', 'm004'],
      );
      assert.ok(records.every((record) => record.choice === null));
      assert.deepEqual(records[0].comments[0].extraction, { raw: null, items: [] });
      assert.equal(summary.extractionMissing, SYNTHETIC.music.comments);
    } finally {
      bare.cleanup();
    }
  });

  test('copy placement copies found images and points at the copies', async () => {
    const copyTo = path.join(shardDir, 'images', 'music');
    try {
      const { records } = await importDomain(release.dir, 'music', { images: { shardDir, copyTo } });
      assert.equal(records[0].images[0].path, 'images/music/PictureTheSound_m001.jpg');
      assert.deepEqual(
        readFileSync(path.join(copyTo, 'PictureTheSound_m001.jpg')),
        readFileSync(release.file('data/processed/_images/music/PictureTheSound_m001.jpg')),
      );
    } finally {
      rmSync(shardDir, { recursive: true, force: true });
    }
  });

  test('books import: no comments folder, runs and images found', async () => {
    const { records, summary } = await importDomain(release.dir, 'books', { images: { shardDir } });
    assert.deepEqual(
      records.map((record) => record.id),
      [...SYNTHETIC.books.nsIds],
    );
    assert.ok(records.every((record) => record.domain === 'books' && record.comments.length === 0));
    assert.deepEqual(
      summary.runs.map((run) => `${run.model}/${run.input}/${run.task}`),
      [...SYNTHETIC.booksRuns],
    );
    assert.equal(summary.images.found, SYNTHETIC.books.imagesFound);
    assert.deepEqual(records[1].relevance, [['ada moss', 2]]);
  });

  test('malformed lines are reported with file:line and their neighbours still import', async () => {
    const faulty = makeRelease();
    try {
      const submissions = faulty.file('data/processed/music/submissions_ns.jsonl');
      insertLine(submissions, 1, '{"submission_id": "m9", oops');
      const comments = faulty.file('data/processed/music/comments/comments_processed.jsonl');
      insertLine(comments, 2, JSON.stringify({ comment_id: 'c9', submission_id: 'm001', raw: 'x', upvotes: 'lots' }));
      const { records, summary } = await importDomain(faulty.dir, 'music');
      assert.deepEqual(
        records.map((record) => record.id),
        [...SYNTHETIC.music.nsIds],
      );
      assert.equal(records[0].comments.length, 3);
      assert.deepEqual(
        summary.unreadable.map((problem) => `${path.basename(problem.file)}:${problem.line}`),
        ['submissions_ns.jsonl:2', 'comments_processed.jsonl:3'],
      );
      assert.match(formatUnreadable(summary.unreadable[0]), /submissions_ns\.jsonl:2: malformed JSON/);
      assert.match(summary.unreadable[1].reason, /^upvotes: /);
    } finally {
      faulty.cleanup();
    }
  });

  test('a broken recs.json keeps the requests read before the fault and names the line', async () => {
    const faulty = makeRelease();
    try {
      const recs = faulty.file('data/processed/music/recs.json');
      writeFileSync(recs, readFileSync(recs, 'utf8').replace('"m003": {}', '"m003": {,}'));
      const { records, summary } = await importDomain(faulty.dir, 'music');
      assert.equal(records.length, 3);
      assert.deepEqual(records[1].relevance, [['marble sky - slow tide', 3]]);
      assert.equal(summary.unreadable.length, 1);
      assert.equal(summary.unreadable[0].line, 10);
      assert.match(summary.unreadable[0].reason, /malformed JSON/);
    } finally {
      faulty.cleanup();
    }
  });

  test('a folder that is not a release, or a domain without submissions, is a ReleaseImportError', async () => {
    await assert.rejects(importDomain(path.join(release.dir, 'data'), 'music'), (error: unknown) => {
      assert.ok(error instanceof ReleaseImportError);
      assert.match(error.message, /not a release folder/);
      return true;
    });
    const noBooks = makeRelease();
    try {
      unlinkSync(noBooks.file('data/processed/books/submissions.jsonl'));
      unlinkSync(noBooks.file('data/processed/books/submissions_ns.jsonl'));
      await assert.rejects(importDomain(noBooks.dir, 'books'), /no submissions_ns\.jsonl or submissions\.jsonl/);
    } finally {
      noBooks.cleanup();
    }
  });
});
