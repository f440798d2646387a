// The suggestions of batch extraction runs (`imagery extract --shards … --out
// extractions`) for the shown request, shown like inline ones without a call.
// Runs are looked for where that command's README example writes them: an
// `extractions` folder beside the shard's folder (in the dataset folder) or
// inside it, as extractions/<name>/<domain>/comments_processed.jsonl. A file is
// read once and again only when it changes; its unusable lines are told once
// (naming file and line) and its other lines are still used.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { UnreadableLine } from '../../release/import-jsonl';
import type { ShardRecord } from '../../shard/schema';
import { readExtractionOutput, listExtractionOutputs, type ExtractionOutput } from './batch-output';
import type { ExtractionSuggestionRun } from './suggestion-run';

export const EXTRACTIONS_FOLDER = 'extractions';

interface Cached {
  stamp: string;
  read: Promise<ExtractionOutput>;
}

const cache = new Map<string, Cached>();

/** The folders a shard's batch extraction runs may sit in. */
export function extractionFolders(shardFile: string): string[] {
  const shardDir = path.dirname(shardFile);
  return [path.join(path.dirname(shardDir), EXTRACTIONS_FOLDER), path.join(shardDir, EXTRACTIONS_FOLDER)];
}

async function readCached(file: string, onProblem: (problem: UnreadableLine) => void): Promise<ExtractionOutput> {
  const stat = await fs.stat(file);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const known = cache.get(file);
  if (known?.stamp === stamp) return known.read;
  const read = readExtractionOutput(file).then((result) => {
    for (const problem of result.problems) onProblem(problem);
    return result;
  });
  cache.set(file, { stamp, read });
  read.catch(() => cache.delete(file));
  return read;
}

/** Every batch run's items for the comments of `record`, by run name. */
export async function gatherBatchSuggestions(
  shardFile: string,
  record: ShardRecord,
  onProblem: (problem: UnreadableLine) => void,
): Promise<ExtractionSuggestionRun[]> {
  const runs: ExtractionSuggestionRun[] = [];
  for (const folder of extractionFolders(shardFile)) {
    for (const run of listExtractionOutputs(folder, record.domain)) {
      const { byComment } = await readCached(run.file, onProblem);
      for (const comment of record.comments) {
        const answer = byComment.get(comment.id);
        if (answer)
          runs.push({ comment: comment.id, items: answer.items, source: { kind: 'batch', run: run.name, file: run.file } });
      }
    }
  }
  return runs;
}
