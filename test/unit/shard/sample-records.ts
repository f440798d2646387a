// Small valid shard records for the shard tests (synthetic).
import { SHARD_SCHEMA_VERSION, type ShardRecord } from '../../../src/core/shard/schema';

export function sampleRecord(id: string, overrides: Partial<ShardRecord> = {}): ShardRecord {
  return {
    schema_version: SHARD_SCHEMA_VERSION,
    id,
    domain: 'music',
    subreddit: 'PictureTheSound',
    title: `Request ${id} — “quoted” ünïcode`,
    selftext: 'line one\nline two',
    author: null,
    permalink: `/r/PictureTheSound/comments/${id}/x/`,
    created_utc: 1700000000,
    over_18: false,
    comment_ids: ['c1'],
    image_names: [],
    image_urls: [],
    combined_image: null,
    images: [],
    comments: [{ id: 'c1', raw: 'Try A - B', upvotes: 2, created_utc: null, extraction: { raw: 'A - B', items: ['a - b'] } }],
    relevance: [['a - b', 2]],
    choice: null,
    runs: [],
    ...overrides,
  };
}

export const line = (value: unknown): string => JSON.stringify(value);
