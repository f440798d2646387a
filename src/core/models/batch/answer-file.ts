// The output of a batch run for one task file: answers are appended one line
// at a time, each fsynced before the next, so a crash or Ctrl+C loses at most
// the requests still in flight. Reopening reads which requests are answered
// already; a torn last line (the process died mid-write) is not an answer and
// is cut off, so the next append starts on a line of its own. The file lies in
// a folder that may come from elsewhere (a clone, a zip): a symlink in its place
// is refused, never read, truncated or appended to.
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { openNoFollow, regularFileOrNull } from '../../no-follow';

export const ANSWER_FILE = 'the answer file';

export interface AnswerFileState {
  /** Requests with a complete, readable line that holds the task's answer. */
  answered: Set<string>;
  /** Bytes of a torn last line that were cut off (0 when the file ended cleanly). */
  tornBytes: number;
  /** Complete lines that are not a usable answer (1-based line numbers); they are left in place and rerun. */
  unreadable: number[];
}

/** Reads `file` (absent: nothing answered) and cuts a torn last line off. Lines are keyed by `idField` (a request's, or a comment's id). */
export async function readAnswered(file: string, answerField: string, idField = 'submission_id'): Promise<AnswerFileState> {
  const answered = new Set<string>();
  const unreadable: number[] = [];
  if ((await regularFileOrNull(file, ANSWER_FILE)) === null) return { answered, tornBytes: 0, unreadable };
  const handle = await openNoFollow(file, constants.O_RDWR, ANSWER_FILE);
  try {
    return await readLines(handle, { answerField, idField }, answered, unreadable);
  } finally {
    await handle.close();
  }
}

async function readLines(
  handle: FileHandle,
  fields: { answerField: string; idField: string },
  answered: Set<string>,
  unreadable: number[],
): Promise<AnswerFileState> {
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let lineNumber = 0;
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
    const data = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      lineNumber++;
      const id = answerId(data.subarray(start, end).toString('utf8'), fields);
      if (id === null) unreadable.push(lineNumber);
      else if (id !== '') answered.add(id);
      offset += end + 1 - start;
      start = end + 1;
    }
    pending = data.subarray(start);
  }
  // What follows the last newline never got its newline: a torn write.
  if (pending.length > 0) await handle.truncate(offset);
  return { answered, tornBytes: pending.length, unreadable };
}

/** The request id of a complete line with an answer; '' for a blank line; null for anything else. */
function answerId(text: string, { answerField, idField }: { answerField: string; idField: string }): string | null {
  if (text.trim() === '') return '';
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const answer = value?.[answerField];
    const usable = typeof answer === 'string' || (Array.isArray(answer) && answer.every((part) => typeof part === 'string'));
    const id = value[idField];
    return typeof id === 'string' && id !== '' && usable ? id : null;
  } catch {
    return null;
  }
}

/** Appends whole lines, one write + fsync each, in the order they are given. */
export class AnswerWriter {
  private chain: Promise<void> = Promise.resolve();
  private constructor(private readonly handle: FileHandle) {}

  /** Opens `file` for appending (created if missing); its folder must exist. */
  static async open(file: string): Promise<AnswerWriter> {
    await regularFileOrNull(file, ANSWER_FILE);
    return new AnswerWriter(await openNoFollow(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, ANSWER_FILE));
  }

  /** Resolves once the line is on disk. `line` must end with "\n". */
  append(line: string): Promise<void> {
    const next = this.chain.then(async () => {
      await this.handle.write(line);
      await this.handle.datasync();
    });
    // A failed write fails its own append; the ones queued after it still try.
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}
