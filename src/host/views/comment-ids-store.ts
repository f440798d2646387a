// Comment ids of shard records, kept on disk between windows for the Shards
// view. Without them its first refresh parses every record marked valid in
// every shard (with 50 shards of 800 requests, 13,300 records and 44 MB), which
// is most of its time. An entry counts only while the shard's size, mtime and
// inode are those it was read at. No vscode import.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from '../../core/node-crypto';
import { writeFileWhole } from '../../core/write-whole';

const FORMAT = 1;

/** Request id -> its comment ids ([] for a line that does not read as a record). */
export type CommentIds = ReadonlyMap<string, readonly string[]>;

interface Stored {
  v: number;
  shard: string;
  stamp: string;
  /** [request id, comment ids] pairs: ids are data, so they never become object keys. */
  comments: [string, string[]][];
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function parseStored(text: string, shardFile: string, stamp: string): Map<string, string[]> | undefined {
  const stored = JSON.parse(text) as Partial<Stored> | null;
  if (!stored || stored.v !== FORMAT || stored.shard !== shardFile || stored.stamp !== stamp) return undefined;
  if (!Array.isArray(stored.comments)) return undefined;
  const ids = new Map<string, string[]>();
  for (const pair of stored.comments as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !isStringArray(pair[1])) return undefined;
    ids.set(pair[0], pair[1]);
  }
  return ids;
}

const nameFor = (shardFile: string): string => `${createHash('sha256').update(shardFile).digest('hex').slice(0, 32)}.json`;
/** What nameFor makes (a writer's temporary file is left to the writer). */
const KEPT_NAME = /^[0-9a-f]{32}\.json$/;

export class CommentIdsStore {
  /** `dir` undefined: nothing is kept (a window with no workspace storage). */
  constructor(private readonly dir: string | undefined) {}

  private fileFor(shardFile: string): string | undefined {
    if (!this.dir) return undefined;
    return path.join(this.dir, nameFor(shardFile));
  }

  /** Removes what is kept for any shard not in `shardFiles` (deleted or moved since): the folder does not grow forever. */
  async keepOnly(shardFiles: Iterable<string>): Promise<void> {
    if (!this.dir) return;
    const wanted = new Set([...shardFiles].map(nameFor));
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (KEPT_NAME.test(name) && !wanted.has(name))
        await fs.rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
    }
  }

  /** The ids kept for `shardFile` as it was at `stamp`; empty when none are (or the file is damaged). */
  async load(shardFile: string, stamp: string): Promise<Map<string, string[]>> {
    const file = this.fileFor(shardFile);
    if (!file) return new Map();
    try {
      return parseStored(await fs.readFile(file, 'utf8'), shardFile, stamp) ?? new Map();
    } catch {
      return new Map(); // absent, unreadable or damaged: the records are read again
    }
  }

  /** Keeps `ids` for `shardFile` at `stamp`, written whole or not at all, so a reader never sees half a file. */
  async save(shardFile: string, stamp: string, ids: CommentIds): Promise<void> {
    const file = this.fileFor(shardFile);
    if (!file) return;
    const stored: Stored = {
      v: FORMAT,
      shard: shardFile,
      stamp,
      comments: [...ids].map(([id, comments]) => [id, [...comments]]),
    };
    try {
      await writeFileWhole(file, JSON.stringify(stored));
    } catch {
      // Only a speed-up: a window that cannot write it reads the records again next time.
    }
  }
}
