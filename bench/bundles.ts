// Builds the two bundles the benchmark runs (webview and CLI) into a folder
// of its own, with the options of scripts/build.mjs, so that a concurrent
// `npm run build` (which empties dist/) cannot pull them away mid-run.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { cliBundle, webviewBundle } from '../scripts/build.mjs';
import { REPO_ROOT } from '../test/helpers/dataset';

export interface Bundles {
  webview: string;
  cli: string;
}

export async function buildBundles(outdir: string): Promise<Bundles> {
  const here = { logLevel: 'warning', absWorkingDir: REPO_ROOT, outdir } as const;
  await Promise.all([esbuild.build({ ...webviewBundle, ...here }), esbuild.build({ ...cliBundle, ...here })]);
  return { webview: path.join(outdir, 'webview.js'), cli: path.join(outdir, 'cli.js') };
}
