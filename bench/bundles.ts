// Builds the two bundles the benchmark runs (webview and CLI) into a folder
// of its own, with the options of scripts/build.mjs, so that a concurrent
// `npm run build` (which empties dist/) cannot pull them away mid-run.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { REPO_ROOT } from '../test/helpers/dataset';

export interface Bundles {
  webview: string;
  cli: string;
}

export async function buildBundles(outdir: string): Promise<Bundles> {
  const common = { bundle: true, sourcemap: true, target: 'es2022', logLevel: 'warning', absWorkingDir: REPO_ROOT, outdir } as const;
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { webview: 'webview/main.ts' }, platform: 'browser', format: 'esm', loader: { '.css': 'text' } }),
    esbuild.build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, platform: 'node', format: 'cjs' }),
  ]);
  return { webview: path.join(outdir, 'webview.js'), cli: path.join(outdir, 'cli.js') };
}
