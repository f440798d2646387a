// One line of DIR/<name>/<domain>/comments_processed.jsonl, written as the
// paper's extraction script wrote it: the comment as the release's
// comments.jsonl holds it (json.dumps, ensure_ascii) with "processed": <answer>
// added last, so the paper's pipeline and `imagery import` read it.
import path from 'node:path';
import { PyFloat, pyJsonLine, type PyValue } from '../../release/export-python-json';
import type { ShardComment, ShardRecord } from '../../shard/schema';
import { modelFolderName } from '../batch/release-line';

export const EXTRACTION_FILE = 'comments_processed.jsonl';

export function extractionLine(record: ShardRecord, comment: ShardComment, answer: string): string {
  const fields = new Map<string, PyValue>([
    ['comment_id', comment.id],
    ['submission_id', record.id],
    ['subreddit', record.subreddit],
    ['raw', comment.raw],
    ['created_utc', comment.created_utc === null ? null : new PyFloat(comment.created_utc)],
    ['upvotes', comment.upvotes],
    ['processed', answer],
  ]);
  return pyJsonLine(fields) + '\n';
}

/** DIR/<name>/<domain>/comments_processed.jsonl, the paper's layout. */
export function extractionFilePath(outDir: string, name: string, domain: string): string {
  return path.join(outDir, modelFolderName(name), domain, EXTRACTION_FILE);
}
