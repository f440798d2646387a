// The two Debian packages the project needs beyond npm: chromium (the browser
// of the webview, end-to-end and benchmark runs) and libkrb5-dev (headers for
// code-server's native kerberos module). Missing ones are installed with
// apt-get when we are root on Debian (CI, these machines); anywhere else the
// error says what to install. `.ci/run` and the scripts that need them call this.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How every run here starts it: headless, and making no connection of its own (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const PRESENT = {
  chromium: () => existsSync(CHROMIUM),
  'libkrb5-dev': () => spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0,
};

let aptUpdated = false;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Makes sure the named packages are there, installing the missing ones when it may. */
export function ensureDebianPackages(names) {
  const missing = names.filter((name) => !PRESENT[name]());
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}. Install them first: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  if (!aptUpdated) run('apt-get', ['update']);
  aptUpdated = true;
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureDebianPackages(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
