// The shard format, version 1. One self-contained request per JSONL line.
// Documented in README.md ("Shard format"); bump SHARD_SCHEMA_VERSION on any
// incompatible change and keep reading the older versions.
import * as z from 'zod';

export const SHARD_SCHEMA_VERSION = 1;
export const SHARD_EXTENSION = '.shard.jsonl';

export const Domain = z.enum(['books', 'music']);
export type Domain = z.infer<typeof Domain>;

/** One image of a request: a local file (relative to the shard's folder) and/or its original URL. */
export const ShardImage = z.object({
  /** Path relative to the folder holding the shard; null when no local copy exists. */
  path: z.string().nullable(),
  /** Original (remote) URL; null when unknown. */
  url: z.string().nullable(),
});
export type ShardImage = z.infer<typeof ShardImage>;

/** The extractor's answer for one comment. `raw` is null when the release had no extraction. */
export const Extraction = z.object({
  raw: z.string().nullable(),
  /** Items parsed from `raw` with the paper's extraction parser ("creator - title" or "creator"). */
  items: z.array(z.string()),
});
export type Extraction = z.infer<typeof Extraction>;

export const ShardComment = z.object({
  id: z.string().min(1),
  raw: z.string(),
  upvotes: z.number(),
  created_utc: z.number().nullable(),
  extraction: Extraction,
});
export type ShardComment = z.infer<typeof ShardComment>;

export const Task = z.enum(['rec_title', 'rec_choice', 'description']);
export type Task = z.infer<typeof Task>;

/** A stored model answer for this request, raw text kept. */
export const StoredRun = z.object({
  /** Model name, e.g. "gpt-4-vision-preview". */
  model: z.string().min(1),
  /** Input: "image" for raw images, or the description source model (e.g. "OFA-huge"). */
  input: z.string().min(1),
  task: Task,
  /** rec_title / rec_choice: the answer text; description: one string per image. */
  answer: z.union([z.string(), z.array(z.string())]),
  /** Descriptions the run was given (text-only models), when stored with the answer. */
  descriptions: z.array(z.string()).optional(),
});
export type StoredRun = z.infer<typeof StoredRun>;

export const MultipleChoice = z.object({
  choices: z.array(z.string()).length(5),
  true_index: z.number().int().min(0).max(4),
});
export type MultipleChoice = z.infer<typeof MultipleChoice>;

export const ShardRecord = z.object({
  schema_version: z.literal(SHARD_SCHEMA_VERSION),
  id: z.string().min(1),
  domain: Domain,
  subreddit: z.string(),
  title: z.string(),
  selftext: z.string(),
  author: z.string().nullable(),
  /** As released: a path beginning "/r/..."; the full URL is https://www.reddit.com + permalink. */
  permalink: z.string(),
  created_utc: z.number().nullable(),
  over_18: z.boolean(),
  comment_ids: z.array(z.string()),
  /** Local image file names as released (the first 4 at most). */
  image_names: z.array(z.string()),
  /** Every original image URL as released. */
  image_urls: z.array(z.string()),
  combined_image: z.string().nullable(),
  /** Display list: one entry per image, local path when the file was found at import. */
  images: z.array(ShardImage),
  comments: z.array(ShardComment),
  /** S_r(i) as released (recs.json), in file order: [item, score] pairs. */
  relevance: z.array(z.tuple([z.string(), z.number()])),
  /** Multiple-choice candidates when the request is in the benchmark (submissions_ns). */
  choice: MultipleChoice.nullable(),
  runs: z.array(StoredRun),
});
export type ShardRecord = z.infer<typeof ShardRecord>;

/** Key of a stored run, unique within a request: "model/input/task". */
export function runKey(run: Pick<StoredRun, 'model' | 'input' | 'task'>): string {
  return `${run.model}/${run.input}/${run.task}`;
}

export const REDDIT_ORIGIN = 'https://www.reddit.com';

/**
 * The post on Reddit: https://www.reddit.com + the permalink's path (a full
 * URL on that origin is taken as its path). Null for anything else, e.g.
 * "@evil.example/r/x", which would make www.reddit.com the user name of another host.
 */
export function permalinkUrl(permalink: string): string | null {
  const path = permalink.startsWith(`${REDDIT_ORIGIN}/`) ? permalink.slice(REDDIT_ORIGIN.length) : permalink;
  if (!path.startsWith('/')) return null;
  const url = REDDIT_ORIGIN + path;
  return isRedditUrl(url) ? url : null;
}

/** True for an https://www.reddit.com/... URL with no user name, password or port: all the host agrees to open. */
export function isRedditUrl(url: string): boolean {
  if (!url.startsWith(`${REDDIT_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === REDDIT_ORIGIN && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}
