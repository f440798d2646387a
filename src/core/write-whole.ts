// Small files written whole or not at all (write-file-atomic: a temporary file
// beside, fsync, rename), their folder made first. The library is loaded on
// the first write: it hooks process signals when loaded, which the extension's
// activation need not pay.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileWhole(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, text);
}
