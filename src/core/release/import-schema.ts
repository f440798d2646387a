// The released file formats, as far as the importer relies on them. Loose
// where the release varies (missing optional fields), strict on what is used.
import * as z from 'zod';

export const ReleaseSubmission = z.object({
  submission_id: z.string().min(1),
  title: z.string(),
  selftext: z
    .string()
    .nullish()
    .transform((text) => text ?? ''),
  author: z
    .string()
    .nullish()
    .transform((author) => author ?? null),
  created_utc: z
    .number()
    .nullish()
    .transform((time) => time ?? null),
  over_18: z
    .boolean()
    .nullish()
    .transform((flag) => flag ?? false),
  permalink: z
    .string()
    .nullish()
    .transform((link) => link ?? ''),
  subreddit: z.string(),
  comment_ids: z
    .array(z.string())
    .nullish()
    .transform((ids) => ids ?? []),
  images: z
    .array(z.string())
    .nullish()
    .transform((names) => names ?? []),
  image_urls: z
    .array(z.string())
    .nullish()
    .transform((urls) => urls ?? []),
  combined_image: z
    .string()
    .nullish()
    .transform((name) => name ?? null),
  choices: z.array(z.string()).length(5).optional(),
  true_index: z.number().int().min(0).max(4).optional(),
});
export type ReleaseSubmission = z.infer<typeof ReleaseSubmission>;

export const ReleaseComment = z.object({
  comment_id: z.string().min(1),
  submission_id: z.string().min(1),
  raw: z.string(),
  upvotes: z.number(),
  created_utc: z
    .number()
    .nullish()
    .transform((time) => time ?? null),
  /** The extractor's answer; only in comments_processed.jsonl. */
  processed: z.string().nullish(),
});
export type ReleaseComment = z.infer<typeof ReleaseComment>;

/** One line of intermediate/<model>/<domain>/<input>/<task>.jsonl: the request plus the answer field. */
export const ReleaseRunLine = z.looseObject({
  submission_id: z.string().min(1),
  rec_title: z.string().nullish(),
  rec_choice: z.string().nullish(),
  description: z.array(z.string()).nullish(),
});
export type ReleaseRunLine = z.infer<typeof ReleaseRunLine>;
