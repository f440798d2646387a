// One pass over a JSONL file that records where every non-blank line lives
// (byte offsets), so any line can later be read alone. Large reads and the
// native indexOf do the scanning; offsets go in typed arrays (no object per
// line), and the index can be read while it is still growing.
import { open } from 'node:fs/promises';
import { HEAD_BYTES, sniffBytes } from './id-sniff';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Big reads: the per-read cost vanishes next to the scan. */
export const READ_BYTES = 4 << 20;

export interface LineSpan {
  /** 1-based line number in the file (blank lines count). */
  line: number;
  /** Byte offset of the line's first byte (after a BOM on line 1). */
  start: number;
  /** Byte offset just past the line's content (before any "\r\n" / "\n"). */
  end: number;
}

const isWhitespace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === CARRIAGE_RETURN || byte === NEWLINE;

/** Growable columns of line spans; `count` spans are valid. */
export class LineIndex {
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private waiters: (() => void)[] = [];
  /**
   * Id sniffed from each line's head in the same pass: a string, undefined when the head holds none
   * (the reader falls back to a full parse), or null when the head straddled two reads (sniffed later).
   */
  readonly sniffed: (string | undefined | null)[] = [];
  count = 0;
  /** Set once the whole file is indexed (or indexing failed: then `error` says why). */
  complete = false;
  error: Error | undefined;

  start(position: number): number {
    return this.starts[position];
  }

  end(position: number): number {
    return this.ends[position];
  }

  line(position: number): number {
    return this.lines[position];
  }

  span(position: number): LineSpan {
    return { line: this.lines[position], start: this.starts[position], end: this.ends[position] };
  }

  /** Resolves once `position` is indexed or the index is complete (then it may not exist). */
  async reach(position: number): Promise<void> {
    while (position >= this.count && !this.complete) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.error) throw this.error;
  }

  /** Resolves when the whole file is indexed. */
  whenComplete(): Promise<void> {
    return this.reach(Number.POSITIVE_INFINITY);
  }

  push(line: number, start: number, end: number, sniffed: string | undefined | null): void {
    if (this.count === this.starts.length) this.grow();
    this.sniffed.push(sniffed);
    this.lines[this.count] = line;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** Wakes readers waiting for positions (called after each read, not each line). */
  publish(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  finish(error?: Error): void {
    this.complete = true;
    this.error = error;
    // Give back the spare capacity: a 1M-line file would otherwise keep up to 2x.
    this.starts = this.starts.slice(0, this.count);
    this.ends = this.ends.slice(0, this.count);
    this.lines = this.lines.slice(0, this.count);
    this.publish();
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Float64Array(size);
    starts.set(this.starts);
    const ends = new Float64Array(size);
    ends.set(this.ends);
    const lines = new Uint32Array(size);
    lines.set(this.lines);
    [this.starts, this.ends, this.lines] = [starts, ends, lines];
  }
}

/** Starts indexing `file` in the background; the returned index fills in as it goes. `readBytes` is for tests. */
export function startIndexing(file: string, readBytes = READ_BYTES): LineIndex {
  const index = new LineIndex();
  scan(file, index, readBytes).then(
    () => index.finish(),
    (error: unknown) => index.finish(error instanceof Error ? error : new Error(String(error))),
  );
  return index;
}

/** Reads `file` once and returns the spans of its non-blank lines, in order. */
export async function indexJsonlLines(file: string, readBytes = READ_BYTES): Promise<LineSpan[]> {
  const index = startIndexing(file, readBytes);
  await index.whenComplete();
  return Array.from({ length: index.count }, (_, position) => index.span(position));
}

async function scan(file: string, index: LineIndex, readBytes: number): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(readBytes);
    let offset = 0; // file offset of buffer[0]
    let lineNumber = 1;
    let lineStart = 0;
    let sawContent = false; // a non-whitespace byte was seen on the current line
    let previousByte = -1; // last byte of the previous read, for a "\r\n" split across reads
    const bom = Buffer.alloc(3);
    await handle.read(bom, 0, 3, 0);
    if (bom.equals(UTF8_BOM)) offset = lineStart = 3;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, readBytes, offset);
      if (bytesRead === 0) break;
      const chunk = bytesRead === readBytes ? buffer : buffer.subarray(0, bytesRead);
      let from = 0;
      while (from < bytesRead) {
        const newline = chunk.indexOf(NEWLINE, from);
        const to = newline === -1 ? bytesRead : newline;
        if (!sawContent) {
          for (let i = from; i < to; i++) {
            if (!isWhitespace(chunk[i])) {
              sawContent = true;
              break;
            }
          }
        }
        if (newline === -1) break;
        if (sawContent) {
          const before = newline > 0 ? chunk[newline - 1] : previousByte;
          const end = offset + newline - (before === CARRIAGE_RETURN ? 1 : 0);
          const headStart = lineStart - offset;
          const sniffed = headStart >= 0 ? sniffBytes(chunk, headStart, Math.min(end - offset, headStart + HEAD_BYTES)) : null;
          index.push(lineNumber, lineStart, end, sniffed);
        }
        lineNumber++;
        sawContent = false;
        lineStart = offset + newline + 1;
        from = newline + 1;
      }
      previousByte = chunk[bytesRead - 1];
      offset += bytesRead;
      index.publish();
    }
    // A last line without a final newline.
    if (sawContent) index.push(lineNumber, lineStart, offset - (previousByte === CARRIAGE_RETURN ? 1 : 0), null);
  } finally {
    await handle.close();
  }
}

export { sniffId } from './id-sniff';
