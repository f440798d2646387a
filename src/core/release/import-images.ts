// Resolves a request's images to paths the shard can use. By default a path
// points into the release, relative to the shard's folder; with a copy folder
// the file is copied next to the shards so they can move without the release.
// A release is data, not code: a name that leaves the image folder, a symlink
// or a file that cannot be copied is refused with a warning naming the
// request's line, and the import goes on.
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { nameInside } from '../path-rules';
import type { ShardImage } from '../shard/schema';
import type { UnreadableLine } from './import-jsonl';

export interface ImagePlacement {
  /** Folder that will hold the shards: image paths are relative to it. */
  shardDir: string;
  /** When set, found images are copied here (a folder inside or beside shardDir). */
  copyTo?: string;
  /** Copies that made a new file are listed here, so a cancelled import can take them back. */
  created?: string[];
}

/** The release line that names the images, for warnings. */
export interface ImageSourceLine {
  file: string;
  line?: number;
}

export interface ResolvedImages {
  images: ShardImage[];
  found: number;
  missing: number;
  /** Names refused (leaving the folder, symlinks, not a file) or that could not be copied. */
  refused: number;
  problems: UnreadableLine[];
}

/** Forward slashes, so a shard written on Windows reads the same elsewhere. */
function portableRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

type Walk = 'clear' | 'missing' | { link: string };

/** Walks `relative` below `folder` part by part without following links: the first symlink met, or a missing part. */
async function walk(folder: string, relative: string): Promise<Walk> {
  let current = folder;
  for (const segment of relative.split(path.sep)) {
    current = path.join(current, segment);
    try {
      if ((await lstat(current)).isSymbolicLink())
        return { link: `${path.relative(folder, current)} is a symlink (not followed)` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
      throw error;
    }
  }
  return 'clear';
}

type Placed = { path: string } | { missing: true } | { refused: string };

async function place(name: string, imagesDir: string, placement: ImagePlacement): Promise<Placed> {
  const inside = nameInside(imagesDir, name);
  if (inside === null) return { refused: 'the name leaves the image folder' };
  const source = path.join(imagesDir, inside.relative);
  const { copyTo } = placement;
  try {
    const found = await walk(imagesDir, inside.relative);
    if (found === 'missing') return { missing: true };
    if (found !== 'clear') return { refused: found.link };
    if (!(await lstat(source)).isFile()) return { refused: 'not a regular file' };
    if (!copyTo) return { path: portableRelative(placement.shardDir, source) };
    const target = path.join(copyTo, inside.relative);
    // A link in the copy folder would take mkdir or the copy outside it: looked for before each.
    let copied = await walk(copyTo, inside.relative);
    if (typeof copied !== 'object') {
      await mkdir(path.dirname(target), { recursive: true });
      copied = await walk(copyTo, inside.relative);
    }
    if (typeof copied === 'object') return { refused: `in the copy folder, ${copied.link}` };
    const isNew = placement.created !== undefined && copied === 'missing';
    await copyFile(source, target);
    if (isNew) placement.created?.push(target);
    return { path: portableRelative(placement.shardDir, target) };
  } catch (error) {
    return { refused: `could not ${copyTo ? 'copy' : 'read'} it: ${(error as Error).message}` };
  }
}

/**
 * One entry per image: the i-th local name (the release keeps the first 4)
 * goes with the i-th URL. URLs beyond the local names, and refused names, get `path: null`.
 */
export async function resolveImages(
  names: readonly string[],
  urls: readonly string[],
  imagesDir: string,
  placement: ImagePlacement,
  where: ImageSourceLine = { file: imagesDir },
): Promise<ResolvedImages> {
  const resolved: ResolvedImages = { images: [], found: 0, missing: 0, refused: 0, problems: [] };
  const count = Math.max(names.length, urls.length);
  for (let i = 0; i < count; i++) {
    const url = urls[i] ?? null;
    const name = names[i];
    let localPath: string | null = null;
    if (name !== undefined) {
      const placed = await place(name, imagesDir, placement);
      if ('path' in placed) {
        resolved.found += 1;
        localPath = placed.path;
      } else if ('missing' in placed) {
        resolved.missing += 1;
      } else {
        resolved.refused += 1;
        resolved.problems.push({ ...where, reason: `image ${JSON.stringify(name)}: ${placed.refused}` });
      }
    }
    resolved.images.push({ path: localPath, url });
  }
  return resolved;
}
