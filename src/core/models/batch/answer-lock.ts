// One batch run at a time per answer file: two runs appending to the same file
// would ask the model twice for each request and interleave their lines. A
// lock file beside it names the run that holds it; one left behind by a run
// that is gone (a crash, kill -9) is taken over, by one run only: several runs
// finding the same stale lock at once take turns through a marker file.
import { lstat, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';

interface Holder {
  pid: number;
  host: string;
}

/** A lock file this young with nothing in it yet is still being written by its run. */
const WRITING_MS = 10_000;

/** Takes the lock of `file` (`<file>.lock`); resolves to its release. Throws, naming the holder, when another run holds it. */
export async function lockAnswerFile(file: string): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      } finally {
        await handle.close();
      }
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Another run is taking the same stale lock over: give it a moment, then look at who holds it.
    if (!(await takeOver(file, lock))) await sleep(20 * (attempt + 1));
  }
  throw new Error(`${file}: could not take ${lock}: other runs keep taking it`);
}

/**
 * Removes the lock when its holder is gone; throws, naming the holder, when it
 * runs. False when another run is taking this same lock over. Reading then
 * removing is not atomic on its own: the check and the removal happen while
 * holding a marker named after the lock file's inode (created with `wx`), so
 * two runs never both remove it, and the check is made again under the marker.
 */
async function takeOver(file: string, lock: string): Promise<boolean> {
  const seen = await inode(lock);
  if (seen === undefined) return true;
  const marker = `${lock}.takeover-${seen}`;
  if (!(await createMarker(marker))) return false;
  try {
    // The lock may have been taken over and taken again since we looked: then it is another file.
    if ((await inode(lock)) !== seen) return true;
    const holder = await readHolder(lock);
    if (holder === 'busy' || (holder && isRunning(holder)))
      throw new Error(
        `${file}: another run is writing these answers${holder === 'busy' ? '' : ` (process ${holder.pid} on ${holder.host})`}; ` +
          `wait for it to end or stop it, then run again (if no such run is left, delete ${lock})`,
      );
    await rm(lock, { force: true });
    return true;
  } finally {
    await rm(marker, { force: true });
  }
}

/** Creates the takeover marker; false when another run holds it. A marker left by a crash is old and removed. */
async function createMarker(marker: string): Promise<boolean> {
  try {
    await (await open(marker, 'wx')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const age = await stat(marker).then(
    (stats) => Date.now() - stats.mtimeMs,
    () => 0,
  );
  if (age >= WRITING_MS) await rm(marker, { force: true });
  return false;
}

async function inode(file: string): Promise<number | undefined> {
  return lstat(file).then(
    (stats) => stats.ino,
    () => undefined,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The holder; 'busy' while a fresh lock is still being written; undefined when the lock is gone or unreadable and old. */
async function readHolder(lock: string): Promise<Holder | 'busy' | undefined> {
  try {
    const value = JSON.parse(await readFile(lock, 'utf8')) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') return { pid: value.pid, host: value.host };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  const age = await stat(lock).then(
    (stats) => Date.now() - stats.mtimeMs,
    () => Infinity,
  );
  return age < WRITING_MS ? 'busy' : undefined;
}

/** A run on another machine (a shared folder) cannot be checked from here: it counts as running. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
