// A small dataset on disk for model-run tests: one shard folder holding the
// image folder `imagery import --copy-images` makes, and records built in code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { makeTempDir } from '../annotations/temp';

/** A PNG signature and some bytes: enough for MIME sniffing and base64 checks. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);

export interface Dataset {
  root: string;
  shardFile: string;
}

/** root/shards/test.shard.jsonl with images root/shards/images/music/a.png and b.jpg. */
export function makeDataset(t: { after: (fn: () => void) => void }, records: ShardRecord[] = []): Dataset {
  const root = makeTempDir(t, 'imagery-models-');
  mkdirSync(path.join(root, 'shards', 'images', 'music'), { recursive: true });
  writeFileSync(path.join(root, 'shards', 'images', 'music', 'a.png'), PNG_BYTES);
  writeFileSync(path.join(root, 'shards', 'images', 'music', 'b.jpg'), JPEG_BYTES);
  const shardFile = path.join(root, 'shards', 'test.shard.jsonl');
  writeFileSync(shardFile, records.map((record) => JSON.stringify(record) + '\n').join(''));
  return { root, shardFile };
}

export function makeRecord(overrides: Partial<ShardRecord> = {}): ShardRecord {
  return {
    schema_version: 1,
    id: 'r1',
    domain: 'music',
    subreddit: 'ifyoulikeblank',
    title: 'Songs that sound like this picture?',
    selftext: 'Rainy city at night.',
    author: 'someone',
    permalink: '/r/ifyoulikeblank/comments/r1/x/',
    created_utc: 1_700_000_000,
    over_18: false,
    comment_ids: ['c1', 'c2'],
    image_names: ['a.png', 'b.jpg'],
    image_urls: ['https://i.example.invalid/a.png', 'https://i.example.invalid/b.jpg'],
    combined_image: null,
    images: [
      { path: 'images/music/a.png', url: 'https://i.example.invalid/a.png' },
      { path: 'images/music/b.jpg', url: 'https://i.example.invalid/b.jpg' },
    ],
    comments: [
      {
        id: 'c1',
        raw: 'Try Night Owls by Blue Hour',
        upvotes: 5,
        created_utc: null,
        extraction: { raw: 'blue hour - night owls', items: ['blue hour - night owls'] },
      },
      {
        id: 'c2',
        raw: 'Anything by Zed Band',
        upvotes: 2,
        created_utc: null,
        extraction: { raw: 'zed band', items: ['zed band'] },
      },
    ],
    relevance: [
      ['blue hour - night owls', 5],
      ['zed band', 2],
    ],
    choice: { choices: ['alpha - one', 'blue hour - night owls', 'gamma - three', 'delta - four', 'echo - five'], true_index: 1 },
    runs: [],
    ...overrides,
  };
}
