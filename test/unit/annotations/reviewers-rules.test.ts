// The reviewers file's rules: no file means anyone may adjudicate; a file is strict JSON, may start with a BOM,
// and every name in it must make a log file stem. Each refusal names the file and line.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readReviewers, REVIEWERS_FILE } from '../../../src/core/annotations/reviewers';
import { makeTempDir } from './temp';

function setup(t: { after: (fn: () => void) => void }): { shard: string; file: string } {
  const dir = makeTempDir(t, 'imagery-reviewers-');
  return { shard: path.join(dir, 'music-001.shard.jsonl'), file: path.join(dir, REVIEWERS_FILE) };
}

test('no reviewers file: the result says where it would be, and stems is null (anyone may adjudicate)', async (t) => {
  const { shard, file } = setup(t);
  assert.deepEqual(await readReviewers(shard), { file, stems: null });
});

test('a reviewers path that cannot be read for another reason than absence is an error, not "no file"', async (t) => {
  const { shard, file } = setup(t);
  // A folder where the file should be: EISDIR, which must not open adjudication to everyone.
  mkdirSync(file);
  await assert.rejects(readReviewers(shard), { code: 'EISDIR' });
});

test('a leading byte order mark is dropped, so a file saved "with BOM" still reads', async (t) => {
  const { shard, file } = setup(t);
  writeFileSync(file, '\uFEFF{"reviewers": ["Rita"]}');
  assert.deepEqual([...((await readReviewers(shard)).stems ?? [])], ['rita']);
});

test('only a leading byte order mark is dropped: one further on is not JSON', async (t) => {
  const { shard, file } = setup(t);
  writeFileSync(file, '{\n\uFEFF"reviewers": ["Rita"]}');
  await assert.rejects(readReviewers(shard), {
    message: `${file}:2: not JSON (InvalidSymbol); expected {"reviewers": ["name", ...]}`,
  });
});

test('comments are refused: the file is JSON, not JSON with comments', async (t) => {
  const { shard, file } = setup(t);
  writeFileSync(file, '{\n  // the team\n  "reviewers": ["Rita"]\n}');
  await assert.rejects(readReviewers(shard), {
    message: `${file}:2: not JSON (InvalidCommentToken); expected {"reviewers": ["name", ...]}`,
  });
});

test('a file of the wrong shape says what is wrong with it (the schema message), not just "invalid"', async (t) => {
  const { shard, file } = setup(t);
  writeFileSync(file, '{"reviewers": ["Rita"], "reviwers": ["Ben"]}');
  await assert.rejects(readReviewers(shard), {
    message: `${file}:1: expected {"reviewers": ["name", ...]}: Unrecognized key: "reviwers"`,
  });
});

test('a reviewer name with no letter or digit is refused by name, as it can own no log file', async (t) => {
  const { shard, file } = setup(t);
  writeFileSync(file, '{"reviewers": ["Rita", "..."]}');
  await assert.rejects(readReviewers(shard), { message: `${file}:1: reviewer "..." has no letter or digit` });
});
