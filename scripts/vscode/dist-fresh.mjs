// The real-VS-Code tests load the extension from dist/. Built before the
// sources last changed, it runs old code: a command added since is "not found".
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'webview', 'package.json'];
const BUNDLES = ['extension.js', 'webview.js', 'cli.js'];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Why dist/ cannot be trusted to hold the current sources, or undefined when it can. */
export function distStaleReason(repoRoot) {
  const built = BUNDLES.map((name) => statSync(join(repoRoot, 'dist', name), { throwIfNoEntry: false })?.mtimeMs);
  if (built.some((time) => time === undefined)) return 'dist/ is not built';
  const sources = Math.max(...SOURCES.map((name) => newestChange(join(repoRoot, name))));
  if (sources > Math.min(...built)) return 'dist/ is older than src/, webview/ or package.json';
  return undefined;
}
