// Starts and stops a private code-server (the real VS Code workbench and
// extension host) on 127.0.0.1, and the headless Chromium that drives it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureVsCode } from './install.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../system-packages.mjs';

/** User settings every run starts from; a test passes `settings` to override or add. */
export const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The extension's walkthrough would open in every fresh profile; its own test turns this back on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * Machine-scoped settings: in a remote window (code-server is one) VS Code ignores them in the
 * user settings and reads them from the server's settings (user-data/Machine/settings.json).
 */
const MACHINE_SCOPED = [
  'workbench.welcomePage.walkthroughs.openOnInstall',
  // Ours: where a person puts them in a remote window (the README says so).
  'imageryAnnotator.modelProfiles',
  'imageryAnnotator.models.allowRemoteImages',
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

/** Throws with the server's log tail when /healthz does not answer in time or the server dies. */
async function waitForHealth(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`code-server did not become healthy at ${url} (exit ${child.exitCode}); log ${logFile}:\n${tail}`);
}

function serverArgs(dirs, workspaceTrust = false) {
  return [
    '--config',
    '/dev/null',
    '--auth',
    'none',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
}

/**
 * Starts code-server in its own process group with a private HOME/TMPDIR.
 * `extensions`: extension folders (unpackaged) installed beside ours, e.g. a test fixture.
 * `workspaceTrust`: ask whether the workspace is trusted, as VS Code does (off by default: every workspace is trusted).
 * `dataRoot`: a folder of an earlier run (its `root`) to start again with the same user data and
 * extensions, as a second start of the same install; the caller owns it (stop() leaves it).
 * `keepData`: stop() leaves `root` for such a second start; the caller removes it.
 * @param {{ workspace?: string, settings?: Record<string, unknown>, vsix?: string, port?: number, extensions?: string[], workspaceTrust?: boolean, dataRoot?: string, keepData?: boolean }} options
 */
export async function startCodeServer({
  workspace,
  settings = {},
  vsix,
  port: wantedPort,
  extensions = [],
  workspaceTrust = false,
  dataRoot,
  keepData = dataRoot !== undefined,
} = {}) {
  const { nodeBin, codeServerEntry, env } = ensureVsCode();
  const root = dataRoot ?? mkdtempSync(join(tmpdir(), 'imagery-code-server-'));
  const dirs = {
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  const allSettings = { ...DEFAULT_SETTINGS, ...settings };
  const machineSettings = Object.fromEntries(Object.entries(allSettings).filter(([key]) => MACHINE_SCOPED.includes(key)));
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(allSettings, null, 2));
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(machineSettings, null, 2));
  // IMAGERY_USER_DATA_DIR: the integration suite reads the settings files a command wrote (User/ and Machine/).
  const serverEnv = { ...env, HOME: dirs.home, TMPDIR: dirs.tmp, IMAGERY_USER_DATA_DIR: dirs.userData };
  if (vsix) installExtension(nodeBin, codeServerEntry, dirs, serverEnv, vsix);
  for (const folder of extensions) cpSync(folder, join(dirs.extensions, basename(folder)), { recursive: true });

  const port = wantedPort ?? (await freePort());
  const logFile = join(root, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    ...serverArgs(dirs, workspaceTrust),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--reconnection-grace-time',
    '5',
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  if (workspace) args.push(workspace);
  // detached = setsid: extension hosts join the group, so one kill stops them all.
  const child = spawn(nodeBin, args, { env: serverEnv, detached: true, stdio: ['ignore', log, log] });
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killGroup);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, logFile, 60_000);
  } catch (error) {
    killGroup();
    throw error;
  }
  return {
    url,
    port,
    root,
    logFile,
    workspace,
    userDataDir: dirs.userData,
    async stop() {
      process.off('exit', killGroup);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const exited =
        child.exitCode !== null ||
        (await Promise.race([new Promise((done) => child.once('exit', () => done(true))), sleep(5000).then(() => false)]));
      if (!exited) killGroup();
      await sleep(200);
      killGroup(); // stragglers (extension hosts) that ignored SIGTERM
      if (!keepData) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function installExtension(nodeBin, codeServerEntry, dirs, env, vsix) {
  const result = spawnSync(nodeBin, [codeServerEntry, ...serverArgs(dirs), '--install-extension', vsix], {
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * The workbench address: `folder` opens a workspace; `payload` entries (smoke-test
 * driver only) load an extension from source and/or run its tests.
 * @param {string} baseUrl
 * @param {{ folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl(baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://remote${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${extensionTestsPath}`]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${query}`;
}

/** Headless Debian Chromium (never a downloaded browser). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
