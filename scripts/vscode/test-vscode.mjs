// Layer 3: the integration suite (mocha, in the real extension host of
// code-server), then the Playwright end-to-end tests (test/e2e, node:test).
// Exit code 0 only when both pass.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { findTests } from '../find-tests.mjs';
import { ensureDebianPackages } from '../system-packages.mjs';
import { distStaleReason } from './dist-fresh.mjs';
import { ensureVsCode } from './install.mjs';
import { launchBrowser, startCodeServer, workbenchUrl } from './code-server.mjs';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const suiteBundle = join(repoRoot, 'dist', 'test', 'vscode', 'index.js');
const SUITE_TIMEOUT_MS = 5 * 60_000;
const fullLog = join(repoRoot, 'test-results', 'vscode-integration.log');
// Harmless offline chatter of the workbench (kept in fullLog, not echoed):
// marketplace and auth lookups that cannot resolve, connection set-up notes.
const NOISE =
  /ENOTFOUND|EAI_AGAIN|authentication provider 'github'|connection token|Creating a socket|reconnection-grace-time|builtin extensions cache|Service Worker|AgentHost|AccountPolicyGate/;

function buildIfStale() {
  if (existsSync(suiteBundle) && distStaleReason(repoRoot) === undefined) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
}

/** Copies sample/ so the suite may write annotation logs without touching the repo. */
function copySampleWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'imagery-workspace-'));
  cpSync(join(repoRoot, 'sample'), workspace, { recursive: true });
  return workspace;
}

async function runIntegrationSuite() {
  const workspace = copySampleWorkspace();
  const server = await startCodeServer({ workspace });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    let reportExit = (_code) => {};
    const exitCode = new Promise((resolveExit) => {
      reportExit = resolveExit;
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    // The extension host's console arrives here printf-style.
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(fullLog, '');
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      appendFileSync(fullLog, `[${type}] ${line}\n`);
      if (!NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
    });
    await page.goto(
      workbenchUrl(server.url, {
        folder: workspace,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: suiteBundle,
      }),
    );
    const timeout = new Promise((resolveTimeout) =>
      setTimeout(() => {
        console.error(`integration suite gave no result within ${SUITE_TIMEOUT_MS / 1000} s`);
        resolveTimeout(1);
      }, SUITE_TIMEOUT_MS).unref(),
    );
    const code = await Promise.race([exitCode, timeout]);
    console.log(`(full workbench log: ${fullLog})`);
    return code;
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

function runEndToEndTests() {
  const dir = join(repoRoot, 'test', 'e2e');
  const files = existsSync(dir) ? findTests(dir) : [];
  if (files.length === 0) return 0;
  const reporter = process.env.TEST_REPORTER ?? 'spec';
  // One file at a time: each starts its own code-server and the machine is small.
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', `--test-reporter=${reporter}`, ...files],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  return run.status ?? 1;
}

try {
  ensureDebianPackages(['chromium']);
  ensureVsCode();
  buildIfStale();
  console.log('# integration suite (mocha in the VS Code extension host)');
  const suiteCode = await runIntegrationSuite();
  console.log(`# integration suite exit code ${suiteCode}`);
  console.log('# end-to-end tests (Playwright on the workbench)');
  const e2eCode = runEndToEndTests();
  process.exit(suiteCode === 0 && e2eCode === 0 ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}
