// One esbuild config, several bundles: extension host, CLI, webview, and the
// VS Code test suite. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { vscodeSuitesPlugin } from './vscode/suite-plugin.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  target: 'es2022',
};

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  {
    ...common,
    entryPoints: { extension: 'src/host/extension.ts' },
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    outdir: 'dist',
  },
  {
    ...common,
    entryPoints: { webview: 'webview/main.ts' },
    platform: 'browser',
    format: 'esm',
    outdir: 'dist',
    loader: { '.css': 'text' },
  },
];

if (!production) {
  // The integration suite runs inside the real extension host (mocha).
  bundles.push({
    ...common,
    entryPoints: { 'test/vscode/index': 'test/vscode/suite/index.ts' },
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    outdir: 'dist',
    plugins: [vscodeSuitesPlugin],
  });
}

rmSync('dist', { recursive: true, force: true });
if (watch) {
  for (const options of bundles) (await esbuild.context(options)).watch();
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
