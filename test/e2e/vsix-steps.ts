// Steps of the end-to-end tests on the packaged extension: building the .vsix
// (and the development build back afterwards), and reading what the installed
// copy wrote to its "Imagery Annotator" log on the server's disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { until } from './editor-steps';
import { UI_TIMEOUT } from './first-run-steps';
import { REPO_ROOT } from './workbench';

const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
export const VSIX = path.join(REPO_ROOT, `${name}-${version}.vsix`);

function node(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `node ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** `npm run package` without npm: a production build and the .vsix. */
export function packageVsix(): void {
  node(['scripts/package.mjs']);
}

/** Packaging left a production build in dist/: put the development build back for the other tests. */
export function restoreDevelopmentBuild(): void {
  node(['scripts/build.mjs']);
}

/** The text of every "Imagery Annotator" log the extension host wrote under `dataRoot` (one per start). */
function extensionLogs(dataRoot: string): string[] {
  if (!existsSync(dataRoot)) return [];
  return readdirSync(dataRoot, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('Imagery Annotator.log'))
    .map((entry) => readFileSync(path.join(dataRoot, entry), 'utf8'));
}

/** Waits until the installed extension has logged `line` (how the tests know a start has decided something). */
export async function waitForLogged(dataRoot: string, line: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof line === 'string' ? text.includes(line) : line.test(text));
  await until(`the extension to log ${line}`, () => extensionLogs(dataRoot).some(matches), UI_TIMEOUT);
}

/** How many starts logged `line`. */
export function timesLogged(dataRoot: string, line: string): number {
  return extensionLogs(dataRoot).filter((text) => text.includes(line)).length;
}
