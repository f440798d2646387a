// Runs the webview tests (test/webview/*.test.ts) in a real headless Chromium.
// Bundles the webview first with scripts/build.mjs's own options, but only
// that bundle: the UI tests should not depend on the host compiling.
// `--no-build` reuses dist/webview.js; other arguments go to `node --test`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { reportBundle, webviewBundle } from './build.mjs';
import { ensureDebianPackages } from './system-packages.mjs';

ensureDebianPackages(['chromium']);
const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  await esbuild.build({ ...webviewBundle, logLevel: 'warning' });
  await esbuild.build({ ...reportBundle, logLevel: 'warning' });
}
const passThrough = args.filter((arg) => arg !== '--no-build');
const files = passThrough.some((arg) => arg.endsWith('.ts'))
  ? []
  : readdirSync('test/webview')
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => path.join('test/webview', name));
// One file at a time: each launches its own browser and the machine is small.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=120000', ...passThrough, ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
