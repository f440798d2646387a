// A request's fields as the release's submissions files hold them, in the
// release's key order: the export writes them, and batch runs start each answer
// line with them, as the paper's scripts did.
import type { ShardRecord } from '../shard/schema';
import { PyFloat, type PyValue } from './export-python-json';

/** A request as submissions.jsonl holds it: the release's fields in the release's key order. */
export function releaseFields(record: ShardRecord): Map<string, PyValue> {
  return new Map<string, PyValue>([
    ['submission_id', record.id],
    ['title', record.title],
    ['selftext', record.selftext],
    ['author', record.author],
    ['created_utc', record.created_utc === null ? null : new PyFloat(record.created_utc)],
    ['over_18', record.over_18],
    ['permalink', record.permalink],
    ['subreddit', record.subreddit],
    ['comment_ids', record.comment_ids],
    ['images', record.image_names],
    ['image_urls', record.image_urls],
    ['combined_image', record.combined_image],
  ]);
}
