// Which image a webview may load. Local paths are confined to the dataset
// root (no `..` escape, no absolute paths, no symlink leading out); remote
// URLs pass only over https. No vscode import: the panel turns a confined
// file into a webview URI.
import { promises as fs } from 'node:fs';
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

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..` as a whole first segment leaves the root; a name such as `..covers` does not.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Resolves `image.path` against the shard's folder, confined to `datasetRoot`.
 * A missing local file falls back to the https URL when there is one.
 */
export async function resolveImageSource(image: ShardImage, shardFolder: string, datasetRoot: string): Promise<ImageSource> {
  const remote = safeRemoteUrl(image.url);
  const fallback = (error?: string): ImageSource =>
    remote ? { kind: 'remote', src: remote, url: remote } : { kind: 'none', url: image.url, error };
  if (image.path === null || image.path === '') return fallback();
  // Absolute paths (POSIX or Windows-looking) are refused outright: records are relative by contract.
  if (path.isAbsolute(image.path) || path.win32.isAbsolute(image.path)) return { kind: 'none', url: image.url, error: REFUSED_OUTSIDE };
  const file = path.resolve(shardFolder, image.path);
  if (!isInside(datasetRoot, file)) return { kind: 'none', url: image.url, error: REFUSED_OUTSIDE };
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return fallback(`missing: ${image.path}`);
  }
  const realRoot = await fs.realpath(datasetRoot).catch(() => datasetRoot);
  if (!isInside(realRoot, real)) return { kind: 'none', url: image.url, error: REFUSED_OUTSIDE };
  return { kind: 'file', file: real, url: image.url };
}

/**
 * The folder whose files the webview may load: the shard folder's parent
 * (a release usually keeps `shards/` beside its images), but never above the
 * workspace folder that holds the shard, so a shard at a workspace's top does
 * not expose the folders around it.
 */
export function datasetRootFor(shardFile: string, workspaceFolders: readonly string[]): string {
  const shardFolder = path.dirname(shardFile);
  const parent = path.dirname(shardFolder);
  const workspace = workspaceFolders
    .filter((folder) => isInside(folder, shardFile))
    .sort((a, b) => b.length - a.length)[0];
  if (workspace !== undefined && !isInside(workspace, parent)) return workspace;
  return parent;
}
