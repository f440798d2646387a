// Where annotation logs live: beside the shard, one file per annotator, so two
// annotators never write the same file (and git merges their work cleanly).
import path from 'node:path';

export const ANNOTATIONS_DIR_SUFFIX = '.annotations';
export const LOG_EXTENSION = '.jsonl';

const MAX_FILE_STEM = 64;
// Names Windows refuses as file stems, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** `<shard>.annotations/`: the folder holding every annotator's log of this shard. */
export function annotationsDir(shardFile: string): string {
  return shardFile + ANNOTATIONS_DIR_SUFFIX;
}

/**
 * The file stem for an annotator name: NFC-normalised and lowercased (so
 * "Ana" and "ana" share one file on every file system), every run of
 * characters other than letters, digits, "-" and "_" becomes "_", and leading
 * or trailing "_"/"." are trimmed (no hidden files, no ".."). Cut to 64
 * characters; a Windows device name gets a leading "_". The event itself keeps
 * the name as typed.
 */
export function sanitizeAnnotatorName(annotator: string): string {
  const stem = annotator
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^[_.]+|[_.]+$/g, '')
    .slice(0, MAX_FILE_STEM);
  if (stem === '') throw new Error(`annotator name ${JSON.stringify(annotator)} has no letter or digit to name a log file`);
  return WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem;
}

/** Names equal after NFC and lowercasing are one annotator; any other two names are two people. */
export function sameAnnotator(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/**
 * The clear refusal when two annotators' names map to one log file ("Ana.B",
 * "ana b" and "ana_b"; names equal in their first 64 characters).
 */
export class SharedLogError extends Error {
  constructor(
    readonly file: string,
    readonly annotator: string,
    readonly owner: string,
  ) {
    super(
      `${file} holds the annotations of ${JSON.stringify(owner)}, and the annotator name ${JSON.stringify(annotator)} maps to the ` +
        'same file; nothing was written. Choose a name that differs in its letters or digits (setting imageryAnnotator.annotator)',
    );
  }
}

/** `<shard>.annotations/<sanitised annotator>.jsonl`. */
export function annotationLogPath(shardFile: string, annotator: string): string {
  return path.join(annotationsDir(shardFile), sanitizeAnnotatorName(annotator) + LOG_EXTENSION);
}
