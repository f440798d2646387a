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
