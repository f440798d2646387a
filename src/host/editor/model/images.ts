// Which image a webview may load. Local paths are confined to the image roots
// (the dataset folder and the folders import chose, see image-roots.ts): no
// `..` escape, no absolute paths, no symlink leading out; remote URLs pass
// only over https. No vscode import: the panel turns a confined file into a
// webview URI.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ShardImage } from '../../../core/shard/schema';

export const REFUSED_OUTSIDE = 'refused: path leaves the dataset';

export type ImageSource =
  | { kind: 'file'; file: string; url: string | null }
  | { kind: 'remote'; src: string; url: string }
  | { kind: 'none'; url: string | null; error?: string };

/** The URL when it is https, else null (javascript:, data:, http: and garbage never load). */
export function safeRemoteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** True when `candidate` is `root` or below it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..` as a whole first segment leaves the root; a name such as `..covers` does not.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Resolves `image.path` against the shard's folder, confined to `roots` (real
 * paths, see image-roots.ts). The check is on the file's real path, and the
 * real path is what is served, so a link above the dataset (a linked `shared/`,
 * macOS `/tmp`) still matches VS Code's prefix check. A missing local file
 * falls back to the https URL when there is one.
 */
export async function resolveImageSource(image: ShardImage, shardFolder: string, roots: readonly string[]): Promise<ImageSource> {
  const remote = safeRemoteUrl(image.url);
  const fallback = (error?: string): ImageSource =>
    remote ? { kind: 'remote', src: remote, url: remote } : { kind: 'none', url: image.url, error };
  const refused: ImageSource = { kind: 'none', url: image.url, error: REFUSED_OUTSIDE };
  if (image.path === null || image.path === '') return fallback();
  // Absolute paths (POSIX or Windows-looking) are refused outright: records are relative by contract.
  if (path.isAbsolute(image.path) || path.win32.isAbsolute(image.path)) return refused;
  // From the real folder, `..` means what it meant to the import, which computed it between real folders.
  const folder = await fs.realpath(shardFolder).catch(() => shardFolder);
  const file = path.resolve(folder, image.path);
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return roots.some((root) => isInside(root, file)) ? fallback(`missing: ${image.path}`) : refused;
  }
  return roots.some((root) => isInside(root, real)) ? { kind: 'file', file: real, url: image.url } : refused;
}

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
