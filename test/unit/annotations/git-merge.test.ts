// Two annotators on two git branches: each appends to their own log file, so
// the merge is conflict-free and replay sees both.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replay } from '../../../src/core/annotations/replay';
import { makeTempDir } from './temp';

const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('two annotators on two branches merge without conflict', { skip: hasGit ? false : 'git not installed' }, async (t) => {
  const repo = makeTempDir(t, 'imagery-git-');
  // Isolated from the user's git config; a merge conflict makes execFileSync throw.
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.invalid');
  const shard = path.join(repo, 'books-001.shard.jsonl');
  writeFileSync(shard, '{"synthetic": true}\n');
  const base = AnnotationLog.open(shard, 'ana');
  await base.append({ type: 'note', request: 'r1', text: 'before branching' });
  git('add', '-A');
  git('commit', '-q', '-m', 'shard');

  git('checkout', '-q', '-b', 'bea-work');
  await AnnotationLog.open(shard, 'bea').append({ type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Image is text' });
  git('add', '-A');
  git('commit', '-q', '-m', 'bea');

  git('checkout', '-q', 'main');
  await AnnotationLog.open(shard, 'ana').append({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' });
  git('add', '-A');
  git('commit', '-q', '-m', 'ana');

  git('merge', '-q', '--no-edit', 'bea-work');
  assert.equal(git('status', '--porcelain'), '');
  const { events, warnings } = await AnnotationLog.readAll(shard);
  assert.deepEqual(warnings, []);
  const state = replay(events);
  assert.deepEqual(state.get('r1')?.comments.c1, { status: 'confirmed' });
  assert.equal(state.get('r1')?.notes[0]?.text, 'before branching');
  assert.deepEqual(state.get('r2')?.validity, { status: 'invalid', reason: 'Image is text' });
});
