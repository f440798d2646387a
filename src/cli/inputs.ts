// Turns command-line inputs into records: a release folder is imported in
// memory (nothing written), shard files are read, and a folder of shards
// stands for every *.shard.jsonl below it.
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { importDomain } from '../core/release/import';
import type { UnreadableLine } from '../core/release/import-jsonl';
import { isReleaseDir, releaseDomains } from '../core/release/layout';
import { ShardReader } from '../core/shard/reader';
import { SHARD_EXTENSION, type ShardRecord } from '../core/shard/schema';
import { CliError } from './cli-error';

export interface LoadedRecords {
  records: ShardRecord[];
  /** Lines that could not be used; the rest was loaded. */
  unreadable: UnreadableLine[];
}

/** Shard files below a folder (annotation folders hold no shards), sorted. */
function shardsBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(SHARD_EXTENSION))
    .map((name) => path.join(dir, name))
    .sort();
}

function statOrThrow(input: string): Stats {
  try {
    return statSync(input);
  } catch {
    throw new CliError('no such file or folder', input);
  }
}

/** Expands inputs to shard files; release folders are returned apart. */
export function resolveInputs(inputs: readonly string[]): { releases: string[]; shards: string[] } {
  const releases: string[] = [];
  const shards: string[] = [];
  for (const input of inputs) {
    if (statOrThrow(input).isDirectory()) {
      if (isReleaseDir(input)) releases.push(input);
      else {
        const found = shardsBelow(input);
        if (found.length === 0)
          throw new CliError(
            `neither a release folder (no data/processed) nor a folder holding *${SHARD_EXTENSION} files`,
            input,
          );
        shards.push(...found);
      }
    } else shards.push(input);
  }
  return { releases, shards };
}

export async function loadRecords(inputs: readonly string[], progress: (message: string) => void): Promise<LoadedRecords> {
  const { releases, shards } = resolveInputs(inputs);
  const records: ShardRecord[] = [];
  const unreadable: UnreadableLine[] = [];
  for (const release of releases) {
    for (const domain of releaseDomains(release)) {
      const imported = await importDomain(release, domain, { progress });
      records.push(...imported.records);
      unreadable.push(...imported.summary.unreadable);
    }
  }
  for (const file of shards) {
    const reader = await ShardReader.open(file);
    try {
      for await (const entry of reader.entries()) {
        if (entry.kind === 'record') records.push(entry.record);
        else unreadable.push({ file: entry.file, line: entry.line, reason: entry.reason });
      }
    } finally {
      await reader.close();
    }
    progress(`read ${file} (${reader.size} lines)`);
  }
  return { records, unreadable };
}
