// The module graph of our own sources (relative imports, type-only ones too:
// a circle of types still ties two layers together) and the circles in it.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** file -> the files it imports, all absolute paths. */
export type ImportGraph = Map<string, string[]>;

const EXTENSIONS = ['.ts', '.mts', '/index.ts'];

/** The file a relative specifier names, or undefined for a package or a missing file. */
export function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\.(m?js)$/, ''));
  if (existsSync(base) && statSync(base).isFile()) return base;
  return EXTENSIONS.map((ending) => base + ending).find((candidate) => existsSync(candidate));
}

/** The graph of `files`, read with TypeScript's own import scanner (comments and strings cannot fool it). */
export function importGraph(files: readonly string[], read: (file: string) => string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const imported = ts.preProcessFile(read(file), true, true).importedFiles;
    const targets = imported.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every circle: each strongly connected group of two or more files (or a file importing itself), sorted. */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so a deep chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { file: string; edge: number }[] = [{ file: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.file) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.file);
      const selfImport = (graph.get(frame.file) ?? []).includes(frame.file);
      if (group.length > 1 || selfImport) cycles.push(group.sort());
    }
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
