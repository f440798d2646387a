// The house rules, checked on every `npm test`: the core, the CLI, the
// webview and the host's pure model never import `vscode`; the webview never
// imports Node; the core never reaches into the host.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { importViolations, type LayerRule } from './layering';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const RULES: LayerRule[] = [
  { folder: 'src/core', forbid: [/^vscode$/, /(^|\/)host(\/|$)/], why: 'the core is used by the CLI and the tests' },
  { folder: 'src/cli', forbid: [/^vscode$/, /(^|\/)host(\/|$)/], why: 'the CLI runs without VS Code or the host' },
  { folder: 'src/host/editor/state', forbid: [/^vscode$/], why: 'the editor model is pure and unit-tested' },
  { folder: 'webview', forbid: [/^vscode$/, /^node:/, /(^|\/)host(\/|$)/], why: 'the webview runs in a browser' },
];

function sourceFiles(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

for (const rule of RULES) {
  test(`${rule.folder} keeps its imports (${rule.why})`, () => {
    const found = sourceFiles(rule.folder).flatMap((file) =>
      importViolations(readFileSync(file, 'utf8'), rule.forbid).map(
        (hit) => `${path.relative(ROOT, file)}:${hit.line}: imports '${hit.specifier}'`,
      ),
    );
    assert.deepEqual(found, [], `forbidden imports in ${rule.folder}:\n${found.join('\n')}`);
  });
}

test('the checker sees every form of import', () => {
  const text = [
    "import * as vscode from 'vscode';",
    "import type { Uri } from 'vscode';",
    "export { x } from 'node:fs';",
    "const v = require('vscode');",
    "const m = await import('../host/editor/panel');",
    "import './side-effect';",
  ].join('\n');
  const hits = importViolations(text, [/^vscode$/, /^node:/, /(^|\/)host(\/|$)/]);
  assert.deepEqual(
    hits.map((hit) => hit.line),
    [1, 2, 3, 4, 5],
  );
});

test('a file name is kebab-case everywhere', () => {
  const offenders = ['src', 'webview', 'test', 'bench', 'scripts']
    .flatMap((folder) => sourceFiles(folder))
    .map((file) => path.relative(ROOT, file))
    .filter((file) => /[a-z][A-Z]/.test(path.basename(file)));
  assert.deepEqual(offenders, []);
});
