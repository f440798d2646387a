// The core's figures over one release folder (the shared one or a synthetic
// one): import, opening the 796-request shard, log replay and `imagery eval`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { importDomain } from '../src/core/release/import';
import { writeImportShards } from '../src/core/release/import-shards';
import { ShardReader } from '../src/core/shard/reader';
import { REPO_ROOT } from '../test/helpers/dataset';
import { readAndReplay, writeEventLog } from './event-log';
import { median, percentile, timeRuns } from './stats';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

const timing = (samples: number[]): Timing => ({ p50: median(samples), p95: percentile(samples, 95), runs: samples.length });

/** importDomain(music) + writing it as ONE shard (so it can be opened whole); returns the shard of the last run. */
export async function measureImport(
  releaseDir: string,
  workDir: string,
  runs: number,
): Promise<{ timing: Timing; shard: string }> {
  let shard = '';
  const samples = await timeRuns(runs, async () => {
    const outDir = path.join(workDir, 'shards');
    rmSync(outDir, { recursive: true, force: true });
    const { records } = await importDomain(releaseDir, 'music', { images: { shardDir: outDir } });
    [shard] = await writeImportShards(records, outDir, 'music', { shardSize: records.length });
  });
  return { timing: timing(samples), shard };
}

export async function measureShardOpen(shard: string, runs: number): Promise<{ timing: Timing; requests: number }> {
  let requests = 0;
  const samples = await timeRuns(runs, async () => {
    const reader = await ShardReader.open(shard);
    requests = (await reader.ids()).length;
    await reader.close();
  });
  return { timing: timing(samples), requests };
}

/** Writes a log of `events` beside the shard, then times read + replay. */
export async function measureLogReplay(shard: string, events: number, runs: number): Promise<Timing> {
  const reader = await ShardReader.open(shard);
  const ids = (await reader.ids()).filter((id): id is string => id !== null);
  await reader.close();
  await writeEventLog(shard, ids, events);
  return timing(await timeRuns(runs, () => readAndReplay(shard)));
}

/** `imagery eval <release>` as its own process (the built CLI): wall times, and the peak RSS over the runs. */
export function measureEval(
  cli: string,
  releaseDir: string,
  workDir: string,
  runs: number,
): { timing: Timing; peakRssMB: number } {
  mkdirSync(workDir, { recursive: true });
  const rssFile = path.join(workDir, 'eval-rss.txt');
  let peakKB = 0;
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--require', path.join(REPO_ROOT, 'bench', 'max-rss.cjs'), cli, 'eval', '--quiet', '--json', releaseDir],
      {
        env: { ...process.env, BENCH_RSS_FILE: rssFile },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
    );
    samples.push(performance.now() - start);
    if (child.status !== 0) throw new Error(`imagery eval ${releaseDir} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
    const rows = (JSON.parse(child.stdout) as { rows: unknown[] }).rows;
    if (rows.length === 0) throw new Error(`imagery eval ${releaseDir} scored no runs`);
    peakKB = Math.max(peakKB, Number(readFileSync(rssFile, 'utf8')));
  }
  return { timing: timing(samples), peakRssMB: peakKB / 1024 };
}
