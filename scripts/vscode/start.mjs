// `npm start`: VS Code in the browser with the extension loaded from source
// and sample/ open. Prints the address; Ctrl+C stops everything.
// Desktop equivalent: F5 in VS Code, or `code --extensionDevelopmentPath=$PWD sample`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureVsCode } from './install.mjs';
import { startCodeServer, workbenchUrl } from './code-server.mjs';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const workspace = join(repoRoot, 'sample');
const port = process.env.PORT ? Number(process.env.PORT) : undefined;

ensureVsCode();
if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
// Web default is autosave after 1 s; keep that for interactive use.
const server = await startCodeServer({ workspace, port, settings: { 'files.autoSave': 'afterDelay' } });
console.log(
  `\nImagery Annotator is running (code-server log: ${server.logFile}). Open:\n\n  ${workbenchUrl(server.url, {
    folder: workspace,
    extensionDevelopmentPath: repoRoot,
  })}\n\n` + 'Rebuild with `npm run watch` in another terminal, then reload the page. Ctrl+C stops.',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server...');
    await server.stop();
    process.exit(0);
  });
}
// Keep the event loop alive until a signal arrives.
setInterval(() => {}, 1 << 30);
