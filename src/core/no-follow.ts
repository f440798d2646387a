// Files written inside folders that travel between people (annotation logs
// beside shards, a batch run's answer files): a symlink planted in a file's
// place, or in a folder on its way, would send reads, truncations and appends
// to whatever it points at. One set of checks for every such file: lstat
// before use, open with O_NOFOLLOW (a link swapped in after the lstat is
// refused too), no linked folder under the output folder. Errors name the path.
import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside } from './path-rules';

// Windows has no O_NOFOLLOW (its links need privileges to plant); the lstat checks still run there.
const O_NOFOLLOW: number = constants.O_NOFOLLOW ?? 0;

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function linkRefused(file: string, what: string): Error {
  return new Error(`${file}: ${what} is a symbolic link; it is not followed. Replace it with a regular file`);
}

/** lstat of `file`: null when missing; throws, naming the path, for a symlink or anything but a regular file. */
export async function regularFileOrNull(file: string, what: string): Promise<Stats | null> {
  let stat: Stats;
  try {
    stat = await fs.lstat(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (stat.isSymbolicLink()) throw linkRefused(file, what);
  if (!stat.isFile()) throw new Error(`${file}: ${what} is not a regular file`);
  return stat;
}

/** Opens with O_NOFOLLOW where the platform has it; a symlink is refused with the path named. */
export async function openNoFollow(file: string, flags: number, what: string): Promise<fs.FileHandle> {
  try {
    return await fs.open(file, flags | O_NOFOLLOW, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefused(file, what);
    throw error;
  }
}

/**
 * Throws, naming the first one, when a folder from `base` (exclusive) down to
 * `folder` is a symlink or not a folder. Missing parts are fine: they will be
 * created. `folder` must lie below `base`.
 */
export async function refuseLinkedFolders(base: string, folder: string, what: string): Promise<void> {
  if (!isInside(base, folder)) throw new Error(`${folder}: ${what} is not under ${base}`);
  let current = base;
  for (const segment of path.relative(base, folder).split(path.sep).filter(Boolean)) {
    current = path.join(current, segment);
    let stat: Stats;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    if (stat.isSymbolicLink())
      throw new Error(`${current}: a folder of ${what} is a symbolic link; it is not followed. Replace it with a real folder`);
    if (!stat.isDirectory()) throw new Error(`${current}: a folder of ${what} is not a folder`);
  }
}

/** Creates `folder` below `base` with no symlink on the way: checked before mkdir and again after it. */
export async function mkdirNoFollow(base: string, folder: string, what: string): Promise<void> {
  await refuseLinkedFolders(base, folder, what);
  await fs.mkdir(folder, { recursive: true });
  await refuseLinkedFolders(base, folder, what);
}
