// Where the shared release lives, and how real-data tests skip without it.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The released dataset, read-only; IMAGERY_DATASET overrides the default sibling folder. */
export const SHARED_DATASET =
  process.env.IMAGERY_DATASET ?? path.resolve(REPO_ROOT, '..', 'shared', 'datasets', 'imagery-as-inquiry');

export const hasSharedDataset = existsSync(path.join(SHARED_DATASET, 'data', 'processed'));

/** For node:test's `skip` option: false when present, else a reason that names the folder. */
export const skipWithoutDataset: false | string = hasSharedDataset
  ? false
  : `shared dataset absent at ${SHARED_DATASET} (set IMAGERY_DATASET to run the real-data tests)`;
