// The folders a shard's images may come from, as real paths (links resolved,
// so VS Code's prefix check on localResourceRoots matches the files we serve).
// The webview may show images from:
// - the shard's dataset folder (its folder's parent, kept inside the workspace);
// - the image folders `imagery import` recorded in imagery-images.json beside
//   the shard. That file sits among the data, so it is read as data: it can
//   only pick folders the import itself could have chosen, a release's
//   `data/processed/_images/<domain>` or the shard folder's `images/<domain>`,
//   never `/`, the home folder, a folder holding the workspace, the shard or the home.
// A model run sends images to another machine, so it takes them from the image
// folders only (the manifest's, and `images/<domain>` beside the shard), never
// from the whole dataset folder, where a `.env` may lie. Used by the editor
// and the CLI alike.
import { homedir } from 'node:os';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { copiedImageFolder, datasetRootCandidates, isImageFolderShape, isInside, tooWide, type Guarded } from './path-rules';
import { IMAGE_MANIFEST_NAME, manifestPath, readImageManifest } from './release/image-manifest';
import { Domain } from './shard/schema';

/**
 * Set to "1" in the integrated terminals of a workspace VS Code does not
 * trust (by the extension): the CLI then ignores the manifest as the editor does.
 */
export const UNTRUSTED_WORKSPACE_ENV = 'IMAGERY_UNTRUSTED_WORKSPACE';

/** Whether the CLI trusts the image manifest: yes, unless run from an untrusted workspace's terminal. */
export function cliTrustsManifest(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[UNTRUSTED_WORKSPACE_ENV] !== '1';
}

export interface ImageRootsInput {
  shardFile: string;
  workspaceFolders: readonly string[];
  /** False in a workspace VS Code does not trust: the manifest is then ignored. */
  trustManifest: boolean;
  /** The home folder (tests pass their own). */
  home?: string;
}

export interface ImageRoots {
  /** What the webview may show: real paths, most specific first. */
  roots: string[];
  /** What a model run may send: the image folders only (real paths). */
  imageFolders: string[];
  /** Why manifest entries were ignored, for the output channel. */
  warnings: string[];
}

async function real(folder: string): Promise<string | undefined> {
  try {
    const resolved = await fs.realpath(folder);
    return (await fs.stat(resolved)).isDirectory() ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/** Both spellings of a folder: as given, and its real path when it has one. */
async function spellings(folder: string): Promise<string[]> {
  const resolved = await real(folder);
  return resolved === undefined || resolved === folder ? [folder] : [folder, resolved];
}

export async function imageRootsFor(input: ImageRootsInput): Promise<ImageRoots> {
  const homeFolder = input.home ?? homedir();
  const guarded: Guarded = {
    home: await spellings(homeFolder),
    workspaces: (await Promise.all(input.workspaceFolders.map(spellings))).flat(),
  };
  const roots: string[] = [];
  const imageFolders: string[] = [];
  const warnings: string[] = [];
  const shardFolder = path.dirname(input.shardFile);
  const realShardFolder = await real(shardFolder);

  // The dataset folder, else the shard's own folder, whichever is not too wide (as named and as real).
  for (const candidate of datasetRootCandidates(input.shardFile, input.workspaceFolders)) {
    const resolved = await real(candidate);
    if (resolved !== undefined && !tooWide(candidate, guarded) && !tooWide(resolved, guarded)) {
      roots.push(resolved);
      break;
    }
  }

  if (realShardFolder === undefined) return { roots, imageFolders, warnings };
  // The copies `--copy-images` makes beside the shard: image folders with or without a manifest.
  for (const domain of Domain.options) {
    const resolved = await real(copiedImageFolder(realShardFolder, domain));
    if (resolved !== undefined && isImageFolderShape(resolved, domain, realShardFolder) && !tooWide(resolved, guarded))
      imageFolders.push(resolved);
  }
  if (!input.trustManifest) {
    if (
      await fs.lstat(manifestPath(realShardFolder)).then(
        () => true,
        () => false,
      )
    )
      warnings.push(`${path.join(shardFolder, IMAGE_MANIFEST_NAME)}: ignored: the workspace is not trusted`);
    return { roots, imageFolders, warnings };
  }
  const read = await readImageManifest(realShardFolder);
  if (read.kind === 'unreadable') warnings.push(`${path.join(shardFolder, IMAGE_MANIFEST_NAME)}: ignored: ${read.reason}`);
  if (read.kind !== 'ok') return { roots, imageFolders, warnings };
  for (const entry of read.manifest.imageFolders) {
    // Relative to the real folder: `..` then means what it meant to the import (see physicalPath).
    const resolved = await real(path.resolve(realShardFolder, entry.path));
    const refuse = (why: string) => warnings.push(`${IMAGE_MANIFEST_NAME}: ignored ${JSON.stringify(entry.path)}: ${why}`);
    if (resolved === undefined) {
      refuse('not a folder');
    } else if (!isImageFolderShape(resolved, entry.domain, realShardFolder)) {
      refuse(`not a release's data/processed/_images/${entry.domain} nor images/${entry.domain} beside the shard`);
    } else if (
      tooWide(resolved, guarded) ||
      [realShardFolder, ...guarded.workspaces].some((inner) => isInside(resolved, inner))
    ) {
      refuse('it holds the home folder, the workspace or the shard');
    } else {
      if (!roots.some((root) => isInside(root, resolved))) roots.push(resolved);
      if (!imageFolders.includes(resolved)) imageFolders.push(resolved);
    }
  }
  return { roots, imageFolders, warnings };
}
