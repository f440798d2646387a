// Resolves a request's images to paths the shard can use. By default a path
// points into the release, relative to the shard's folder; with a copy folder
// the file is copied next to the shards so they can move without the release.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ShardImage } from '../shard/schema';

export interface ImagePlacement {
  /** Folder that will hold the shards: image paths are relative to it. */
  shardDir: string;
  /** When set, found images are copied here (a folder inside or beside shardDir). */
  copyTo?: string;
}

export interface ResolvedImages {
  images: ShardImage[];
  found: number;
  missing: number;
}

/** Forward slashes, so a shard written on Windows reads the same elsewhere. */
function portableRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/**
 * One entry per image: the i-th local name (the release keeps the first 4)
 * goes with the i-th URL. URLs beyond the local names get `path: null`.
 */
export async function resolveImages(
  names: readonly string[],
  urls: readonly string[],
  imagesDir: string,
  placement: ImagePlacement,
): Promise<ResolvedImages> {
  const images: ShardImage[] = [];
  let found = 0;
  let missing = 0;
  const count = Math.max(names.length, urls.length);
  for (let i = 0; i < count; i++) {
    const url = urls[i] ?? null;
    const name = names[i];
    let localPath: string | null = null;
    if (name !== undefined) {
      const source = path.join(imagesDir, name);
      if (existsSync(source)) {
        found += 1;
        let target = source;
        if (placement.copyTo) {
          target = path.join(placement.copyTo, name);
          await mkdir(placement.copyTo, { recursive: true });
          await copyFile(source, target);
        }
        localPath = portableRelative(placement.shardDir, target);
      } else {
        missing += 1;
      }
    }
    images.push({ path: localPath, url });
  }
  return { images, found, missing };
}
