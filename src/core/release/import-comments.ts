// Groups the released first-level comments by request. With only the raw
// comments.jsonl, the extraction is marked missing (raw null, no items), so an
// annotator sees it was never run rather than that it found nothing.
import { parseExtraction } from '../paper/extraction';
import type { ShardComment } from '../shard/schema';
import { readJsonlFile, type UnreadableLine } from './import-jsonl';
import { ReleaseComment } from './import-schema';

export interface CommentsByRequest {
  byRequest: Map<string, ShardComment[]>;
  problems: UnreadableLine[];
}

export async function readComments(file: string, hasExtraction: boolean, signal?: AbortSignal): Promise<CommentsByRequest> {
  const byRequest = new Map<string, ShardComment[]>();
  const problems: UnreadableLine[] = [];
  for await (const entry of readJsonlFile(file, ReleaseComment, signal)) {
    if (!entry.ok) {
      problems.push(entry.problem);
      continue;
    }
    const comment = entry.value;
    const raw = hasExtraction ? (comment.processed ?? null) : null;
    let list = byRequest.get(comment.submission_id);
    if (!list) byRequest.set(comment.submission_id, (list = []));
    list.push({
      id: comment.comment_id,
      raw: comment.raw,
      upvotes: comment.upvotes,
      created_utc: comment.created_utc,
      extraction: { raw, items: raw === null ? [] : parseExtraction(raw) },
    });
  }
  return { byRequest, problems };
}

/**
 * Every comment's extraction taken from an extraction run's file (`imagery
 * extract --shards`, or the paper's script) instead of the release's: a
 * comment the run did not answer is marked missing (raw null), not kept from
 * the release. Returns how many comments the run answered.
 */
export function replaceExtraction(
  byRequest: Map<string, ShardComment[]>,
  answers: ReadonlyMap<string, { answer: string }>,
): number {
  let answered = 0;
  for (const comments of byRequest.values())
    for (const comment of comments) {
      const run = answers.get(comment.id);
      if (run) answered++;
      comment.extraction = run ? { raw: run.answer, items: parseExtraction(run.answer) } : { raw: null, items: [] };
    }
  return answered;
}
