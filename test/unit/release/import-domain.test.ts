// importDomain's own rules beyond the happy path (import.test.ts): a request
// given twice, benchmark requests absent from submissions.jsonl, missing files,
// what it reports while it works, an extraction run's answers, and image paths
// relative to the current folder by default.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { importDomain } from '../../../src/core/release/import';
import type { ImportStep } from '../../../src/core/release/import-progress';
import { makeRelease, type SyntheticRelease } from '../../fixtures/release-maker';

const MUSIC = 'data/processed/music';

function release(t: TestContext): SyntheticRelease {
  const made = makeRelease();
  t.after(() => made.cleanup());
  return made;
}

/** The released lines of a JSONL file, parsed. */
function rows(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const writeRows = (file: string, lines: unknown[]): void =>
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');

test('a request given twice keeps its first line; the second is named by file and line', async (t) => {
  const made = release(t);
  const ns = made.file(MUSIC, 'submissions_ns.jsonl');
  const lines = rows(ns);
  writeRows(ns, [...lines, { ...lines[0], title: 'A second m001' }]);
  const { records, summary } = await importDomain(made.dir, 'music');
  assert.deepEqual(
    records.map((record) => [record.id, record.title]),
    [
      ['m001', 'Synthetic request m001: what feels like this picture?'],
      ['m002', 'Synthetic request m002: what feels like this picture?'],
      ['m003', 'Synthetic request m003: what feels like this picture?'],
    ],
  );
  assert.deepEqual(summary.unreadable, [{ file: ns, line: 4, reason: 'request "m001" appears twice (the first is kept)' }]);
});

test('with the unsampled requests, a benchmark request missing from submissions.jsonl comes last, choices kept', async (t) => {
  const made = release(t);
  const all = made.file(MUSIC, 'submissions.jsonl');
  writeRows(
    all,
    rows(all).filter((line) => line.submission_id !== 'm002'),
  );
  const { records } = await importDomain(made.dir, 'music', { includeUnsampled: true });
  assert.deepEqual(
    records.map((record) => [record.id, record.choice?.true_index ?? null]),
    [
      ['m001', 0],
      ['m003', 1],
      ['m004', null],
      ['m002', 2],
    ],
  );
});

test('an image name that leaves the image folder is refused, naming the request line it came from', async (t) => {
  const made = release(t);
  const ns = made.file(MUSIC, 'submissions_ns.jsonl');
  const lines = rows(ns);
  lines[2] = { ...lines[2], images: ['../../escape.jpg'], image_urls: ['https://images.example.invalid/x.jpg'] };
  writeRows(ns, lines);
  const { records, summary } = await importDomain(made.dir, 'music');
  assert.deepEqual(summary.imageWarnings, [
    { file: ns, line: 3, reason: 'image "../../escape.jpg": the name leaves the image folder' },
  ]);
  assert.deepEqual(records[2].images, [{ path: null, url: 'https://images.example.invalid/x.jpg' }]);
});

test('without recs.json every request has no relevance and nothing is reported unreadable', async (t) => {
  const made = release(t);
  unlinkSync(made.file(MUSIC, 'recs.json'));
  const { records, summary } = await importDomain(made.dir, 'music');
  assert.deepEqual(
    records.map((record) => record.relevance),
    [[], [], []],
  );
  assert.deepEqual(summary.unreadable, []);
});

test('books, released without comments, import with nothing reported unreadable', async (t) => {
  const made = release(t);
  const { records, summary } = await importDomain(made.dir, 'books');
  assert.deepEqual(
    records.map((record) => record.comments),
    [[], []],
  );
  assert.deepEqual(summary.unreadable, []);
});

test('progress: one message per file read, then the first request and every 50th, each with its step', async (t) => {
  const made = release(t);
  const ns = made.file(MUSIC, 'submissions_ns.jsonl');
  const lines = rows(ns);
  const extra = Array.from({ length: 98 }, (_, i) => ({ ...lines[2], submission_id: `x${String(i).padStart(3, '0')}` }));
  writeRows(ns, [...lines, ...extra]);
  const seen: [string, ImportStep | undefined][] = [];
  await importDomain(made.dir, 'music', { progress: (message, step) => seen.push([message, step]) });
  const read = (done: number): ImportStep => ({ domain: 'music', phase: 'read', done, total: 4 });
  const build = (done: number): ImportStep => ({ domain: 'music', phase: 'build', done, total: 101 });
  assert.deepEqual(seen, [
    ['music: 101 requests from submissions_ns.jsonl', read(1)],
    ['music: relevance of 4 requests from recs.json', read(2)],
    ['music: comments of 2 requests', read(3)],
    ['music: 4 stored runs', read(4)],
    ['music: request 1 of 101', build(0)],
    ['music: request 51 of 101', build(50)],
    ['music: request 101 of 101', build(100)],
  ]);
});

test("an extraction run's answers replace the released ones; the import says how many comments it answered", async (t) => {
  const made = release(t);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'imagery-extraction-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const run = path.join(folder, 'comments_processed.jsonl');
  const comment = (id: string, request: string, processed: string): Record<string, unknown> => ({
    comment_id: id,
    submission_id: request,
    raw: 'as released',
    upvotes: 1,
    processed,
  });
  writeFileSync(
    run,
    [
      JSON.stringify(comment('c101', 'm001', '1. Quiet Harbor - Lights')),
      '{"comment_id": "c102", oops',
      JSON.stringify(comment('c201', 'm002', 'None')),
    ].join('\n') + '\n',
  );
  const messages: string[] = [];
  const { records, summary } = await importDomain(made.dir, 'music', {
    extraction: run,
    progress: (message) => messages.push(message),
  });
  assert.ok(messages.includes(`music: extraction from ${run} (2 comments answered)`), messages.join('\n'));
  assert.deepEqual(
    records.flatMap((record) => record.comments.map((c) => [c.id, c.extraction.raw, c.extraction.items])),
    [
      ['c101', '1. Quiet Harbor - Lights', ['quiet harbor - lights']],
      ['c102', null, []],
      ['c103', null, []],
      ['c201', 'None', []],
    ],
  );
  assert.deepEqual(
    summary.unreadable.map((problem) => [problem.file, problem.line]),
    [[run, 2]],
  );
});

test('without an image placement, image paths are relative to the current folder, with forward slashes', async (t) => {
  const made = release(t);
  const { records } = await importDomain(made.dir, 'music');
  const image = made.file('data/processed/_images/music/PictureTheSound_m001.jpg');
  assert.equal(records[0].images[0].path, path.relative(process.cwd(), image).split(path.sep).join('/'));
});
