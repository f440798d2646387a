// Lists test files below a folder (Node 20 has no fs.glob).
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function findTests(dir, suffix = '.test.ts') {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) found.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return found.sort();
}
