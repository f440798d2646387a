// One esbuild config, several bundles: extension host, CLI, webview, and the
// VS Code test suite. `--watch` rebuilds on change. Other scripts import the
// bundle options from here (the webview tests build only the webview).
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

/**
 * For the Node bundles: libraries (zod, openai) probe `navigator` to sniff a browser. Node 21+ has one,
 * and VS Code's extension host logs a PendingMigrationError on every read of it, so the probes are
 * compiled out: in Node we are never in a browser.
 */
const noNavigator = { define: { navigator: 'undefined', 'globalThis.navigator': 'undefined' } };

/** The webview bundle (dist/webview.js): the UI tests and the benchmark also build it alone. */
/** @type {esbuild.BuildOptions} */
export const webviewBundle = {
  ...common,
  entryPoints: { webview: 'webview/main.ts' },
  platform: 'browser',
  format: 'esm',
  outdir: 'dist',
  loader: { '.css': 'text' },
};

/** The report view (dist/report.js): a second page, its own bundle; the webview tests build it too. */
/** @type {esbuild.BuildOptions} */
export const reportBundle = { ...webviewBundle, entryPoints: { report: 'webview/report/main.ts' } };

/** The command line (dist/cli.js): the benchmark also builds it alone. */
/** @type {esbuild.BuildOptions} */
export const cliBundle = {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  ...noNavigator,
  platform: 'node',
  format: 'cjs',
  // ES module builds first: jsonc-parser's UMD build loads its parts with a require() esbuild cannot follow.
  mainFields: ['module', 'main'],
  banner: { js: '#!/usr/bin/env node' },
  outdir: 'dist',
};

/** The extension host's bundle (dist/extension.js): the benchmark also builds it alone, to time activation. */
/** @type {esbuild.BuildOptions} */
export const extensionBundle = {
  ...common,
  entryPoints: { extension: 'src/host/extension.ts' },
  ...noNavigator,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  outdir: 'dist',
  // The first line run: activation is timed from here (src/host/activation-time.ts).
  banner: { js: "'use strict'; var __imageryBundleStart = performance.now();" },
};

/**
 * The exported report page with its plots (dist/report-html.js: Observable Plot and linkedom), which the
 * extension loads on the first Export HTML: activation does not pay for them.
 */
/** @type {esbuild.BuildOptions} */
export const reportHtmlBundle = {
  ...common,
  entryPoints: { 'report-html': 'src/core/report/report-html.ts' },
  ...noNavigator,
  platform: 'node',
  format: 'cjs',
  outdir: 'dist',
};

/** @type {esbuild.BuildOptions[]} */
const bundles = [extensionBundle, cliBundle, webviewBundle, reportBundle, reportHtmlBundle];

if (!production) {
  // The integration suite runs inside the real extension host (mocha).
  bundles.push({
    ...common,
    entryPoints: { 'test/vscode/index': 'test/vscode/suite/index.ts' },
    ...noNavigator,
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    outdir: 'dist',
    plugins: [vscodeSuitesPlugin],
  });
}

async function build() {
  rmSync('dist', { recursive: true, force: true });
  if (watch) {
    for (const options of bundles) (await esbuild.context(options)).watch();
  } else {
    await Promise.all(bundles.map((options) => esbuild.build(options)));
  }
}

// Build only when run, not when another script imports the options. No top-level
// await: the TypeScript benchmark loads this file through tsx as CommonJS.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  build().catch(() => {
    // esbuild has printed the errors.
    process.exitCode = 1;
  });
}
