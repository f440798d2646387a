// Whole-shard item extraction (imagery extract --shards) against the loopback
// server answering after 200 ms: every comment of the shared music release
// (2,936; a synthetic set of the same size when the release is absent) at
// concurrency 16, a prefix of them one at a time, and the CPU per comment.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runExtractBatch } from '../../src/core/models/extract/batch-extract';
import { importDomain } from '../../src/core/release/import';
import type { ShardRecord } from '../../src/core/shard/schema';
import { hasSharedDataset, SHARED_DATASET } from '../../test/helpers/dataset';
import { measured, type Figure } from '../report';
import { LATENCY_MS, startServer, timeBatch, type TimedBatch } from './timed-batch';
const MUSIC_COMMENTS = 2936;
const MUSIC_REQUESTS = 796;

function syntheticRecords(): ShardRecord[] {
  return Array.from({ length: MUSIC_REQUESTS }, (_, i) => {
    const count = Math.floor(((i + 1) * MUSIC_COMMENTS) / MUSIC_REQUESTS) - Math.floor((i * MUSIC_COMMENTS) / MUSIC_REQUESTS);
    const comments = Array.from({ length: count }, (_, j) => ({
      id: `c${i}_${j}`,
      raw: `Try Night Owls by Blue Hour, or anything by Zed Band (${i}.${j}).`,
      upvotes: 1 + (j % 5),
      created_utc: 1_700_000_000 + j,
      extraction: { raw: 'Blue Hour - Night Owls', items: ['blue hour - night owls'] },
    }));
    return {
      schema_version: 1,
      id: `b${i}`,
      domain: 'music',
      subreddit: 'ifyoulikeblank',
      title: `Songs like this picture? (${i})`,
      selftext: 'Rainy city at night, neon, slow.',
      author: 'someone',
      permalink: `/r/ifyoulikeblank/comments/b${i}/x/`,
      created_utc: 1_700_000_000,
      over_18: false,
      comment_ids: comments.map((comment) => comment.id),
      image_names: [],
      image_urls: [],
      combined_image: null,
      images: [],
      comments,
      relevance: [],
      choice: null,
      runs: [],
    };
  });
}

function measure(baseUrl: string, dir: string, records: readonly ShardRecord[], concurrency: number): Promise<TimedBatch> {
  mkdirSync(dir, { recursive: true });
  const shard = path.join(dir, 'bench.shard.jsonl');
  writeFileSync(shard, records.map((record) => JSON.stringify(record) + '\n').join(''));
  return timeBatch(baseUrl, 'bench-extractor', dir, (profile, backend) =>
    runExtractBatch({
      shards: [shard],
      profile,
      backend,
      outDir: path.join(dir, 'out'),
      name: 'bench-extractor',
      concurrency,
    }),
  );
}

/** The first `comments` comments of `records`, in their requests (the last one cut short). */
function prefix(records: readonly ShardRecord[], comments: number): ShardRecord[] {
  const taken: ShardRecord[] = [];
  let left = comments;
  for (const record of records) {
    if (left <= 0) break;
    const kept = record.comments.slice(0, left);
    left -= kept.length;
    if (kept.length) taken.push({ ...record, comments: kept, comment_ids: kept.map((comment) => comment.id) });
  }
  return taken;
}

export async function extractFigures(work: string, quick: boolean, log: (line: string) => void): Promise<Figure[]> {
  const source = hasSharedDataset ? 'the shared music release' : 'a synthetic set of the same size';
  const records = hasSharedDataset ? (await importDomain(SHARED_DATASET, 'music')).records : syntheticRecords();
  const total = records.reduce((sum, record) => sum + record.comments.length, 0);
  const { baseUrl, child } = await startServer();
  try {
    await measure(baseUrl, path.join(work, 'warm'), prefix(records, 16), 4);
    const sequentialSet = prefix(records, quick ? 15 : 50);
    log(`extract: the first ${quick ? 15 : 50} comments one at a time, ${LATENCY_MS} ms answers`);
    const sequential = await measure(baseUrl, path.join(work, 'c1'), sequentialSet, 1);
    const wideSet = quick ? prefix(records, 400) : records;
    log(`extract: ${quick ? 'about 400' : `all ${total}`} comments of ${source} at concurrency 16`);
    const wide = await measure(baseUrl, path.join(work, 'c16'), wideSet, 16);
    const note = `${wide.answered} comments of ${source} at 16, ${sequential.answered} at 1; loopback server answering after ${LATENCY_MS} ms; each line fsynced`;
    const baseline = { name: 'sequential', value: sequential.perSecond };
    return [
      measured('extract: comments/s, concurrency 1', 'req/s', sequential.perSecond, (1000 / LATENCY_MS) * 0.8, note, {
        atLeast: true,
      }),
      measured('extract: comments/s, concurrency 16', 'req/s', wide.perSecond, 10 * sequential.perSecond, note, {
        atLeast: true,
        baseline,
      }),
      measured('extract: CPU per comment, concurrency 1', 'ms', sequential.cpuMsPerAnswer, 20, note),
      measured('extract: CPU per comment, concurrency 16', 'ms', wide.cpuMsPerAnswer, 20, note),
    ];
  } finally {
    child.kill();
  }
}
