// Writes a shard atomically: records stream into a temp file in the target's
// folder, which is fsynced and then renamed over the target. A crash or a
// failing record source leaves either the old file or the new one, never half.
import { randomBytes } from '../node-crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ShardRecord } from './schema';
import { describeZodError } from './zod-reason';

/** Bytes gathered before one write call; keeps syscalls few on large shards. */
const FLUSH_BYTES = 1 << 20;

/** One JSONL line with `schema_version` and `id` first, so readers can sniff ids. */
export function serializeRecord(record: ShardRecord): string {
  const { schema_version, id, ...rest } = record;
  return JSON.stringify({ schema_version, id, ...rest });
}

function tempPathFor(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** A shard written to a temp file beside its target, not yet in place. */
export interface StagedShard {
  file: string;
  count: number;
  /** Renames the temp file over the target (atomic) and makes the rename durable. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is left as it was. */
  discard(): Promise<void>;
}

/**
 * Validates and writes `records` to a temp file beside `file`, fsynced, and
 * leaves the target untouched until `commit()`. Throws, leaving no temp file,
 * if a record is invalid, the source throws or `signal` aborts.
 */
export async function stageShard(
  file: string,
  records: AsyncIterable<ShardRecord> | Iterable<ShardRecord>,
  signal?: AbortSignal,
): Promise<StagedShard> {
  signal?.throwIfAborted();
  const temp = tempPathFor(file);
  const handle = await open(temp, 'wx');
  let count = 0;
  try {
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      await handle.writeFile(pending.join(''), 'utf8');
      pending = [];
      pendingBytes = 0;
    };
    for await (const record of records) {
      const checked = ShardRecord.safeParse(record);
      if (!checked.success) {
        throw new Error(`${file}: record ${count + 1} is not a valid shard record: ${describeZodError(checked.error)}`);
      }
      const line = serializeRecord(checked.data) + '\n';
      pending.push(line);
      pendingBytes += line.length;
      count += 1;
      if (pendingBytes >= FLUSH_BYTES) {
        signal?.throwIfAborted();
        await flush();
      }
    }
    await flush();
    await handle.sync();
    await handle.close();
    signal?.throwIfAborted();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return {
    file,
    count,
    commit: async () => {
      await rename(temp, file).catch(async (error: unknown) => {
        await unlink(temp).catch(() => undefined);
        throw error;
      });
      await syncFolder(path.dirname(file));
    },
    discard: () => unlink(temp).catch(() => undefined),
  };
}

/**
 * Validates and writes `records` to `file` (one per line). Throws, leaving no
 * target and no temp file behind, if a record is invalid or the source throws.
 * Returns the number of records written.
 */
export async function writeShard(file: string, records: AsyncIterable<ShardRecord> | Iterable<ShardRecord>): Promise<number> {
  const staged = await stageShard(file, records);
  await staged.commit();
  return staged.count;
}

/** Makes the rename itself durable; not every platform allows opening a folder. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort (e.g. Windows)
  }
}
