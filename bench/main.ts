// `npm run bench`: measures the editor's navigation latency (real headless
// Chromium) and the core's speed and memory, then prints every figure with
// its budget and ratio, and writes bench/results.json. Exits 0 (it reports);
// `--check` exits 1 when a ratio exceeds 1. Real-data figures skip, saying
// why, without the shared dataset; synthetic equivalents always run.
// `--quick`: fewer runs, no 1M-request shard nor 1M-event log. `--only shards|logs|runs|extract|views|activation|core|webview|giant`: one group.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SHARED_DATASET, hasSharedDataset, skipWithoutDataset } from '../test/helpers/dataset';
import { activationFigures, buildExtensionBundle } from './activation/figures';
import { buildBundles } from './bundles';
import { measureEval, measureImport, measureLogReplay, measureShardOpen } from './core-figures';
import { formatTable, measured, overBudget, skipped, type Figure } from './report';
import { shardFigures } from './shards/figures';
import { logFigures } from './shards/log-figures';
import { extractFigures } from './runs/extract-figures';
import { runFigures } from './runs/run-figures';
import { shardViewFigures } from './shards/view-figures';
import { cachedSyntheticShard } from './shards/generate';
import { writeSyntheticRelease } from './synthetic-release';
import { giantAnswerFigures } from './giant-answer';
import { webviewFigures } from './webview-figures';

const LOG_EVENTS = 100_000;
const BUDGET = { importMs: 10_000, openMs: 500, replayMs: 3_000, evalMs: 5_000, evalRssMB: 500 };

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

async function coreFigures(label: string, releaseDir: string, cli: string, workDir: string): Promise<Figure[]> {
  log(`${label}: import`);
  const imported = await measureImport(releaseDir, workDir, 3);
  log(`${label}: shard open`);
  const opened = await measureShardOpen(imported.shard, 10);
  log(`${label}: ${LOG_EVENTS} events log`);
  const replayed = await measureLogReplay(imported.shard, LOG_EVENTS, 5);
  log(`${label}: imagery eval`);
  const evaluated = measureEval(cli, releaseDir, workDir, 3);
  return [
    measured(
      `${label}: import music (median of 3)`,
      'ms',
      imported.timing.p50,
      BUDGET.importMs,
      'importDomain + one shard written',
    ),
    measured(`${label}: open + ids, ${opened.requests} requests p50`, 'ms', opened.timing.p50, BUDGET.openMs),
    measured(
      `${label}: open + ids, ${opened.requests} requests p95`,
      'ms',
      opened.timing.p95,
      BUDGET.openMs,
      `${opened.timing.runs} runs`,
    ),
    measured(`${label}: read + replay 100k events (median of 5)`, 'ms', replayed.p50, BUDGET.replayMs),
    measured(
      `${label}: imagery eval (median of 3)`,
      'ms',
      evaluated.timing.p50,
      BUDGET.evalMs,
      'a process of the built CLI, both domains, every stored run',
    ),
    measured(`${label}: imagery eval peak RSS`, 'MB', evaluated.peakRssMB, BUDGET.evalRssMB),
  ];
}

function realSkipped(reason: string): Figure[] {
  return [
    skipped('real: import music', 'ms', BUDGET.importMs, reason),
    skipped('real: open + ids, 796 requests p95', 'ms', BUDGET.openMs, reason),
    skipped('real: read + replay 100k events', 'ms', BUDGET.replayMs, reason),
    skipped('real: imagery eval', 'ms', BUDGET.evalMs, reason),
    skipped('real: imagery eval peak RSS', 'MB', BUDGET.evalRssMB, reason),
  ];
}

async function hugeShardFigures(quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const requests of [10_000, 100_000, 1_000_000]) {
    const label = `${requests / 1000}k shard`;
    if (quick && requests >= 1_000_000) {
      figures.push(skipped(`${label}: build the line index`, 'GB/s', 1, 'the 1M-request shard runs without --quick'));
      continue;
    }
    log(`${label}: generating (cached in the temp folder after the first run)`);
    const file = cachedSyntheticShard(requests);
    log(`${label}: index, first request, positionOf, random access, memory`);
    figures.push(...(await shardFigures(label, file, quick || requests >= 1_000_000 ? 3 : 5)));
  }
  return figures;
}

/** Sizes of the bundles built for this run (the extension's minified, as shipped). */
function bundleSizes(bundles: { webview: string; cli: string; extension: string }): Record<string, number> {
  const kb = (file: string): number => Math.round(statSync(file).size / 1024);
  return { 'extension (minified)': kb(bundles.extension), webview: kb(bundles.webview), cli: kb(bundles.cli) };
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const wanted = (group: string): boolean => only === undefined || only === group;
  const work = mkdtempSync(path.join(os.tmpdir(), 'imagery-bench-'));
  try {
    const figures: Figure[] = [];
    if (wanted('shards')) figures.push(...(await hugeShardFigures(quick)));
    if (wanted('logs')) {
      const huge = quick ? undefined : cachedSyntheticShard(1_000_000);
      figures.push(
        ...(await logFigures(
          cachedSyntheticShard(10_000),
          huge,
          quick ? [10_000, 100_000] : [10_000, 1_000_000],
          path.join(work, 'logs'),
          log,
        )),
      );
    }
    if (wanted('runs')) figures.push(...(await runFigures(path.join(work, 'runs'), quick, log)));
    if (wanted('extract')) figures.push(...(await extractFigures(path.join(work, 'extract'), quick, log)));
    if (wanted('views')) figures.push(...(await shardViewFigures(path.join(work, 'shard-view'), log)));
    if (wanted('activation')) figures.push(...(await activationFigures(path.join(work, 'activation'), quick ? 5 : 15, log)));
    log('building the webview and CLI bundles');
    const bundles = await buildBundles(path.join(work, 'bundles'));
    if (wanted('webview')) figures.push(...(await webviewFigures(bundles.webview, work, log)));
    if (wanted('webview') || wanted('giant')) figures.push(...(await giantAnswerFigures(bundles.webview, log)));

    if (wanted('core')) {
      const syntheticDir = path.join(work, 'synthetic-release');
      const written = writeSyntheticRelease(syntheticDir);
      log(`synthetic release: ${written.requests} requests, ${written.comments} comments, ${written.runFiles} run files`);
      figures.push(...(await coreFigures('synthetic', syntheticDir, bundles.cli, path.join(work, 'synthetic'))));
      if (hasSharedDataset) figures.push(...(await coreFigures('real', SHARED_DATASET, bundles.cli, path.join(work, 'real'))));
      else figures.push(...realSkipped(String(skipWithoutDataset)));
    }

    console.log(formatTable(figures));
    const machine = {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    };
    const extension = await buildExtensionBundle(path.join(work, 'extension'));
    const bundleKB = bundleSizes({ ...bundles, extension });
    console.log(
      `\nbundles: ${Object.entries(bundleKB)
        .map(([name, kb]) => `${name} ${kb} KB`)
        .join(', ')}`,
    );
    const results = { date: new Date().toISOString(), quick, machine, bundleKB, figures };
    writeFileSync(path.join(REPO_ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    const over = overBudget(figures);
    console.log(over.length ? `\n${over.length} figure(s) over budget` : '\nevery figure is within budget');
    return check && over.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
