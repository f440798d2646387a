// Layer 1: unit tests of the core, CLI and host logic (node:test, TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { findTests } from './find-tests.mjs';

// The benchmark's own report logic is unit-tested too.
const files = [...findTests('test/unit'), ...findTests('bench')];
if (files.length === 0) {
  console.error('no unit tests found under test/unit');
  process.exit(1);
}
const reporter = process.env.TEST_REPORTER ?? 'spec';
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, ...files], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
