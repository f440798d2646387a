// `npm run typecheck`: every TypeScript project of the tree, each with its own
// tsconfig (Node, webview DOM, webview tests, benchmark). `npm test` runs the
// same list, imported from here, so neither can skip a project the other checks.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const TYPECHECK_PROJECTS = [
  { name: 'extension', project: '.' },
  { name: 'webview', project: 'webview' },
  { name: 'webview tests', project: 'test/webview' },
  { name: 'benchmark', project: 'bench' },
];

export const TSC = 'node_modules/typescript/bin/tsc';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let failed = false;
  for (const { project } of TYPECHECK_PROJECTS) {
    const result = spawnSync(process.execPath, [TSC, '--noEmit', '-p', project], { stdio: 'inherit' });
    if (result.status !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}
