// Streams a released JSONL file line by line, validating each line with a zod
// schema. A bad line becomes a problem naming file:line; reading goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type * as z from 'zod';
import { describeZodError } from '../shard/zod-reason';

/** A line of a release file that could not be used. */
export interface UnreadableLine {
  file: string;
  /** 1-based; absent when the problem concerns the whole file. */
  line?: number;
  reason: string;
}

export function formatUnreadable(problem: UnreadableLine): string {
  return problem.line === undefined ? `${problem.file}: ${problem.reason}` : `${problem.file}:${problem.line}: ${problem.reason}`;
}

export type JsonlLine<T> = { ok: true; line: number; value: T } | { ok: false; problem: UnreadableLine };

/** Throws the signal's reason (an AbortError) between lines once `signal` aborts. */
export async function* readJsonlFile<T>(file: string, schema: z.ZodType<T>, signal?: AbortSignal): AsyncGenerator<JsonlLine<T>> {
  signal?.throwIfAborted();
  // crlfDelay: a "\r\n" split across chunks still counts as one line ending.
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', signal }), crlfDelay: Infinity });
  let line = 0;
  for await (const rawText of lines) {
    signal?.throwIfAborted();
    line += 1;
    const text = line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { ok: false, problem: { file, line, reason: `malformed JSON: ${(error as Error).message}` } };
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) yield { ok: true, line, value: parsed.data };
    else yield { ok: false, problem: { file, line, reason: describeZodError(parsed.error) } };
  }
}
