// Annotations follow their requests across a re-import. Logs sit beside a
// shard file (<shard>.annotations/<annotator>.jsonl), and another shard size
// or the unsampled requests added or left out put requests in other shard
// files. Each annotator's events for a moved request go to that annotator's
// log beside the request's new shard (lines kept byte for byte, each log's
// order kept); a request that the new import leaves out entirely would lose
// its annotations, so the import is refused, naming the logs and requests.
import { readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, readBytesFrom } from '../annotations/log-file';
import { ANNOTATIONS_DIR_SUFFIX, LOG_EXTENSION } from '../annotations/paths';
import { SHARD_EXTENSION, type Domain } from '../shard/schema';
import { writeFileWhole } from '../write-whole';
import { ReleaseImportError } from './import';

/** Events that moved from one log to another. */
export interface LogMove {
  from: string;
  to: string;
  events: number;
}

export interface AnnotationsMoved {
  /** Events moved to another shard's log. */
  events: number;
  /** The requests they are about, in the order first met. */
  requests: string[];
  moves: LogMove[];
}

export interface LogPlan extends AnnotationsMoved {
  /** Writes the new logs (each whole: temp file, fsync, rename), then removes the emptied ones. */
  commit(): Promise<void>;
}

const MAX_LISTED = 20;

/** The `.annotations` folders of numbered shards of `domain` in `outDir`, shard or not, sorted. */
async function annotationFolders(outDir: string, domain: Domain): Promise<string[]> {
  const pattern = new RegExp(`^${domain}-\\d{3,}\\${SHARD_EXTENSION}\\${ANNOTATIONS_DIR_SUFFIX}$`);
  try {
    return (await readdir(outDir))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => path.join(outDir, name));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** A line's request id, or null when the line is not an event naming one (it stays where it is). */
function requestOf(line: string): string | null {
  try {
    const value: unknown = JSON.parse(line);
    const request = (value as { request?: unknown } | null)?.request;
    return typeof request === 'string' ? request : null;
  } catch {
    return null;
  }
}

/**
 * Where every annotation of `domain` in `outDir` goes once the new shards are
 * in place. `placement`: request id -> the shard file that will hold it.
 * Throws a ReleaseImportError, before anything is written, when an annotated
 * request (or an unreadable line) would be left beside no shard.
 */
export async function planLogMoves(outDir: string, domain: Domain, placement: ReadonlyMap<string, string>): Promise<LogPlan> {
  const shardFiles = new Set(placement.values());
  const contents = new Map<string, string[]>();
  /** Each log's text as it is now: only logs whose text changes are written. */
  const before = new Map<string, string>();
  const detached = new Map<string, Set<string>>();
  const moved = new Map<string, LogMove>();
  const requests = new Set<string>();
  let events = 0;
  for (const folder of await annotationFolders(outDir, domain)) {
    const shard = folder.slice(0, -ANNOTATIONS_DIR_SUFFIX.length);
    const names = (await readdir(folder)).filter((name) => name.endsWith(LOG_EXTENSION)).sort();
    for (const name of names) {
      const from = path.join(folder, name);
      const text = (await readBytesFrom(from, 0)).bytes.toString('utf8');
      before.set(from, text);
      const lines = text.split('\n');
      if (lines.at(-1) === '') lines.pop();
      for (const line of lines) {
        if (line.trim() === '') continue;
        const request = requestOf(line);
        const target = request === null ? (shardFiles.has(shard) ? shard : undefined) : placement.get(request);
        if (target === undefined) {
          const lost = detached.get(from) ?? new Set<string>();
          lost.add(request ?? 'an unreadable line');
          detached.set(from, lost);
          continue;
        }
        const to = path.join(target + ANNOTATIONS_DIR_SUFFIX, name);
        const kept = contents.get(to);
        if (kept) kept.push(line);
        else contents.set(to, [line]);
        if (target === shard) continue;
        events += 1;
        if (request !== null) requests.add(request);
        const move = moved.get(`${from}\n${to}`) ?? { from, to, events: 0 };
        move.events += 1;
        moved.set(`${from}\n${to}`, move);
      }
    }
  }
  if (detached.size > 0) throw detachedError(detached);
  const moves = [...moved.values()];
  const commit = async (): Promise<void> => {
    // An editor may have appended since the plan was made: plan again from what is there now, so nothing is lost.
    for (const [file, text] of before)
      if ((await readBytesFrom(file, 0)).bytes.toString('utf8') !== text)
        return (await planLogMoves(outDir, domain, placement)).commit();
    if (moves.length === 0) return;
    for (const [file, lines] of contents) {
      const text = lines.map((line) => line + '\n').join('');
      if (before.get(file) !== text) await writeFileWhole(file, text);
    }
    for (const file of before.keys()) if (!contents.has(file)) await unlink(file);
    // Folders emptied by the move go too (rmdir refuses a folder still holding anything).
    for (const file of before.keys()) await rmdir(path.dirname(file)).catch(() => undefined);
  };
  return { events, requests: [...requests], moves, commit };
}

function detachedError(detached: ReadonlyMap<string, ReadonlySet<string>>): ReleaseImportError {
  const [first] = detached.keys();
  const lines = [...detached].map(([log, ids]) => {
    const list = [...ids];
    const more = list.length > MAX_LISTED ? ` and ${list.length - MAX_LISTED} more` : '';
    return `  ${log}: ${list.slice(0, MAX_LISTED).join(', ')}${more}`;
  });
  return new ReleaseImportError(
    first,
    `this import would detach annotations: these logs hold events of requests the new import leaves out, so nothing was written. ` +
      `Import them too (e.g. as before, with or without the unsampled requests), or move these logs away first:\n${lines.join('\n')}`,
  );
}
