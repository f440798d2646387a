// The real entry point as a child process: exit codes, stdout/stderr split, no stack traces.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../../helpers/dataset';
import { makeRelease } from '../../fixtures/release-maker';

const release = makeRelease();
const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-cli-process-'));
after(() => {
  release.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function imagery(...argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...argv], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, IMAGERY_DEBUG: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('imagery (child process)', () => {
  test('import --json: exit 0, exactly one JSON object on stdout, progress on stderr', () => {
    const result = imagery('import', release.dir, '--domain', 'music', '--out', path.join(work, 'shards'), '--json');
    assert.equal(result.status, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as { imports: { domain: string; requests: number }[] };
    assert.deepEqual(
      parsed.imports.map((entry) => [entry.domain, entry.requests]),
      [['music', 3]],
    );
    assert.match(result.stderr, /music: 3 requests from submissions_ns\.jsonl/);
  });

  test('bad input: one "imagery: <file>: <what>" line, exit 1, no stack trace', () => {
    const missing = path.join(work, 'no-such-release');
    const result = imagery('eval', missing);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `imagery: ${missing}: no such file or folder\n`);
  });

  test('a bad flag is a usage error with exit 2', () => {
    const result = imagery('stats', release.dir, '--frobnicate');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `imagery: stats: Unknown option '--frobnicate'. (see "imagery help")\n`);
  });
});
