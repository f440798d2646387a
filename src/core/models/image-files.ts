// The images a model run sends: local files as base64 `data:` URLs, confined
// to the image folders by the core's path rules (no `..`, no absolute path, no
// symlink leading out), regular files whose bytes are an image, with a size
// limit; remote URLs only when allowed.
import { constants, promises as fs } from 'node:fs';
import { confineFile, imageMime, safeRemoteUrl } from '../path-rules';
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

export const REFUSED_NOT_IMAGE_FOLDER = 'refused, the path leaves the image folders';

/** How many reasons a "no usable image" message lists before "… and N more". */
const LISTED_REASONS = 5;

/** The first few items, then how many more: a request with 100,000 bad images must not give a 3 MB message. */
export function capList(items: readonly string[], max: number = LISTED_REASONS): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; … and ${items.length - max} more` : shown;
}

/**
 * Reads a confined image: a regular file only (a FIFO or a device would hang
 * the run, a folder gives nothing), within the size limit, and whose bytes are
 * an image (jpeg, png, gif, webp). Opened non-blocking so a FIFO swapped in
 * after the check cannot hang the open; the checks are made on the open file.
 */
async function readImage(
  file: string,
  label: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; mime: string } | { error: string }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: `${label}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { error: `${label}: not a regular file` };
    if (stat.size > maxBytes) {
      throw new ModelRunError(
        'image-too-large',
        `Image ${label} is ${formatBytes(stat.size)}, over the limit of ${formatBytes(maxBytes)}.`,
      );
    }
    const bytes = await handle.readFile();
    const mime = imageMime(bytes);
    return mime === null ? { error: `${label}: not an image (not jpeg, png, gif or webp)` } : { bytes, mime };
  } finally {
    await handle.close();
  }
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
    const remote = policy.allowRemote ? safeRemoteUrl(image.url) : null;
    if (image.path) {
      // Confined by the core's path rules to `roots`: the image folders (src/core/image-roots.ts).
      const confined = await confineFile(image.path, shardFolder, roots);
      const read =
        confined.kind === 'file'
          ? await readImage(confined.file, image.path, policy.maxBytes)
          : { error: `${image.path}: ${confined.kind === 'missing' ? 'file not found' : REFUSED_NOT_IMAGE_FOLDER}` };
      if ('bytes' in read) {
        usable.push({ url: `data:${read.mime};base64,${read.bytes.toString('base64')}`, label: image.path });
        continue;
      }
      if (!remote) {
        skipped.push(read.error);
        continue;
      }
    }
    if (remote) usable.push({ url: remote, label: remote });
    else if (image.url)
      skipped.push(`${image.url}: remote image URLs are not allowed (the "allow remote images" setting is off)`);
  }
  if (usable.length === 0) {
    const why = images.length === 0 ? 'the request has no images' : capList(skipped);
    throw new ModelRunError('no-usable-image', `This request has no image that can be sent: ${why}.`);
  }
  return usable;
}
