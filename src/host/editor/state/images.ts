// Which image a webview may load. Local paths are confined to the image roots
// (the dataset folder and the folders import chose, see core/image-roots.ts)
// by the core's path rules: no `..` escape, no absolute paths, no symlink
// leading out; remote URLs pass only over https. No vscode import: the panel
// turns a confined file into a webview URI.
import { promises as fs } from 'node:fs';
import { confineFile, safeRemoteUrl } from '../../../core/path-rules';
import type { ShardImage } from '../../../core/shard/schema';

export const REFUSED_OUTSIDE = 'refused: path leaves the dataset';

export type ImageSource =
  | { kind: 'file'; file: string; url: string | null }
  | { kind: 'remote'; src: string; url: string }
  | { kind: 'none'; url: string | null; error?: string };

/**
 * Resolves `image.path` against the shard's folder, confined to `roots` (real
 * paths). The check is on the file's real path, and the real path is what is
 * served, so a link above the dataset (a linked `shared/`, macOS `/tmp`) still
 * matches VS Code's prefix check. A missing local file falls back to the https
 * URL when there is one.
 */
export async function resolveImageSource(image: ShardImage, shardFolder: string, roots: readonly string[]): Promise<ImageSource> {
  const remote = safeRemoteUrl(image.url);
  const fallback = (error?: string): ImageSource =>
    remote ? { kind: 'remote', src: remote, url: remote } : { kind: 'none', url: image.url, error };
  if (image.path === null || image.path === '') return fallback();
  const confined = await confineFile(image.path, shardFolder, roots);
  if (confined.kind === 'refused') return { kind: 'none', url: image.url, error: REFUSED_OUTSIDE };
  if (confined.kind === 'missing') return fallback(`missing: ${image.path}`);
  // A FIFO or a device would hang the webview's resource request; a folder shows nothing.
  const stat = await fs.stat(confined.file).catch(() => null);
  if (!stat?.isFile()) return fallback(`not a regular file: ${image.path}`);
  return { kind: 'file', file: confined.file, url: image.url };
}
