// The images a model run sends: local files as base64 `data:` URLs, confined
// to the dataset the way the editor confines them (no `..`, no absolute path,
// no symlink leading out), with a size limit; remote URLs only when allowed.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ShardImage } from '../shard/schema';
import { ModelRunError } from './errors';

/** The paper sent at most the first 4 images of a request. */
export const MAX_IMAGES = 4;
/** OpenAI's per-image limit; servers of local models often take less. */
export const DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface ImagePolicy {
  /** A local file larger than this fails the run (the message names the file and the limit). */
  maxBytes: number;
  /** Send an image's remote https URL when it has no local file. Off by default: it tells the server where the data lives. */
  allowRemote: boolean;
}

export const DEFAULT_IMAGE_POLICY: ImagePolicy = { maxBytes: DEFAULT_MAX_IMAGE_BYTES, allowRemote: false };

/** One image ready to send. `label` names it in messages (the relative path or the URL). */
export interface ImageInput {
  url: string;
  label: string;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The confined real path of a local image, or why it cannot be used. Same
 * rules as the editor's resolveImageSource (src/host/editor/model/images.ts):
 * relative paths only, resolved from the shard folder's real path, and the
 * file's real path must lie in one of `roots` (real paths, e.g. the editor's
 * image roots), so no `..` and no symlink leads out.
 */
export async function confineImage(
  imagePath: string,
  shardFolder: string,
  roots: readonly string[],
): Promise<{ file: string } | { error: string }> {
  const refused = { error: `${imagePath}: refused, the path leaves the dataset` };
  if (path.isAbsolute(imagePath) || path.win32.isAbsolute(imagePath)) return refused;
  const folder = await fs.realpath(shardFolder).catch(() => shardFolder);
  const file = path.resolve(folder, imagePath);
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return roots.some((root) => isInside(root, file)) ? { error: `${imagePath}: file not found` } : refused;
  }
  return roots.some((root) => isInside(root, real)) ? { file: real } : refused;
}

/** A folder's real path (as given when it does not exist): roots are compared with real file paths. */
export async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  return fs.realpath(absolute).catch(() => absolute);
}

/**
 * The default roots when the caller gives none: the shard folder's parent, as the editor's dataset root,
 * else the shard's own folder; never the whole disk, the home folder or a folder above it.
 */
export async function defaultImageRoots(shardFile: string, home: string = homedir()): Promise<string[]> {
  const shardFolder = await realFolder(path.dirname(path.resolve(shardFile)));
  const realHome = await realFolder(home);
  const tooWide = (folder: string): boolean => {
    const toHome = path.relative(folder, realHome);
    return folder === path.parse(folder).root || toHome === '' || (!toHome.startsWith('..') && !path.isAbsolute(toHome));
  };
  const root = [await realFolder(path.dirname(shardFolder)), shardFolder].find((folder) => !tooWide(folder));
  return root === undefined ? [] : [root];
}

function httpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The MIME type from the file's first bytes (the extension can lie), else from the extension. */
export function imageMime(bytes: Uint8Array, file: string): string {
  const starts = (...values: number[]): boolean => values.every((value, i) => bytes[i] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  const extension = path.extname(file).toLowerCase();
  return extension === '.png'
    ? 'image/png'
    : extension === '.gif'
      ? 'image/gif'
      : extension === '.webp'
        ? 'image/webp'
        : 'image/jpeg';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/**
 * The first 4 usable images of a request, in order. An unusable image is
 * skipped (missing file, refused path, remote URL not allowed); a file over
 * the limit fails the run; no usable image at all fails with every reason.
 */
export async function loadImages(
  images: readonly ShardImage[],
  shardFolder: string,
  roots: readonly string[],
  policy: ImagePolicy,
): Promise<ImageInput[]> {
  const usable: ImageInput[] = [];
  const skipped: string[] = [];
  for (const image of images) {
    if (usable.length === MAX_IMAGES) break;
    const remote = policy.allowRemote ? httpsUrl(image.url) : null;
    if (image.path) {
      const confined = await confineImage(image.path, shardFolder, roots);
      if ('file' in confined) {
        const size = (await fs.stat(confined.file)).size;
        if (size > policy.maxBytes) {
          throw new ModelRunError(
            'image-too-large',
            `Image ${image.path} is ${formatBytes(size)}, over the limit of ${formatBytes(policy.maxBytes)}.`,
          );
        }
        const bytes = await fs.readFile(confined.file);
        usable.push({ url: `data:${imageMime(bytes, confined.file)};base64,${bytes.toString('base64')}`, label: image.path });
        continue;
      }
      if (!remote) {
        skipped.push(confined.error);
        continue;
      }
    }
    if (remote) usable.push({ url: remote, label: remote });
    else if (image.url)
      skipped.push(`${image.url}: remote image URLs are not allowed (the "allow remote images" setting is off)`);
  }
  if (usable.length === 0) {
    const why = images.length === 0 ? 'the request has no images' : skipped.join('; ');
    throw new ModelRunError('no-usable-image', `This request has no image that can be sent: ${why}.`);
  }
  return usable;
}
