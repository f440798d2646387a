// Builds one shard record from the joined release pieces. Pure: no I/O.
import {
  SHARD_SCHEMA_VERSION,
  type Domain,
  type MultipleChoice,
  type ShardComment,
  type ShardImage,
  type ShardRecord,
  type StoredRun,
} from '../shard/schema';
import type { ReleaseSubmission } from './import-schema';

export interface RecordParts {
  domain: Domain;
  submission: ReleaseSubmission;
  /** Multiple-choice candidates when the request is in submissions_ns. */
  choice: MultipleChoice | null;
  comments: ShardComment[];
  relevance: [string, number][];
  runs: StoredRun[];
  images: ShardImage[];
}

/** Choices as released, when both `choices` and `true_index` are there. */
export function choiceOf(submission: ReleaseSubmission): MultipleChoice | null {
  if (!submission.choices || submission.true_index === undefined) return null;
  return { choices: submission.choices, true_index: submission.true_index };
}

export function buildRecord(parts: RecordParts): ShardRecord {
  const { submission } = parts;
  return {
    schema_version: SHARD_SCHEMA_VERSION,
    id: submission.submission_id,
    domain: parts.domain,
    subreddit: submission.subreddit,
    title: submission.title,
    selftext: submission.selftext,
    author: submission.author,
    permalink: submission.permalink,
    created_utc: submission.created_utc,
    over_18: submission.over_18,
    comment_ids: submission.comment_ids,
    image_names: submission.images,
    image_urls: submission.image_urls,
    combined_image: submission.combined_image,
    images: parts.images,
    comments: parts.comments,
    relevance: parts.relevance,
    choice: parts.choice,
    runs: parts.runs,
  };
}
