// Ids from line heads without parsing the line: the writer's exact layout
// decoded straight from bytes (cheap enough to run inside the index pass), any
// other layout through a regex, so both always agree.

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
export function sniffBytes(chunk: Buffer, start: number, end: number): string | undefined {
  let at = start;
  if (startsWith(chunk, VERSION_KEY, at, end)) {
    at += VERSION_KEY.length;
    const digitsFrom = at;
    while (at < end && chunk[at] >= 0x30 && chunk[at] <= 0x39) at++;
    if (at === digitsFrom || chunk[at] !== 0x2c) return sniffId(chunk.toString('utf8', start, end));
    at++;
  } else if (chunk[at] === 0x7b) {
    at++;
  } else return sniffId(chunk.toString('utf8', start, end));
  if (!startsWith(chunk, ID_KEY, at, end)) return sniffId(chunk.toString('utf8', start, end));
  at += ID_KEY.length;
  for (let i = at; i < end; i++) {
    if (chunk[i] === QUOTE) return i === at ? undefined : chunk.toString('utf8', at, i);
    if (chunk[i] === BACKSLASH || chunk[i] < 0x20) break; // escapes and control bytes: JSON's rules decide
  }
  return sniffId(chunk.toString('utf8', start, end));
}

const startsWith = (chunk: Buffer, key: Buffer, at: number, end: number): boolean =>
  at + key.length <= end && chunk.compare(key, 0, key.length, at, at + key.length) === 0;
