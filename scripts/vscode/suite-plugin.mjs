// esbuild plugin: the virtual module `imagery:vscode-suites` requires every
// test/vscode/suite/*.test.ts lazily, so mocha's globals exist before they run.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const SUITE_DIR = resolve('test/vscode/suite');

/** @type {import('esbuild').Plugin} */
export const vscodeSuitesPlugin = {
  name: 'imagery-vscode-suites',
  setup(build) {
    build.onResolve({ filter: /^imagery:vscode-suites$/ }, (args) => ({ path: args.path, namespace: 'imagery-suites' }));
    build.onLoad({ filter: /.*/, namespace: 'imagery-suites' }, () => {
      // IMAGERY_SUITES=report,views builds only the suite files whose names contain one of the words.
      const only = (process.env.IMAGERY_SUITES ?? '').split(',').filter(Boolean);
      const files = readdirSync(SUITE_DIR)
        .filter((name) => name.endsWith('.test.ts') && (only.length === 0 || only.some((word) => name.includes(word))))
        .sort();
      // require() inside a function: esbuild keeps each file's evaluation lazy.
      const body = files.map((name) => `  require(${JSON.stringify(`./${name}`)});`).join('\n');
      return {
        contents: `export function loadSuites() {\n${body}\n}\n`,
        resolveDir: SUITE_DIR,
        loader: 'js',
        watchDirs: [SUITE_DIR],
      };
    });
  },
};
