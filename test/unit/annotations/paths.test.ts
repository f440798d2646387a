import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveAnnotator } from '../../../src/core/annotations/annotator';
import { annotationLogPath, sanitizeAnnotatorName } from '../../../src/core/annotations/paths';

test('the log sits beside the shard, one file per annotator', () => {
  assert.equal(
    annotationLogPath(path.join('data', 'books-001.shard.jsonl'), 'ana'),
    path.join('data', 'books-001.shard.jsonl.annotations', 'ana.jsonl'),
  );
});

test('annotator names are made safe file names', () => {
  assert.equal(sanitizeAnnotatorName('Ana Lima'), 'ana_lima');
  assert.equal(sanitizeAnnotatorName('../../etc/passwd'), 'etc_passwd');
  assert.equal(sanitizeAnnotatorName('.hidden'), 'hidden');
  assert.equal(sanitizeAnnotatorName('José'), 'josé');
  assert.equal(sanitizeAnnotatorName('Jose\u0301'), 'josé', 'NFC: both spellings share one file');
  assert.equal(sanitizeAnnotatorName('a/b\\c:d'), 'a_b_c_d');
  assert.equal(sanitizeAnnotatorName('NUL'), '_nul');
  assert.equal(sanitizeAnnotatorName('x'.repeat(100)).length, 64);
  assert.throws(() => sanitizeAnnotatorName('../..'), /no letter or digit/);
});

test('the configured annotator wins, else a non-empty fallback', () => {
  assert.equal(resolveAnnotator('  ana  '), 'ana');
  assert.ok(resolveAnnotator('   ').length > 0);
  assert.ok(resolveAnnotator(undefined).length > 0);
});

test("with no configured name the annotator is the OS user's name", (t) => {
  // Reads the real OS user (no faking): where it has none, the rule cannot be seen here.
  let user = '';
  try {
    user = os.userInfo().username.trim();
  } catch {
    // No passwd entry for this uid.
  }
  if (!user) return t.skip('the OS reports no user name');
  assert.equal(resolveAnnotator(undefined), user);
  assert.equal(resolveAnnotator('   '), user, 'a blank configured name counts as none');
});

test('the OS user name is trimmed; a blank one or none at all gives "annotator"', () => {
  assert.equal(
    resolveAnnotator(undefined, () => '  bea \t'),
    'bea',
  );
  assert.equal(
    resolveAnnotator('  ', () => 'bea'),
    'bea',
    'a blank configured name counts as none',
  );
  assert.equal(
    resolveAnnotator('ana', () => 'bea'),
    'ana',
  );
  assert.equal(
    resolveAnnotator(undefined, () => ' \n '),
    'annotator',
  );
  assert.equal(
    resolveAnnotator(undefined, () => ''),
    'annotator',
  );
  const noPasswdEntry = () => {
    throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
  };
  assert.equal(resolveAnnotator(undefined, noPasswdEntry), 'annotator');
});

test('only whole Windows device names get the leading "_"; every leading and trailing "_" or "." goes', () => {
  for (const name of ['con', 'com1', 'lpt9', 'aux', 'prn']) assert.equal(sanitizeAnnotatorName(name.toUpperCase()), `_${name}`);
  for (const name of ['xcon', 'cons', 'comx', 'lptx', 'com12', 'icon1']) assert.equal(sanitizeAnnotatorName(name), name);
  assert.equal(sanitizeAnnotatorName('__ana__'), 'ana');
  assert.equal(sanitizeAnnotatorName('._.ana._.'), 'ana');
});
