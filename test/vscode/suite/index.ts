// Entry of the integration suite, run inside the real extension host by
// code-server (scripts/vscode/test-vscode.mjs) or @vscode/test-electron.
// esbuild bundles this file, so the suite files come from a build-time list.
import type MochaType from 'mocha';
import { loadSuites } from 'imagery:vscode-suites';

// mocha 12 is an ES module: require() hands back its namespace (Node >= 20.19).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an ES module loaded synchronously inside the bundle
const mochaModule = require('mocha');
const Mocha: typeof MochaType = mochaModule.default ?? mochaModule;

export function run(): Promise<void> {
  // IMAGERY_SUITE_GREP (in code-server's environment) runs only the matching tests.
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: 'spec',
    grep: process.env.IMAGERY_SUITE_GREP || undefined,
  });
  // Both styles work: describe/it and suite/test.
  Mocha.interfaces.tdd(mocha.suite);
  mocha.suite.emit('pre-require', globalThis, 'imagery-vscode-suite', mocha);
  loadSuites();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
