// Splits imported records into numbered shards, <domain>-NNN.shard.jsonl, each
// written atomically. Existing shards of the domain are only replaced on request,
// since annotators' logs sit beside them.
import { readdirSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SHARD_EXTENSION, type Domain, type ShardRecord } from '../shard/schema';
import { writeShard } from '../shard/writer';
import { ReleaseImportError } from './import';

export const DEFAULT_SHARD_SIZE = 100;

export function shardFileName(domain: Domain, index: number): string {
  return `${domain}-${String(index + 1).padStart(3, '0')}${SHARD_EXTENSION}`;
}

/** Names of the numbered shards of `domain` already in `outDir`. */
export function existingShards(outDir: string, domain: Domain): string[] {
  const pattern = new RegExp(`^${domain}-\\d{3,}\\${SHARD_EXTENSION}$`);
  try {
    return readdirSync(outDir).filter((name) => pattern.test(name)).sort();
  } catch {
    return [];
  }
}

export interface ShardWriteOptions {
  shardSize?: number;
  /** Replace shards of this domain already in outDir (and remove numbered ones left over). */
  overwrite?: boolean;
  progress?: (message: string) => void;
}

/** Writes the shards and returns their paths, in order. */
export async function writeImportShards(
  records: readonly ShardRecord[],
  outDir: string,
  domain: Domain,
  options: ShardWriteOptions = {},
): Promise<string[]> {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new RangeError(`shard size must be a positive integer, got ${shardSize}`);
  const before = existingShards(outDir, domain);
  if (before.length > 0 && !options.overwrite) {
    throw new ReleaseImportError(path.join(outDir, before[0]), `${domain} shards already exist here (use --force to replace them)`);
  }
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (let start = 0, index = 0; start < records.length; start += shardSize, index++) {
    const file = path.join(outDir, shardFileName(domain, index));
    await writeShard(file, records.slice(start, start + shardSize));
    written.push(file);
    options.progress?.(`wrote ${path.basename(file)} (${Math.min(shardSize, records.length - start)} requests)`);
  }
  const kept = new Set(written.map((file) => path.basename(file)));
  for (const name of before) if (!kept.has(name)) await unlink(path.join(outDir, name));
  return written;
}
