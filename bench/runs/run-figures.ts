// Whole-shard model runs (imagery run --shards) against the loopback server
// answering after 200 ms: throughput at concurrency 1, 4, 16 and 64, against
// the sequential rate of the same run, and the runner's CPU time per request.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBatch } from '../../src/core/models/batch/batch-run';
import type { ShardRecord } from '../../src/core/shard/schema';
import { measured, type Figure } from '../report';
import { LATENCY_MS, startServer, timeBatch, type TimedBatch } from './timed-batch';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 2048 }, (_, i) => i & 0xff)]);

function record(i: number): ShardRecord {
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
    comment_ids: [],
    image_names: ['a.png'],
    image_urls: ['https://i.example.invalid/a.png'],
    combined_image: null,
    images: [{ path: '../images/a.png', url: 'https://i.example.invalid/a.png' }],
    comments: [],
    relevance: [['blue hour - night owls', 5]],
    choice: null,
    runs: [],
  };
}

function writeShard(dir: string, requests: number): string {
  mkdirSync(path.join(dir, 'shards'), { recursive: true });
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  writeFileSync(path.join(dir, 'images', 'a.png'), PNG);
  const file = path.join(dir, 'shards', 'bench.shard.jsonl');
  writeFileSync(file, Array.from({ length: requests }, (_, i) => JSON.stringify(record(i)) + '\n').join(''));
  return file;
}

function measure(baseUrl: string, work: string, concurrency: number, requests: number): Promise<TimedBatch> {
  const dir = path.join(work, `c${concurrency}`);
  const shard = writeShard(dir, requests);
  return timeBatch(baseUrl, 'bench-model', dir, (profile, backend) =>
    runBatch({
      shards: [{ file: shard, imageRoots: [dir], states: new Map() }],
      spec: { task: 'rec_title', prompt: 'standard', input: { kind: 'images' } },
      profile,
      backend,
      outDir: path.join(dir, 'out'),
      modelFolder: 'bench-model',
      concurrency,
    }),
  );
}

export async function runFigures(work: string, quick: boolean, log: (line: string) => void): Promise<Figure[]> {
  const { baseUrl, child } = await startServer();
  try {
    // Warm up (module loading, JIT, the first connections) so the sequential baseline is not charged for it.
    await measure(baseUrl, work, 4, 8);
    const results = new Map<number, TimedBatch>();
    for (const concurrency of [1, 4, 16, 64]) {
      // Enough requests that start-up and the last stragglers weigh little: several rounds of the window.
      const requests = concurrency === 1 ? (quick ? 10 : 25) : concurrency * (quick ? 4 : 10);
      log(`runs: ${requests} requests at concurrency ${concurrency}, ${LATENCY_MS} ms answers`);
      results.set(concurrency, await measure(baseUrl, work, concurrency, requests));
    }
    const sequential = results.get(1)!.perSecond;
    const baseline = { name: 'sequential', value: sequential };
    const note = `loopback server answering after ${LATENCY_MS} ms; images input (one 2 KB PNG), rec_title, answers fsynced`;
    const figures: Figure[] = [
      measured('runs: throughput, concurrency 1 (sequential)', 'req/s', sequential, (1000 / LATENCY_MS) * 0.8, note, {
        atLeast: true,
      }),
    ];
    for (const [concurrency, goal] of [
      [4, 3],
      [16, 10],
      [64, 10],
    ] as const) {
      const result = results.get(concurrency)!;
      figures.push(
        measured(`runs: throughput, concurrency ${concurrency}`, 'req/s', result.perSecond, goal * sequential, note, {
          atLeast: true,
          baseline,
        }),
      );
    }
    for (const concurrency of [1, 16, 64]) {
      figures.push(
        measured(`runs: CPU per request, concurrency ${concurrency}`, 'ms', results.get(concurrency)!.cpuMsPerAnswer, 20, note),
      );
    }
    return figures;
  } finally {
    child.kill();
  }
}
