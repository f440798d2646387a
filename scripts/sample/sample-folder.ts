// The sample folder (release/ and the shards the real importer makes of it),
// written by `npm run sample` into the repo and by the extension's "Open the
// Sample" into its global storage: one generator, the same bytes.
import path from 'node:path';
import { importRelease, type ImportResult } from '../../src/core/release/import-release';
import { NameGenerator } from './names';
import { writeRelease, type ReleaseCounts } from './release';

export const SAMPLE_SEED = 20240601;
export const SAMPLE_SHARD_SIZE = 4;

export interface SampleFolder {
  counts: ReleaseCounts;
  results: ImportResult[];
}

/** Writes `<dir>/release` and `<dir>/shards` (replacing shards there; annotation logs stay). */
export async function writeSampleFolder(dir: string): Promise<SampleFolder> {
  const releaseDir = path.join(dir, 'release');
  const counts = writeRelease(releaseDir, new NameGenerator(SAMPLE_SEED));
  // Every request, also those without items or curated out, so the editor shows them all.
  const results = await importRelease(releaseDir, {
    domains: ['books', 'music'],
    outDir: path.join(dir, 'shards'),
    shardSize: SAMPLE_SHARD_SIZE,
    includeUnsampled: true,
    overwrite: true,
  });
  const unreadable = results.flatMap((result) => result.unreadable);
  if (unreadable.length > 0) {
    throw new Error(`the importer rejected sample lines: ${unreadable.map((p) => `${p.file}:${p.line} ${p.reason}`).join('; ')}`);
  }
  return { counts, results };
}
