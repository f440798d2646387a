// Splits imported records into numbered shards, <domain>-NNN.shard.jsonl, each
// written atomically; all are staged as temp files before any is put in place,
// so a cancelled or failed import changes no shard. Existing shards of the
// domain are only replaced on request, since annotators' logs sit beside them.
import { readdirSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { SHARD_EXTENSION, type Domain, type ShardRecord } from '../shard/schema';
import { stageShard, type StagedShard } from '../shard/writer';
import type { ImportProgressFn } from './import-progress';
import { ReleaseImportError } from './import';

export const DEFAULT_SHARD_SIZE = 100;

export function shardFileName(domain: Domain, index: number): string {
  return `${domain}-${String(index + 1).padStart(3, '0')}${SHARD_EXTENSION}`;
}

/** Names of the numbered shards of `domain` already in `outDir`. */
export function existingShards(outDir: string, domain: Domain): string[] {
  const pattern = new RegExp(`^${domain}-\\d{3,}\\${SHARD_EXTENSION}$`);
  try {
    return readdirSync(outDir)
      .filter((name) => pattern.test(name))
      .sort();
  } catch {
    return [];
  }
}

export interface ShardWriteOptions {
  shardSize?: number;
  /** Replace shards of this domain already in outDir (and remove numbered ones left over). */
  overwrite?: boolean;
  progress?: ImportProgressFn;
  /** Stops before the shards are put in place: the temp files go and the folder is as it was. */
  signal?: AbortSignal;
}

/** Shards of one domain written beside their targets, none in place yet. */
export interface StagedImport {
  domain: Domain;
  shards: StagedShard[];
  /** Puts every shard in place, removes numbered shards of the domain left over; returns the paths in order. */
  commit(): Promise<string[]>;
  discard(): Promise<void>;
}

/** Writes every shard of `domain` to a temp file; a failure or abort leaves no temp file and no shard changed. */
export async function stageImportShards(
  records: readonly ShardRecord[],
  outDir: string,
  domain: Domain,
  options: ShardWriteOptions = {},
): Promise<StagedImport> {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!Number.isInteger(shardSize) || shardSize < 1)
    throw new RangeError(`shard size must be a positive integer, got ${shardSize}`);
  const before = existingShards(outDir, domain);
  if (before.length > 0 && !options.overwrite) {
    throw new ReleaseImportError(
      path.join(outDir, before[0]),
      `${domain} shards already exist here (use --force to replace them)`,
    );
  }
  await mkdir(outDir, { recursive: true });
  const shards: StagedShard[] = [];
  const discard = async (): Promise<void> => {
    for (const shard of shards) await shard.discard();
  };
  const total = Math.ceil(records.length / shardSize);
  try {
    for (let start = 0, index = 0; start < records.length; start += shardSize, index++) {
      const file = path.join(outDir, shardFileName(domain, index));
      shards.push(await stageShard(file, records.slice(start, start + shardSize), options.signal));
      const count = Math.min(shardSize, records.length - start);
      options.progress?.(`wrote ${path.basename(file)} (${count} requests)`, { domain, phase: 'write', done: index + 1, total });
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    domain,
    shards,
    discard,
    commit: async () => {
      for (const shard of shards) await shard.commit();
      const kept = new Set(shards.map((shard) => path.basename(shard.file)));
      for (const name of before) if (!kept.has(name)) await unlink(path.join(outDir, name));
      return shards.map((shard) => shard.file);
    },
  };
}

/** Writes the shards and returns their paths, in order. */
export async function writeImportShards(
  records: readonly ShardRecord[],
  outDir: string,
  domain: Domain,
  options: ShardWriteOptions = {},
): Promise<string[]> {
  return (await stageImportShards(records, outDir, domain, options)).commit();
}
