// The file operations under the annotation log: durable appends and reads
// from a byte offset. Kept apart so log.ts reads as the log's behaviour.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { isMissing, openNoFollow, regularFileOrNull } from '../no-follow';

export { isMissing };

/**
 * Appends `body` with O_APPEND in one write, then fsyncs the file (and the
 * folders whose entries were created). A file whose last byte is not "\n"
 * (a torn line from a crash mid-write) first gets one, so the torn line stays
 * on a line of its own and the new events are intact.
 */
export async function appendDurably(file: string, body: string): Promise<void> {
  const existed = (await regularFileOrNull(file, WHAT)) !== null;
  if (!existed) await mkdirDurably(path.dirname(file));
  const handle = await openNoFollow(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, WHAT);
  try {
    const prefix = existed && !(await endsWithNewline(handle)) ? '\n' : '';
    await writeFully(handle, Buffer.from(prefix + body, 'utf8'));
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (!existed) await syncDir(path.dirname(file));
}

/** The bytes from `offset` to the end and the file's inode; empty (inode null) when the file does not exist. */
export async function readBytesFrom(
  file: string,
  offset: number,
): Promise<{ bytes: Buffer; ino: number | null; mtimeMs: number }> {
  let handle: fs.FileHandle;
  try {
    await regularFileOrNull(file, WHAT);
    handle = await openNoFollow(file, constants.O_RDONLY, WHAT);
  } catch (error) {
    if (isMissing(error)) return { bytes: Buffer.alloc(0), ino: null, mtimeMs: 0 };
    throw error;
  }
  try {
    const { size, ino, mtimeMs } = await handle.stat();
    const bytes = Buffer.alloc(Math.max(0, size - offset));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), ino, mtimeMs };
  } finally {
    await handle.close();
  }
}

export async function statOrNull(file: string): Promise<{ size: number; ino: number } | null> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

// A log that is a symlink would make every action append to (or replay) whatever it points at.
const WHAT = 'the annotation log';

/** One write call normally; loops only if the OS accepts part of the buffer. */
async function writeFully(handle: fs.FileHandle, bytes: Buffer): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
}

async function endsWithNewline(handle: fs.FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

async function mkdirDurably(dir: string): Promise<void> {
  if ((await statOrNull(dir)) !== null) return;
  await fs.mkdir(dir, { recursive: true });
  await syncDir(path.dirname(dir));
}

/** Makes a new directory entry durable. Windows cannot open folders for fsync: skipped there. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
