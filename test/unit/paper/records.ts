// Synthetic ShardRecord builder for the paper tests (made-up data only).
import type { ShardRecord } from '../../../src/core/shard/schema';

export function makeRecord(overrides: Partial<ShardRecord> & Pick<ShardRecord, 'id'>): ShardRecord {
  return {
    schema_version: 1,
    domain: 'music',
    subreddit: 'PictureTheSound',
    title: 'songs for this picture?',
    selftext: '',
    author: null,
    permalink: `/r/PictureTheSound/comments/${overrides.id}/x/`,
    created_utc: null,
    over_18: false,
    comment_ids: [],
    image_names: [],
    image_urls: [],
    combined_image: null,
    images: [],
    comments: [],
    relevance: [],
    choice: null,
    runs: [],
    ...overrides,
  };
}
