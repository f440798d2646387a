// The same integration suite as test-vscode.mjs, under desktop VS Code via
// @vscode/test-electron: for desktops with network. It downloads VS Code
// 1.139.1 only when asked (`-- --download`), or uses VSCODE_EXECUTABLE_PATH.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const VSCODE_VERSION = '1.139.1';
const repoRoot = resolve(import.meta.dirname, '..', '..');
const extensionTestsPath = join(repoRoot, 'dist', 'test', 'vscode', 'index.js');
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
const mayDownload = process.argv.includes('--download');

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(extensionTestsPath)) fail(`missing ${extensionTestsPath}: run \`npm run build\` first`);
if (vscodeExecutablePath && !existsSync(vscodeExecutablePath))
  fail(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
if (!vscodeExecutablePath && !mayDownload) {
  fail(
    [
      `test-electron needs desktop VS Code ${VSCODE_VERSION}, and none is configured.`,
      '  - with network: `npm run test:electron -- --download` (downloads it into .vscode-test/)',
      '  - or: VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:electron',
      'Machines without network (CI here) run the same suite in code-server: `npm run test:vscode`.',
    ].join('\n'),
  );
}

const workspace = mkdtempSync(join(tmpdir(), 'imagery-workspace-'));
const userDataDir = mkdtempSync(join(tmpdir(), 'imagery-user-data-'));
cpSync(join(repoRoot, 'sample'), workspace, { recursive: true });
try {
  await runTests({
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: VSCODE_VERSION }),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', `--user-data-dir=${userDataDir}`],
  });
} catch (error) {
  console.error(`integration suite under desktop VS Code failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
}
