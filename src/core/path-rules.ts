// The path and image rules, in one place because they are security rules:
// data (shards, manifests, queues, releases) names files, and a name must not
// lead out of the folder it belongs to, nor make a non-image travel as an
// image. The editor, the CLI, the importer and the model runs all use these;
// the architecture test fails on a second copy elsewhere.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** True when `candidate` is `root` or below it (both absolute, same spelling: real or as named). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..` as a whole first segment leaves the root; a name such as `..covers` does not.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * A name from the data (a release's image name, a queue's shard entry) as a
 * path below `folder`, or null when it leaves it: absolute (POSIX or Windows),
 * a `..` segment, a NUL. Both separators count, whatever the platform.
 */
export function nameInside(folder: string, name: string): { relative: string } | null {
  const segments = name.split(/[\\/]/);
  if (name.includes('\0') || path.isAbsolute(name) || path.win32.isAbsolute(name) || segments.includes('..')) return null;
  const resolved = path.resolve(folder, ...segments);
  return resolved !== path.resolve(folder) && isInside(folder, resolved) ? { relative: path.relative(folder, resolved) } : null;
}

/** The URL when it is https, else null (javascript:, data:, http: and garbage never load nor travel). */
export function safeRemoteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export type Confined = { kind: 'file'; file: string } | { kind: 'missing' } | { kind: 'refused' };

/**
 * A record's local image path, resolved from the shard folder's real path and
 * confined to `roots` (real paths): relative paths only, and the file's real
 * path must lie in a root, so no `..` and no symlink leads out. The real path
 * is what callers use. A missing file inside a root is `missing`.
 */
export async function confineFile(relativePath: string, shardFolder: string, roots: readonly string[]): Promise<Confined> {
  // Absolute paths (POSIX or Windows-looking) are refused outright: records are relative by contract.
  if (relativePath.includes('\0') || path.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath))
    return { kind: 'refused' };
  // From the real folder, `..` means what it meant to the import, which computed it between real folders.
  const folder = await fs.realpath(shardFolder).catch(() => shardFolder);
  const file = path.resolve(folder, relativePath);
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return roots.some((root) => isInside(root, file)) ? { kind: 'missing' } : { kind: 'refused' };
  }
  return roots.some((root) => isInside(root, real)) ? { kind: 'file', file: real } : { kind: 'refused' };
}

/** The image type from a file's first bytes (jpeg, png, gif, webp), else null: the name and extension can lie. */
export function imageMime(bytes: Uint8Array): string | null {
  const starts = (...values: number[]): boolean => values.every((value, i) => bytes[i] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/** Bytes enough for imageMime. */
export const IMAGE_SNIFF_BYTES = 12;

/** Folders no image root may be, nor hold. */
export interface Guarded {
  /** The home folder (as named and real): it, `/` and every folder above it are refused. */
  home: readonly string[];
  /** Workspace folders: a root may be one, but not hold one. */
  workspaces: readonly string[];
}

/** True when `folder` is a filesystem root, the home folder or above it, or strictly holds a workspace folder. */
export function tooWide(folder: string, guarded: Guarded): boolean {
  if (path.parse(folder).root === folder) return true;
  if (guarded.home.some((home) => isInside(folder, home))) return true;
  return guarded.workspaces.some((workspace) => workspace !== folder && isInside(folder, workspace));
}

/**
 * Where a shard's dataset may lie, widest first: the shard folder's parent (a
 * release usually keeps `shards/` beside its images), but never above the
 * workspace folder that holds the shard; then the shard folder itself.
 */
export function datasetRootCandidates(shardFile: string, workspaceFolders: readonly string[]): string[] {
  const shardFolder = path.dirname(shardFile);
  const parent = path.dirname(shardFolder);
  const workspace = workspaceFolders.filter((folder) => isInside(folder, shardFile)).sort((a, b) => b.length - a.length)[0];
  const widest = workspace !== undefined && !isInside(workspace, parent) ? workspace : parent;
  return widest === shardFolder ? [shardFolder] : [widest, shardFolder];
}

/**
 * The folder whose files the webview may load (as named; image-roots.ts also
 * checks its real path): the widest candidate that is not `/`, the home
 * folder, above it, or above a workspace folder. Undefined when even the
 * shard's own folder is too wide (a shard lying in `/` or in the home folder).
 */
export function datasetRootFor(
  shardFile: string,
  workspaceFolders: readonly string[],
  home: string = homedir(),
): string | undefined {
  const guarded: Guarded = { home: [home], workspaces: workspaceFolders };
  return datasetRootCandidates(shardFile, workspaceFolders).find((folder) => !tooWide(folder, guarded));
}

const RELEASE_TAIL = ['data', 'processed', '_images'];

/** The image folder `imagery import --copy-images` fills beside the shards. */
export function copiedImageFolder(shardFolder: string, domain: string): string {
  return path.join(shardFolder, 'images', domain);
}

/** Is `folder` shaped like an image folder `imagery import` chooses for `domain` (a release's, or the copy beside the shards)? */
export function isImageFolderShape(folder: string, domain: string, shardFolder: string): boolean {
  if (folder === copiedImageFolder(shardFolder, domain)) return true;
  const parts = folder.split(path.sep);
  const tail = [...RELEASE_TAIL, domain];
  return parts.length > tail.length && tail.every((part, i) => parts[parts.length - tail.length + i] === part);
}
