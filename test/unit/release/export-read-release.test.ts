// What the export reads back from a release: the released submissions (for the
// posts the shards lack), irrelevant_submissions.csv and items.csv, including
// the lines it must skip, warn about or refuse.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { irrelevantFile, readIrrelevant } from '../../../src/core/release/export-irrelevant';
import { readItemsCsv } from '../../../src/core/release/export-items';
import { readReleasedSubmissions } from '../../../src/core/release/export-unsampled';
import { processedDir } from '../../../src/core/release/layout';
import { tempDir } from './export-helpers';

test('readReleasedSubmissions: ids in file order; blank lines skipped; unreadable or id-less lines warned with their line number', async (t) => {
  const release = tempDir(t);
  const dir = processedDir(release, 'music');
  mkdirSync(dir, { recursive: true });
  const all = path.join(dir, 'submissions.jsonl');
  const ns = path.join(dir, 'submissions_ns.jsonl');
  writeFileSync(
    all,
    [
      '{"submission_id": "s1", "title": "one"}',
      '  ',
      '{not json',
      'null',
      '{"submission_id": ""}',
      '{"submission_id": 5}',
      '{"title": "no id"}',
      '{"submission_id": "s2"}',
      '',
    ].join('\n'),
  );
  writeFileSync(ns, '{"submission_id": "s2"}\n{}\n{"submission_id": "s9"}\n');
  const read = await readReleasedSubmissions(release, 'music');
  assert.ok(read);
  assert.deepEqual(read.lines, [
    { id: 's1', text: '{"submission_id": "s1", "title": "one"}' },
    { id: 's2', text: '{"submission_id": "s2"}' },
  ]);
  assert.deepEqual([...read.sampled], ['s2', 's9']);
  assert.equal(read.warnings.length, 6);
  assert.match(read.warnings[0], new RegExp(`^${escape(all)}:3: not JSON \\(.+\\); not copied$`));
  assert.deepEqual(read.warnings.slice(1), [
    `${all}:4: no submission_id; not copied`,
    `${all}:5: no submission_id; not copied`,
    `${all}:6: no submission_id; not copied`,
    `${all}:7: no submission_id; not copied`,
    `${ns}:2: no submission_id; not copied`,
  ]);
});

test('readReleasedSubmissions: no submissions.jsonl is null; no submissions_ns.jsonl samples nothing; a folder in its place is an error', async (t) => {
  const release = tempDir(t);
  assert.equal(await readReleasedSubmissions(release, 'books'), null);
  const dir = processedDir(release, 'books');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'submissions.jsonl'), '{"submission_id": "b1"}\n');
  assert.deepEqual(await readReleasedSubmissions(release, 'books'), {
    lines: [{ id: 'b1', text: '{"submission_id": "b1"}' }],
    sampled: new Set(),
    warnings: [],
  });
  mkdirSync(path.join(dir, 'submissions_ns.jsonl'));
  await assert.rejects(readReleasedSubmissions(release, 'books'), { code: 'EISDIR' });
});

test('readIrrelevant: no file is no rows; blank lines skipped; a wrong header or a short row is refused, naming the file', async (t) => {
  const release = tempDir(t);
  const file = irrelevantFile(release);
  assert.deepEqual(await readIrrelevant(file), []);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'subreddit,submission_id,reason\r\rmusicsuggestions,s1,Other\r\r');
  assert.deepEqual(await readIrrelevant(file), [{ subreddit: 'musicsuggestions', submission_id: 's1', reason: 'Other' }]);
  writeFileSync(file, 'subreddit,submission_id\rmusicsuggestions,s1');
  await assert.rejects(readIrrelevant(file), {
    message: `${file}:1: expected the header subreddit,submission_id,reason`,
  });
  writeFileSync(file, '');
  await assert.rejects(readIrrelevant(file), {
    message: `${file}:1: expected the header subreddit,submission_id,reason`,
  });
  writeFileSync(file, 'subreddit,submission_id,reason\rmusicsuggestions,s1');
  await assert.rejects(readIrrelevant(file), (error: Error) => error.message.startsWith(`${file}: `));
});

test('readItemsCsv: no file is no items', async (t) => {
  assert.deepEqual(await readItemsCsv(path.join(tempDir(t), 'items.csv')), []);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
