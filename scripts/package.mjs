// `npm run package`: production build (minified, no test bundle) and a .vsix.
// The bundles are self-contained, so node_modules stays out (--no-dependencies).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const out = join(repoRoot, `${name}-${version}.vsix`);

function runOrExit(args) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

runOrExit(['scripts/build.mjs', '--production']);
runOrExit([
  'node_modules/@vscode/vsce/vsce',
  'package',
  '--no-dependencies',
  // README images stay relative: the packaged README is read inside VS Code.
  '--no-rewrite-relative-links',
  '--out',
  out,
]);
const kilobytes = Math.round(statSync(out).size / 1024);
console.log(`packaged ${out} (${kilobytes} KB)`);
