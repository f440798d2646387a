// The folders a shard's webview may load images from, as real paths (links
// resolved, so VS Code's prefix check on localResourceRoots matches the files
// we serve). Two sources:
// - the shard's dataset folder (its folder's parent, kept inside the workspace);
// - the image folders `imagery import` recorded in imagery-images.json beside
//   the shard. That file sits among the data, so it is read as data: it can
//   only pick folders the import itself could have chosen, a release's
//   `data/processed/_images/<domain>` or the shard folder's `images/<domain>`,
//   never `/`, the home folder, a folder holding the workspace, the shard or the home.
import { homedir } from 'node:os';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMAGE_MANIFEST_NAME, readImageManifest } from '../../../core/release/image-manifest';
import { datasetRootCandidates, isInside, tooWide, type Guarded } from './images';

export interface ImageRootsInput {
  shardFile: string;
  workspaceFolders: readonly string[];
  /** False in a workspace VS Code does not trust: the manifest is then ignored. */
  trustManifest: boolean;
  /** The home folder (tests pass their own). */
  home?: string;
}

export interface ImageRoots {
  /** Real paths, most specific first. */
  roots: string[];
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

const RELEASE_TAIL = ['data', 'processed', '_images'];

/** Is `folder` shaped like an image folder `imagery import` chooses for `domain`? */
function importable(folder: string, domain: string, shardFolder: string): boolean {
  if (folder === path.join(shardFolder, 'images', domain)) return true;
  const parts = folder.split(path.sep);
  const tail = [...RELEASE_TAIL, domain];
  return parts.length > tail.length && tail.every((part, i) => parts[parts.length - tail.length + i] === part);
}

export async function imageRootsFor(input: ImageRootsInput): Promise<ImageRoots> {
  const homeFolder = input.home ?? homedir();
  const guarded: Guarded = {
    home: await spellings(homeFolder),
    workspaces: (await Promise.all(input.workspaceFolders.map(spellings))).flat(),
  };
  const roots: string[] = [];
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

  if (!input.trustManifest || realShardFolder === undefined) return { roots, warnings };
  const read = await readImageManifest(realShardFolder);
  if (read.kind === 'unreadable') warnings.push(`${path.join(shardFolder, IMAGE_MANIFEST_NAME)}: ignored: ${read.reason}`);
  if (read.kind !== 'ok') return { roots, warnings };
  for (const entry of read.manifest.imageFolders) {
    // Relative to the real folder: `..` then means what it meant to the import (see physicalPath).
    const resolved = await real(path.resolve(realShardFolder, entry.path));
    const refuse = (why: string) => warnings.push(`${IMAGE_MANIFEST_NAME}: ignored ${JSON.stringify(entry.path)}: ${why}`);
    if (resolved === undefined) {
      refuse('not a folder');
    } else if (!importable(resolved, entry.domain, realShardFolder)) {
      refuse(`not a release's data/processed/_images/${entry.domain} nor images/${entry.domain} beside the shard`);
    } else if (
      tooWide(resolved, guarded) ||
      [realShardFolder, ...guarded.workspaces].some((inner) => isInside(resolved, inner))
    ) {
      refuse('it holds the home folder, the workspace or the shard');
    } else if (!roots.some((root) => isInside(root, resolved))) {
      roots.push(resolved);
    }
  }
  return { roots, warnings };
}
