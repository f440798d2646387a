// Finds the module specifiers a source file imports, with their lines.

export interface LayerRule {
  folder: string;
  forbid: RegExp[];
  why: string;
}

export interface ImportHit {
  line: number;
  specifier: string;
}

// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

export function importViolations(text: string, forbid: readonly RegExp[]): ImportHit[] {
  const hits: ImportHit[] = [];
  text.split('\n').forEach((source, index) => {
    if (/^\s*(\/\/|\*)/.test(source)) return;
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[2];
      if (forbid.some((pattern) => pattern.test(specifier))) hits.push({ line: index + 1, specifier });
    }
  });
  return hits;
}
