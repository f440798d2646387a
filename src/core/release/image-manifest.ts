// The image manifest `imagery import` writes beside the shards: which image
// folder the import chose for each domain (the release's _images/<domain>, or
// <out>/images/<domain> with --copy-images). The editor reads it to know which
// folders outside the dataset its webview may load; it trusts none of it
// blindly (see src/core/image-roots.ts).
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { Domain } from '../shard/schema';
import { describeZodError } from '../shard/zod-reason';

export const IMAGE_MANIFEST_NAME = 'imagery-images.json';
/** A manifest is a few lines; a bigger file is not ours. */
const MAX_MANIFEST_BYTES = 64 * 1024;

export const ImageFolder = z.object({
  domain: Domain,
  /** Relative to the manifest's folder, forward slashes (as import writes it); absolute paths are read too. */
  path: z.string().min(1),
});
export type ImageFolder = z.infer<typeof ImageFolder>;

export const ImageManifest = z.object({
  version: z.literal(1),
  imageFolders: z.array(ImageFolder).max(16),
});
export type ImageManifest = z.infer<typeof ImageManifest>;

export type ManifestRead = { kind: 'absent' } | { kind: 'ok'; manifest: ImageManifest } | { kind: 'unreadable'; reason: string };

export function manifestPath(dir: string): string {
  return path.join(dir, IMAGE_MANIFEST_NAME);
}

export async function readImageManifest(dir: string): Promise<ManifestRead> {
  let text: string;
  try {
    const buffer = await readFile(manifestPath(dir));
    if (buffer.length > MAX_MANIFEST_BYTES) return { kind: 'unreadable', reason: `larger than ${MAX_MANIFEST_BYTES} bytes` };
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', reason: (error as Error).message };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `malformed JSON: ${(error as Error).message}` };
  }
  const parsed = ImageManifest.safeParse(value);
  return parsed.success ? { kind: 'ok', manifest: parsed.data } : { kind: 'unreadable', reason: describeZodError(parsed.error) };
}

/**
 * The path the OS would use for `target`: the real path of its deepest
 * existing folder, then the rest. Relative paths computed from it survive a
 * symlink on the way (`--out link/shards`), since `..` is then physical.
 */
export function physicalPath(target: string): string {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      return path.join(realpathSync.native(current), ...rest.reverse());
    } catch {
      if (path.dirname(current) === current) return absolute;
      rest.push(path.basename(current));
    }
  }
}

/** Sets the image folder of `domain` in `<outDir>/imagery-images.json` (other domains kept); written atomically. */
export async function recordImageFolder(outDir: string, domain: Domain, folder: string): Promise<void> {
  const current = await readImageManifest(outDir);
  const others = current.kind === 'ok' ? current.manifest.imageFolders.filter((entry) => entry.domain !== domain) : [];
  const relative = path.relative(outDir, folder);
  // Another drive (Windows) has no relative path: keep it absolute.
  const portable = path.isAbsolute(relative) ? folder : relative.split(path.sep).join('/') || '.';
  const manifest: ImageManifest = { version: 1, imageFolders: [...others, { domain, path: portable }] };
  await writeFileAtomic(manifestPath(outDir), JSON.stringify(manifest, null, 2) + '\n');
}
