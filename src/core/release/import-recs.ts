// Reads recs.json (request id -> {item: S_r(i)}) as a stream, keeping items in
// DOCUMENT order. JSON.parse would move integer-like keys (e.g. "1979") to the
// front, and the positive choice is the first item on ties, so order matters.
import { createReadStream } from 'node:fs';
import { TokenParser, Tokenizer } from '@streamparser/json';
import type { UnreadableLine } from './import-jsonl';

export type Relevance = [item: string, score: number][];

export interface RecsFile {
  /** Request id -> [item, score] pairs in file order. */
  byRequest: Map<string, Relevance>;
  problems: UnreadableLine[];
}

/** Maps byte offsets to 1-based line numbers, fed chunk by chunk. */
class LineCounter {
  private readonly newlineOffsets: number[] = [];
  private seen = 0;

  feed(chunk: Buffer): void {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.newlineOffsets.push(this.seen + i);
    this.seen += chunk.length;
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.newlineOffsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.newlineOffsets[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }

  get lastLine(): number {
    return this.newlineOffsets.length + 1;
  }

  /** Bytes fed so far. */
  get bytes(): number {
    return this.seen;
  }
}

export async function readRecsFile(file: string): Promise<RecsFile> {
  const byRequest = new Map<string, Relevance>();
  const problems: UnreadableLine[] = [];
  const lines = new LineCounter();
  /** The byte offset in the file of the last token read. */
  let tokenOffset = 0;
  // The tokenizer skips a leading BOM without counting it in token offsets; the file's lines count it.
  let bomBytes = 0;

  const tokenizer = new Tokenizer();
  // keepStack false: emitted items are dropped from the parser's memory.
  const parser = new TokenParser({ paths: ['$.*', '$.*.*'], keepStack: false });
  tokenizer.onToken = (token) => {
    tokenOffset = token.offset + bomBytes;
    parser.write(token);
  };
  parser.onValue = ({ value, key, parent, stack }) => {
    const line = lines.lineAt(tokenOffset);
    if (stack.length === 1) {
      // A whole request object (its items were already taken one by one).
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ file, line, reason: `request "${String(key)}": expected an object of item scores` });
      } else if (!byRequest.has(String(key))) {
        byRequest.set(String(key), []);
      }
      return;
    }
    const requestId = String(stack[1]?.key);
    if (Array.isArray(parent)) return; // an array, not a request object: reported when it closes
    if (typeof value !== 'number') {
      problems.push({ file, line, reason: `request "${requestId}", item "${String(key)}": score is not a number` });
      return;
    }
    let relevance = byRequest.get(requestId);
    if (!relevance) byRequest.set(requestId, (relevance = []));
    relevance.push([String(key), value]);
  };

  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      // A first byte 0xEF that does not begin a BOM is refused by the tokenizer before any token.
      if (lines.bytes === 0 && bytes[0] === 0xef) bomBytes = 3;
      lines.feed(bytes);
      // Content after the document reaches the parser as a token it refuses, on that token's line.
      tokenizer.write(bytes);
    }
    tokenizer.end();
    // The tokenizer ends cleanly between tokens; only the parser knows the document is incomplete.
    if (!parser.isEnded) parser.end();
  } catch (error) {
    // Keep what was read before the fault; the rest of the release still imports.
    const line = tokenizer.isEnded ? lines.lastLine : lines.lineAt(faultOffset(error as Error, tokenOffset));
    problems.push({ file, line, reason: `malformed JSON: ${(error as Error).message}` });
  }
  return { byRequest, problems };
}

/**
 * Where in the file a fault is: a byte the tokenizer could not read is named
 * only in its message (its "absolute position" counts every byte written, a
 * BOM included); a token the parser refused is the last token read.
 */
function faultOffset(error: Error, tokenOffset: number): number {
  const at = /\(absolute position "(\d+)"\)/.exec(error.message);
  return at ? Number(at[1]) : tokenOffset;
}
