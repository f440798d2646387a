// `npm run bench [-- --check]`: runs the benchmark (bench/main.ts) through tsx.
// It builds its own webview and CLI bundles in a temp folder, so it needs no
// `npm run build` and leaves dist/ alone.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './system-packages.mjs';

ensureDebianPackages(['chromium']);

const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
