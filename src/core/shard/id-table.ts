// The id of every line, sniffed from line heads in one more pass of big reads
// (run after the line index, off the first request's path), and a hash table
// in typed arrays for positionOf: a Map of a million ids would cost ~80 MB.
import { open } from 'node:fs/promises';
import { READ_BYTES, sniffId, type LineIndex } from './jsonl-index';

/** Bytes looked at from the start of each line; enough for `{"schema_version":1,"id":"..."`. */
export const HEAD_BYTES = 256;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ID_KEY = Buffer.from('"id":"');
const VERSION_KEY = Buffer.from('{"schema_version":');

/**
 * The writer's exact layout (`{"schema_version":N,"id":"..."` or `{"id":"..."`, no escapes)
 * decoded straight from bytes; anything else goes through sniffId's regex, so results agree.
 */
function sniffBytes(chunk: Buffer, start: number, end: number): string | undefined {
  let at = start;
  if (chunk.compare(VERSION_KEY, 0, VERSION_KEY.length, at, at + VERSION_KEY.length) === 0) {
    at += VERSION_KEY.length;
    const digitsFrom = at;
    while (at < end && chunk[at] >= 0x30 && chunk[at] <= 0x39) at++;
    if (at === digitsFrom || chunk[at] !== 0x2c) return sniffId(chunk.toString('utf8', start, end));
    at++;
  } else if (chunk[at] === 0x7b) {
    at++;
  } else return sniffId(chunk.toString('utf8', start, end));
  if (chunk.compare(ID_KEY, 0, ID_KEY.length, at, at + ID_KEY.length) !== 0) return sniffId(chunk.toString('utf8', start, end));
  at += ID_KEY.length;
  for (let i = at; i < end; i++) {
    if (chunk[i] === QUOTE) return i === at ? undefined : chunk.toString('utf8', at, i);
    if (chunk[i] === BACKSLASH || chunk[i] < 0x20) break; // escapes and control bytes: JSON's rules decide
  }
  return sniffId(chunk.toString('utf8', start, end));
}

/** Sniffed ids by position; undefined where the head holds no id (the caller falls back to a full parse). */
export async function sniffIds(file: string, index: LineIndex): Promise<(string | undefined)[]> {
  const ids = new Array<string | undefined>(index.count);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let position = 0;
    while (position < index.count) {
      const chunkStart = index.start(position);
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, chunkStart);
      const chunkEnd = chunkStart + bytesRead;
      const before = position;
      for (; position < index.count; position++) {
        const start = index.start(position);
        const headEnd = Math.min(index.end(position), start + HEAD_BYTES);
        if (headEnd > chunkEnd) break; // the next read starts at this line
        ids[position] = sniffBytes(buffer, start - chunkStart, headEnd - chunkStart);
      }
      if (position === before) throw new Error(`${file}: file shrank since it was indexed`);
    }
  } finally {
    await handle.close();
  }
  return ids;
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Open addressing over positions: first position of each id, as the reader always resolved duplicates. */
export class IdLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly ids: readonly (string | null)[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position];
      if (id === null) continue;
      const slot = this.find(id);
      if (this.slots[slot] === -1) this.slots[slot] = position;
    }
  }

  positionOf(id: string): number | undefined {
    const position = this.slots[this.find(id)];
    return position === -1 ? undefined : position;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private find(id: string): number {
    let slot = hash(id) & this.mask;
    for (;;) {
      const position = this.slots[slot];
      if (position === -1 || this.ids[position] === id) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
