// The path and image rules, in one place because they are security rules:
// data (shards, manifests, queues, releases) names files, and a name must not
// lead out of the folder it belongs to, nor make a non-image travel as one.
// The editor, the CLI, the importer and the model runs all use these.
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
