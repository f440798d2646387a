// One streaming pass over a JSONL file that records where every non-blank line
// lives (byte offsets), so any line can later be read alone. The file is never
// held in memory: only the first bytes of each line are kept, to sniff its id.
import { createReadStream } from 'node:fs';

/** Bytes kept from the start of each line; enough for `{"schema_version":1,"id":"..."`. */
const HEAD_BYTES = 256;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export interface LineSpan {
  /** 1-based line number in the file (blank lines count). */
  line: number;
  /** Byte offset of the line's first byte (after a BOM on line 1). */
  start: number;
  /** Byte offset just past the line's content (before any "\r\n" / "\n"). */
  end: number;
  /** Id sniffed from the line's head without parsing it; undefined when not found there. */
  sniffedId: string | undefined;
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === CARRIAGE_RETURN || byte === NEWLINE;
}

// The writer puts schema_version then id first, so the id sits in the head.
// A record whose id comes later is found by the reader's full-parse fallback.
const LEADING_ID = /^\s*\{\s*(?:"schema_version"\s*:\s*-?[\d.eE+-]+\s*,\s*)?"id"\s*:\s*("(?:[^"\\]|\\.)*")/;

export function sniffId(head: string): string | undefined {
  const match = LEADING_ID.exec(head);
  if (!match) return undefined;
  try {
    const id = JSON.parse(match[1]) as string;
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/** Streams `file` once and returns the spans of its non-blank lines, in order. */
export async function indexJsonlLines(file: string): Promise<LineSpan[]> {
  const spans: LineSpan[] = [];
  let offset = 0; // file offset of the current chunk's first byte
  let lineNumber = 1;
  let lineStart = 0;
  let sawContent = false; // a non-whitespace byte was seen on the current line
  let head: Buffer[] = [];
  let headLength = 0;
  let bomChecked = false;
  let lastByteIsCarriageReturn = false;

  const keepHead = (chunk: Buffer, from: number, to: number): void => {
    if (headLength >= HEAD_BYTES || to <= from) return;
    const piece = chunk.subarray(from, Math.min(to, from + HEAD_BYTES - headLength));
    head.push(piece);
    headLength += piece.length;
  };

  const finishLine = (endOffset: number): void => {
    if (sawContent) {
      // "\r\n": the "\r" belongs to the line ending, not the content.
      const end = lastByteIsCarriageReturn ? endOffset - 1 : endOffset;
      spans.push({ line: lineNumber, start: lineStart, end, sniffedId: sniffId(Buffer.concat(head).toString('utf8')) });
    }
    lineNumber += 1;
    sawContent = false;
    head = [];
    headLength = 0;
  };

  for await (const raw of createReadStream(file)) {
    let chunk = raw as Buffer;
    if (!bomChecked) {
      bomChecked = true;
      if (chunk.length >= 3 && UTF8_BOM.every((byte, i) => chunk[i] === byte)) {
        chunk = chunk.subarray(3);
        offset = 3;
        lineStart = 3;
      }
    }
    let from = 0;
    while (from <= chunk.length) {
      const newline = chunk.indexOf(NEWLINE, from);
      const to = newline === -1 ? chunk.length : newline;
      if (!sawContent) {
        for (let i = from; i < to; i++) {
          if (!isWhitespace(chunk[i])) {
            sawContent = true;
            break;
          }
        }
      }
      keepHead(chunk, from, to);
      if (to > from) lastByteIsCarriageReturn = chunk[to - 1] === CARRIAGE_RETURN;
      if (newline === -1) break;
      finishLine(offset + newline);
      lineStart = offset + newline + 1;
      lastByteIsCarriageReturn = false;
      from = newline + 1;
    }
    offset += chunk.length;
  }
  finishLine(offset); // a last line without a final newline
  return spans;
}
