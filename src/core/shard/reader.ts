// Random access to the records of a shard. Opening streams the file once to
// index its lines; a record is parsed and validated only when asked for, so a
// large shard opens fast and one bad line never hides its neighbours.
import { open, type FileHandle } from 'node:fs/promises';
import { indexJsonlLines, type LineSpan } from './jsonl-index';
import { ShardRecord } from './schema';
import { describeZodError } from './zod-reason';

export type ShardEntry =
  | { kind: 'record'; position: number; line: number; record: ShardRecord }
  | { kind: 'unreadable'; position: number; line: number; file: string; reason: string };

/** Recently read entries kept parsed; the editor moves back and forth around one spot. */
const CACHE_SIZE = 32;

export class ShardReader {
  private readonly cache = new Map<number, ShardEntry>();
  private idsByPosition: (string | null)[] | undefined;
  private positionsById: Map<string, number> | undefined;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly spans: LineSpan[],
  ) {}

  static async open(file: string): Promise<ShardReader> {
    const spans = await indexJsonlLines(file);
    return new ShardReader(file, await open(file, 'r'), spans);
  }

  /** Number of entries (non-blank lines). */
  get size(): number {
    return this.spans.length;
  }

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

  async *entries(): AsyncIterable<ShardEntry> {
    for (let position = 0; position < this.size; position++) {
      yield this.cache.get(position) ?? (await this.readUncached(position));
    }
  }

  /**
   * The id at each position, without validating records: taken from the line's
   * head when the writer's key order holds, else from a full JSON parse. Null
   * when the line has no readable id (not JSON, or no string "id"). A line with
   * a readable id that fails validation keeps its id here; read() says why.
   */
  async ids(): Promise<(string | null)[]> {
    if (!this.idsByPosition) {
      const ids: (string | null)[] = [];
      for (let position = 0; position < this.size; position++) {
        ids.push(this.spans[position].sniffedId ?? (await this.idByFullParse(position)));
      }
      this.idsByPosition = ids;
    }
    return this.idsByPosition;
  }

  /** Position of the first entry with this id. */
  async positionOf(id: string): Promise<number | undefined> {
    if (!this.positionsById) {
      const positions = new Map<string, number>();
      (await this.ids()).forEach((entryId, position) => {
        if (entryId !== null && !positions.has(entryId)) positions.set(entryId, position);
      });
      this.positionsById = positions;
    }
    return this.positionsById.get(id);
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.handle.close();
  }

  private async readLine(position: number): Promise<string> {
    const span = this.spans[position];
    if (!span) throw new RangeError(`${this.file}: no entry at position ${position} (size ${this.size})`);
    const buffer = Buffer.alloc(span.end - span.start);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.handle.read(buffer, filled, buffer.length - filled, span.start + filled);
      if (bytesRead === 0) throw new Error(`${this.file}:${span.line}: file shrank since it was opened`);
      filled += bytesRead;
    }
    return buffer.toString('utf8');
  }

  private async readUncached(position: number): Promise<ShardEntry> {
    const text = await this.readLine(position);
    const line = this.spans[position].line;
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
    const sniffed = this.spans[position].sniffedId;
    if (sniffed !== undefined && sniffed !== parsed.data.id) {
      return unreadable(`two "id" keys (${JSON.stringify(sniffed)}, then ${JSON.stringify(parsed.data.id)}): which request this is, is ambiguous`);
    }
    return { kind: 'record', position, line, record: parsed.data };
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
