// Synthetic shards of any size whose field sizes follow the shared release:
// the deciles below were measured once with bench/shards/measure-fields.ts
// (2,266 requests, both domains) and are the only thing taken from the data.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARD_SCHEMA_VERSION, type ShardRecord } from '../../src/core/shard/schema';
import { serializeRecord } from '../../src/core/shard/writer';

/** Bump when the output changes, so cached shards are regenerated. */
const GENERATOR_VERSION = 1;

/** Deciles (0%, 10%, ..., 100%) of each field in the release. */
const DECILES = {
  title: [1, 22, 26, 27, 31, 35, 40, 47, 58, 82, 281],
  /** 90% of posts have no text; the top decile in 1% steps. */
  selftextTop: [85, 96, 108, 130, 144, 180, 209, 238, 295, 392, 1725],
  /** 96% of requests carry no comment with an extraction; the top decile in 1% steps. */
  commentsTop: [0, 0, 0, 0, 0, 0, 0, 3, 7, 14, 436],
  commentRaw: [3, 17, 22, 27, 33, 43, 55, 72, 97, 158, 1891],
  items: [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 39],
  itemLength: [4, 14, 17, 20, 22, 25, 27, 30, 34, 39, 82],
  /** Whole record, stored runs left out. */
  recordBytes: [774, 1055, 1234, 1415, 1636, 1925, 2390, 2876, 3595, 5106, 120519],
  /** Its top decile in 1% steps (a long tail: the largest request is 118 KB). */
  recordBytesTop: [5106, 5373, 5609, 6084, 6565, 7433, 9201, 13944, 16726, 20059, 120519],
};

/** Deterministic, so every run of the benchmark reads the same shards. */
class Random {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed / 2 ** 32;
  }
  /** A draw from a distribution given by 11 evenly spaced quantiles, interpolated. */
  quantiles(q: readonly number[], u = this.next()): number {
    const at = u * 10;
    const i = Math.floor(at);
    return Math.round(q[i] + (q[i + 1] - q[i]) * (at - i));
  }
  /** A field that is zero for the first 90%, then follows the top-decile quantiles. */
  topDecile(q: readonly number[]): number {
    return this.next() < 0.9 ? 0 : this.quantiles(q);
  }
  /** The first nine deciles from `q`, the top one from `top` (1% steps). */
  withTail(q: readonly number[], top: readonly number[]): number {
    const u = this.next();
    return u < 0.9 ? this.quantiles(q, u) : this.quantiles(top, (u - 0.9) * 10);
  }
}

const text = (random: Random, length: number): string => {
  const words = [
    'the',
    'album',
    'cover',
    'song',
    'sounds',
    'like',
    'book',
    'night',
    'rain',
    'city',
    'blue',
    'quiet',
    'café',
    'über',
  ];
  let out = '';
  while (out.length < length) out += words[Math.floor(random.next() * words.length)] + ' ';
  return out.slice(0, length);
};

/** Ten bytes each once serialized ("abcdefg",); shared strings keep generation fast. */
const PADDING_IDS = Array.from({ length: 12_000 }, (_, i) => `k${i.toString(36).padStart(6, '0')}`);

function syntheticRecord(random: Random, n: number): ShardRecord {
  const id = `syn${n.toString(36).padStart(6, '0')}`;
  // Big requests are the ones with many comments: the record's size is drawn first and bounds them.
  const target = random.withTail(DECILES.recordBytes, DECILES.recordBytesTop);
  let budget = target / 2;
  const comments = Array.from({ length: random.topDecile(DECILES.commentsTop) }, (_, c) => {
    const items = Array.from({ length: random.quantiles(DECILES.items) }, () =>
      text(random, random.quantiles(DECILES.itemLength)),
    );
    return {
      id: `${id}c${c}`,
      raw: text(random, random.quantiles(DECILES.commentRaw)),
      upvotes: c,
      created_utc: null,
      extraction: { raw: items.join('\n'), items },
    };
  }).filter((comment) => (budget -= comment.raw.length + comment.extraction.raw.length * 2 + 120) > 0);
  const record: ShardRecord = {
    schema_version: SHARD_SCHEMA_VERSION,
    id,
    domain: n % 3 === 0 ? 'books' : 'music',
    subreddit: n % 3 === 0 ? 'BooksThatFeelLikeThis' : 'PictureTheSound',
    title: text(random, random.quantiles(DECILES.title)),
    selftext: text(random, random.topDecile(DECILES.selftextTop)),
    author: null,
    permalink: `/r/PictureTheSound/comments/${id}/x/`,
    created_utc: 1_600_000_000 + n,
    over_18: false,
    comment_ids: comments.map((comment) => comment.id),
    image_names: [`${id}.jpg`],
    image_urls: [`https://i.redd.it/${id}.jpg`],
    combined_image: null,
    images: [{ path: null, url: `https://i.redd.it/${id}.jpg` }],
    comments,
    relevance: comments.flatMap((comment) => comment.extraction.items.map((item): [string, number] => [item, comment.upvotes])),
    choice: null,
    runs: [],
  };
  // The rest of a record's bytes (thread ids, metadata) stands as comment ids, up to the release's record size.
  const missing = target - serializeRecord(record).length;
  if (missing > 0) record.comment_ids.push(...PADDING_IDS.slice(0, Math.ceil(missing / 10)));
  return record;
}

/** Writes a shard of `requests` records to `file`; returns its size in bytes. */
export function writeSyntheticShard(file: string, requests: number, seed = 12): number {
  const random = new Random(seed);
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    let batch: string[] = [];
    for (let n = 0; n < requests; n++) {
      batch.push(serializeRecord(syntheticRecord(random, n)));
      if (batch.length === 2000 || n === requests - 1) {
        bytes += writeSync(fd, batch.join('\n') + '\n');
        batch = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * The synthetic shard of `requests` records, generated once into the OS temp
 * folder and reused by later runs (a 1M shard is ~3.5 GB and takes minutes to write).
 */
export function cachedSyntheticShard(requests: number): string {
  const dir = path.join(os.tmpdir(), 'imagery-bench-shards');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `synthetic-v${GENERATOR_VERSION}-${requests}.shard.jsonl`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeSyntheticShard(partial, requests);
    renameSync(partial, file);
  }
  return file;
}
