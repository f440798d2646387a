// Random access to the records of a shard. Opening reads the file once to
// index its lines (in the background with openIndexing, so the first records
// can be read before the end is reached); a record is parsed and validated
// only when asked for, and one bad line never hides its neighbours.
import { open, type FileHandle } from 'node:fs/promises';
import { HEAD_BYTES, sniffBytes, sniffId } from './id-sniff';
import { IdLookup } from './id-table';
import { startIndexing, type LineIndex } from './jsonl-index';
import { ShardRecord } from './schema';
import { describeZodError } from './zod-reason';

export type ShardEntry =
  | { kind: 'record'; position: number; line: number; record: ShardRecord }
  | { kind: 'unreadable'; position: number; line: number; file: string; reason: string };

export interface IndexOptions {
  /** Bytes per read while indexing (tests use tiny reads to cross every boundary). */
  readBytes?: number;
}

/** Recently read entries kept parsed; the editor moves back and forth around one spot. */
const CACHE_SIZE = 32;
/** readMany: lines closer than this are read in one go (the bytes between are cheaper than another read). */
const MERGE_GAP_BYTES = 64 << 10;
/** readMany: the most bytes one read holds. */
const MAX_BATCH_BYTES = 4 << 20;

export class ShardReader {
  private readonly cache = new Map<number, ShardEntry>();
  private idsByPosition: Promise<(string | null)[]> | undefined;
  private lookup: Promise<IdLookup> | undefined;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly index: LineIndex,
  ) {}

  /** Opens the shard once its whole line index is built. */
  static async open(file: string, options: IndexOptions = {}): Promise<ShardReader> {
    const reader = await ShardReader.openIndexing(file, options);
    try {
      await reader.indexed();
    } catch (error) {
      await reader.close();
      throw error;
    }
    return reader;
  }

  /** Opens the shard at once; its index grows in the background (see `indexed`, `size`). */
  static async openIndexing(file: string, options: IndexOptions = {}): Promise<ShardReader> {
    const handle = await open(file, 'r');
    return new ShardReader(file, handle, startIndexing(file, options.readBytes));
  }

  /** Resolves when every line is indexed (`size` is then the final count). */
  indexed(): Promise<void> {
    return this.index.whenComplete();
  }

  get isIndexed(): boolean {
    return this.index.complete;
  }

  /** Number of entries (non-blank lines), so far while indexing. */
  get size(): number {
    return this.index.count;
  }

  /** Reads one entry; while indexing, waits until its line is reached. */
  async read(position: number): Promise<ShardEntry> {
    const cached = this.cache.get(position);
    if (cached) {
      this.cache.delete(position); // re-insert: Map order doubles as recency order
      this.cache.set(position, cached);
      return cached;
    }
    const entry = await this.readUncached(position);
    this.cache.set(position, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    return entry;
  }

  /**
   * Reads several entries, each exactly as read() would: nearby lines share one file read, so
   * reading a quarter of a shard's records costs a few large reads, not one read per record.
   */
  async readMany(positions: readonly number[]): Promise<ShardEntry[]> {
    const sorted = [...new Set(positions)].sort((a, b) => a - b);
    if (sorted.length > 0) await this.index.reach(sorted[sorted.length - 1]);
    const byPosition = new Map<number, ShardEntry>();
    for (let first = 0; first < sorted.length;) {
      let last = first;
      const start = this.index.start(sorted[first]);
      while (
        last + 1 < sorted.length &&
        sorted[last + 1] < this.size &&
        this.index.start(sorted[last + 1]) - this.index.end(sorted[last]) <= MERGE_GAP_BYTES &&
        this.index.end(sorted[last + 1]) - start <= MAX_BATCH_BYTES
      ) {
        last++;
      }
      if (!(sorted[first] >= 0 && sorted[first] < this.size)) {
        byPosition.set(sorted[first], await this.read(sorted[first])); // throws the RangeError read() throws
        first++;
        continue;
      }
      const bytes = await this.readBytes(start, this.index.end(sorted[last]), this.index.line(sorted[first]));
      for (let n = first; n <= last; n++) {
        const position = sorted[n];
        const text = bytes.toString('utf8', this.index.start(position) - start, this.index.end(position) - start);
        byPosition.set(position, this.cache.get(position) ?? this.parseEntry(position, text));
      }
      first = last + 1;
    }
    return positions.map((position) => byPosition.get(position) as ShardEntry);
  }

  async *entries(): AsyncIterable<ShardEntry> {
    for (let position = 0; ; position++) {
      await this.index.reach(position);
      if (position >= this.size) return;
      yield this.cache.get(position) ?? (await this.readUncached(position));
    }
  }

  /**
   * The id at each position, without validating records: taken from the line's
   * head when the writer's key order holds, else from a full JSON parse. Null
   * when the line has no readable id (not JSON, or no string "id"). A line with
   * a readable id that fails validation keeps its id here; read() says why.
   */
  ids(): Promise<(string | null)[]> {
    this.idsByPosition ??= this.indexed().then(async () => {
      const { sniffed } = this.index;
      const ids = new Array<string | null>(sniffed.length);
      for (let position = 0; position < sniffed.length; position++) {
        let id = sniffed[position];
        if (id === null) id = await this.sniffHead(position); // its head straddled two reads of the index
        ids[position] = id ?? (await this.idByFullParse(position));
      }
      return ids;
    });
    return this.idsByPosition;
  }

  /** Position of the first entry with this id (waits for the whole index). */
  async positionOf(id: string): Promise<number | undefined> {
    return (await this.idLookup()).positionOf(id);
  }

  /** Builds what positionOf needs now (the editor does it in the background, so "go to id" answers at once). */
  async prepareLookup(): Promise<void> {
    await this.idLookup();
  }

  private idLookup(): Promise<IdLookup> {
    this.lookup ??= this.ids().then((ids) => new IdLookup(ids));
    return this.lookup;
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.handle.close();
  }

  private async readLine(position: number): Promise<string> {
    await this.index.reach(position);
    if (!(position >= 0 && position < this.size))
      throw new RangeError(`${this.file}: no entry at position ${position} (size ${this.size})`);
    const span = this.index.span(position);
    return (await this.readBytes(span.start, span.end, span.line)).toString('utf8');
  }

  /** The bytes from `start` to `end`; `line` names where a shrunk file failed. */
  private async readBytes(start: number, end: number, line: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(end - start); // filled below, or the read fails
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.handle.read(buffer, filled, buffer.length - filled, start + filled);
      if (bytesRead === 0) throw new Error(`${this.file}:${line}: file shrank since it was opened`);
      filled += bytesRead;
    }
    return buffer;
  }

  private async readUncached(position: number): Promise<ShardEntry> {
    return this.parseEntry(position, await this.readLine(position));
  }

  private parseEntry(position: number, text: string): ShardEntry {
    const line = this.index.line(position);
    const unreadable = (reason: string): ShardEntry => ({ kind: 'unreadable', position, line, file: this.file, reason });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return unreadable(`malformed JSON: ${(error as Error).message}`);
    }
    const parsed = ShardRecord.safeParse(value);
    if (!parsed.success) return unreadable(`not a shard record: ${describeZodError(parsed.error)}`);
    // JSON.parse keeps the last of two "id" keys, the index the first: which request the line is, is ambiguous.
    const sniffed = sniffIdOf(text);
    if (sniffed !== undefined && sniffed !== parsed.data.id) {
      return unreadable(
        `two "id" keys (${JSON.stringify(sniffed)}, then ${JSON.stringify(parsed.data.id)}): which request this is, is ambiguous`,
      );
    }
    return { kind: 'record', position, line, record: parsed.data };
  }

  private async sniffHead(position: number): Promise<string | undefined> {
    const start = this.index.start(position);
    const head = Buffer.alloc(Math.min(HEAD_BYTES, this.index.end(position) - start));
    const { bytesRead } = await this.handle.read(head, 0, head.length, start);
    return sniffBytes(head, 0, bytesRead);
  }

  private async idByFullParse(position: number): Promise<string | null> {
    try {
      const value: unknown = JSON.parse(await this.readLine(position));
      const id = (value as { id?: unknown } | null)?.id;
      return typeof id === 'string' && id !== '' ? id : null;
    } catch {
      return null;
    }
  }
}

const sniffIdOf = (line: string): string | undefined => sniffId(line.slice(0, HEAD_BYTES));
