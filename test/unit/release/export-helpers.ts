// Shared by the export tests: a release imported into shards in a temp folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDomain } from '../../../src/core/release/import';
import { writeImportShards } from '../../../src/core/release/import-shards';
import type { Domain } from '../../../src/core/shard/schema';

export const SYNTHETIC_RELEASE = path.resolve(__dirname, '..', '..', 'fixtures', 'export-release');

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imagery-export-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Every request of the release (also those outside the benchmark, unless `includeUnsampled` is false, the
 * CLI's default) as shards of `shardSize`, in release order.
 */
export async function importToShards(
  releaseDir: string,
  shardDir: string,
  domains: Domain[],
  shardSize = 3,
  includeUnsampled = true,
): Promise<string[]> {
  const shards: string[] = [];
  for (const domain of domains) {
    const { records } = await importDomain(releaseDir, domain, { includeUnsampled, images: { shardDir } });
    shards.push(...(await writeImportShards(records, shardDir, domain, { shardSize })));
  }
  return shards;
}

export function releaseFile(dir: string, ...parts: string[]): string {
  return path.join(dir, 'data', ...parts);
}

export function readBytes(dir: string, ...parts: string[]): Buffer {
  return readFileSync(releaseFile(dir, ...parts));
}

export function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
