// The release's layout on disk: which domains it has, which comments file, and its run files in order.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { domainFiles, findRunFiles, isReleaseDir, releaseDomains } from '../../../src/core/release/layout';
import { makeTempDir } from '../annotations/temp';

test('the release layout: domains with a processed folder, processed comments preferred, run files found by walking intermediate/', async (t) => {
  const dir = makeTempDir(t, 'imagery-layout-');
  const processed = path.join(dir, 'data', 'processed');
  assert.equal(isReleaseDir(dir), false);
  mkdirSync(path.join(dir, 'data'));
  assert.equal(isReleaseDir(dir), false, 'data/ alone is not a release');
  mkdirSync(path.join(processed, 'music', 'comments'), { recursive: true });
  assert.equal(isReleaseDir(dir), true);
  assert.deepEqual(releaseDomains(dir), ['music']);
  writeFileSync(path.join(processed, 'music', 'comments', 'comments.jsonl'), '');
  const raw = domainFiles(dir, 'music');
  assert.deepEqual([path.basename(raw.comments!), raw.commentsHaveExtraction], ['comments.jsonl', false]);
  writeFileSync(path.join(processed, 'music', 'comments', 'comments_processed.jsonl'), '');
  const both = domainFiles(dir, 'music');
  assert.deepEqual([path.basename(both.comments!), both.commentsHaveExtraction], ['comments_processed.jsonl', true]);
  // Models listed out of order, a file where a folder would be, and a run of the other domain.
  // Sorted as JavaScript sorts (UTF-16 units: an astral letter before U+FF41), not as the file system lists them.
  for (const model of ['zeta', 'alpha', '\uff41', '\u{1d4b6}'])
    for (const input of ['image', 'desc']) {
      mkdirSync(path.join(dir, 'intermediate', model, 'music', input), { recursive: true });
      writeFileSync(path.join(dir, 'intermediate', model, 'music', input, 'rec_title.jsonl'), '');
    }
  writeFileSync(path.join(dir, 'intermediate', 'notes.txt'), '');
  mkdirSync(path.join(dir, 'intermediate', 'alpha', 'books', 'image'), { recursive: true });
  writeFileSync(path.join(dir, 'intermediate', 'alpha', 'books', 'image', 'rec_title.jsonl'), '');
  assert.deepEqual(
    findRunFiles(dir, 'music').map((run) => `${run.model}/${run.input}/${run.task}`),
    [
      'alpha/desc/rec_title',
      'alpha/image/rec_title',
      'zeta/desc/rec_title',
      'zeta/image/rec_title',
      '\u{1d4b6}/desc/rec_title',
      '\u{1d4b6}/image/rec_title',
      '\uff41/desc/rec_title',
      '\uff41/image/rec_title',
    ],
  );
});
