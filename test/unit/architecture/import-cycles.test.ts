// No import circles in src/ or webview/: a circle ties layers together (the
// lowest would depend on the app), and a runtime one can hand a module a
// half-initialised import. Type-only imports count too.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importCycles, importGraph } from './import-graph';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function cyclesIn(dirs: readonly string[]): string[][] {
  const graph = importGraph(
    dirs.flatMap((dir) => typeScriptFiles(dir)),
    (file) => readFileSync(file, 'utf8'),
  );
  return importCycles(graph);
}

/** The circles of a throwaway source tree (file name -> text), as paths inside it. */
function plantedCycles(files: Record<string, string>): string[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return cyclesIn([dir]).map((cycle) => cycle.map((file) => path.relative(dir, file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('src/ and webview/ hold no import circle', () => {
  const cycles = cyclesIn([path.join(ROOT, 'src'), path.join(ROOT, 'webview')]).map((cycle) =>
    cycle.map((file) => path.relative(ROOT, file)).join(' <-> '),
  );
  assert.deepEqual(cycles, [], `import circles:\n${cycles.join('\n')}`);
});

test('a planted circle is found, through a type-only import and an index file', () => {
  const found = plantedCycles({
    'ui/emit.ts': "import type { Action } from '../app/row';\nexport const emit = (a: Action) => a;\n",
    'ui/index.ts': "export { emit } from './emit';\n",
    'app/row.ts': "import { emit } from '../ui';\nexport type Action = 'a';\nemit('a');\n",
    'app/main.ts': "import './row.js';\n",
  });
  assert.deepEqual(found, [['app/row.ts', 'ui/emit.ts', 'ui/index.ts']]);
});

test('a file importing itself is a circle; a chain and packages are not', () => {
  const found = plantedCycles({
    'self.ts': "import { x } from './self';\nexport const y = x;\n",
    'a.ts': "import { b } from './b';\nimport { html } from 'lit';\nexport const a = b;\n",
    'b.ts': "// import { a } from './a';\nexport const b = `import './a'`;\n",
  });
  assert.deepEqual(found, [['self.ts']]);
});
