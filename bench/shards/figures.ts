// Figures for huge shards: building the line index against a plain newline
// count of the same file, the first request while indexing, positionOf,
// random access and the memory an opened shard holds against reading it all.
import { spawnSync } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { READ_BYTES, startIndexing } from '../../src/core/shard/jsonl-index';
import { ShardReader } from '../../src/core/shard/reader';
import { REPO_ROOT } from '../../test/helpers/dataset';
import { measured, type Figure } from '../report';
import { median, percentile, since, timeRuns } from '../stats';

const GOAL = { gbPerSecond: 1, ofNewlineCount: 30, firstRequestMs: 200, positionOfMs: 100, randomP99Ms: 5, rssMB: 150 };

/** The baseline: count "\n" with the same big reads and native indexOf, nothing kept. */
export async function countNewlines(file: string): Promise<number> {
  const handle = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  let count = 0;
  let offset = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, offset);
      if (bytesRead === 0) return count;
      const chunk = buffer.subarray(0, bytesRead);
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

function rssGrowthMB(mode: 'open' | 'read-everything', file: string): number {
  const probe = path.join(REPO_ROOT, 'bench', 'shards', 'memory-probe.ts');
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', probe, mode, file], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`memory probe ${mode} ${file} exited ${child.status}: ${child.stderr.slice(0, 1000)}`);
  return Number(child.stdout);
}

export async function shardFigures(label: string, file: string, runs: number): Promise<Figure[]> {
  const bytes = (await stat(file)).size;
  const countMs = median(await timeRuns(runs, () => countNewlines(file)));
  const indexMs = median(
    await timeRuns(runs, async () => {
      await startIndexing(file).whenComplete();
    }),
  );
  const gbPerSecond = bytes / 1e9 / (indexMs / 1000);

  const firstSamples: number[] = [];
  const positionOfSamples: number[] = [];
  let reader: ShardReader | undefined;
  for (let run = 0; run < runs; run++) {
    await reader?.close();
    const start = performance.now();
    reader = await ShardReader.openIndexing(file);
    await reader.read(0);
    firstSamples.push(since(start));
    await reader.indexed();
    const asked = performance.now();
    await reader.positionOf('syn000000');
    positionOfSamples.push(since(asked));
  }
  if (!reader) throw new Error('no runs');
  const size = reader.size;
  const randomSamples: number[] = [];
  let seed = 3;
  for (let n = 0; n < 2000; n++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const start = performance.now();
    await reader.read(seed % size);
    randomSamples.push(since(start));
  }
  const lookupSamples: number[] = [];
  const ids = await reader.ids();
  for (let n = 0; n < 2000; n++) {
    const id = ids[(n * 7919) % size] ?? '';
    const start = performance.now();
    await reader.positionOf(id);
    lookupSamples.push(since(start));
  }
  await reader.close();
  const openMB = rssGrowthMB('open', file);
  const everythingMB = rssGrowthMB('read-everything', file);
  const gb = (bytes / 1e9).toFixed(2);
  return [
    measured(`${label}: build the line index (${gb} GB)`, 'GB/s', gbPerSecond, GOAL.gbPerSecond, `median of ${runs}`, {
      atLeast: true,
      baseline: { name: 'newline count', value: bytes / 1e9 / (countMs / 1000) },
    }),
    measured(`${label}: index speed, % of the newline count's`, '%', (100 * countMs) / indexMs, GOAL.ofNewlineCount, undefined, {
      atLeast: true,
    }),
    measured(`${label}: first request while indexing`, 'ms', median(firstSamples), GOAL.firstRequestMs, `median of ${runs}`),
    measured(`${label}: positionOf, first call once indexed`, 'ms', median(positionOfSamples), GOAL.positionOfMs),
    measured(`${label}: positionOf, later calls p99`, 'ms', percentile(lookupSamples, 99), GOAL.positionOfMs),
    measured(`${label}: random access p99 (2000 reads)`, 'ms', percentile(randomSamples, 99), GOAL.randomP99Ms),
    measured(`${label}: RSS growth after opening (+ids)`, 'MB', openMB, GOAL.rssMB, undefined, {
      baseline: { name: 'read-everything', value: everythingMB },
    }),
  ];
}
