// Figures for long annotation logs: saving one action (append + fsync, then
// what the editor does to its state) at 10k and 1M events and on a small and
// a 1M-request shard, replaying the whole log, and opening a shard with it.
import { mkdirSync, promises as fs, symlinkSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AnnotationLog } from '../../src/core/annotations/log';
import { ShardReader } from '../../src/core/shard/reader';
import { changedRequests, EventStore } from '../../src/host/editor/state/event-store';
import { RequestIndex } from '../../src/host/editor/state/request-index';
import { readAndReplay, writeEventLog } from '../event-log';
import { measured, type Figure } from '../report';
import { median, percentile, since, timeRuns } from '../stats';

const GOAL = { saveP99Ms: 20, replayMs: 2000, firstRequestMs: 200 };
const SAVES = 100;

/** A shard of its own folder (a link to the cached one), so each log lives apart. */
function linkedShard(shard: string, workDir: string, name: string): string {
  const dir = path.join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const link = path.join(dir, path.basename(shard));
  symlinkSync(shard, link);
  return link;
}

/** The floor under a save: open, append one event-sized line, fsync, close, on a file beside the log. */
async function bareAppend(file: string): Promise<number> {
  const start = performance.now();
  const handle = await fs.open(file, 'a');
  try {
    await handle.write(`${'x'.repeat(200)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return since(start);
}

/**
 * Opens as the editor does (shard indexing, log read, state, request index),
 * then times `SAVES` actions, each followed by a bare append + fsync (the floor,
 * under the same load).
 */
async function saveTimes(
  shard: string,
): Promise<{ saves: number[]; fsyncs: number[]; firstRequestMs: number; logLoadedMs: number }> {
  const opened = performance.now();
  const reader = await ShardReader.openIndexing(shard);
  const log = AnnotationLog.open(shard, 'bench');
  const store = new EventStore();
  // As the editor does: the log is read and replayed in slices behind the first request, which does not wait for it.
  const loading = log.read().then(({ events }) => store.addCommittedInSlices(events, nextTurn));
  await reader.read(0);
  const firstRequestMs = since(opened);
  await loading;
  const logLoadedMs = since(opened);
  store.state();
  const index = await RequestIndex.build(reader, () => store.state());
  const ids = (await reader.ids()).filter((id): id is string => id !== null);
  const saves: number[] = [];
  const fsyncs: number[] = [];
  const scratch = path.join(path.dirname(shard), 'fsync-floor.txt');
  for (let n = 0; n < SAVES; n++) {
    const request = ids[(n * 7919) % ids.length];
    const start = performance.now();
    const before = store.state();
    const written = await log.append({ type: 'validity', request, verdict: n % 2 ? 'valid' : 'invalid', reason: 'Other' });
    store.addCommitted(written);
    await index.learn(changedRequests(before, store.state()));
    saves.push(since(start));
    fsyncs.push(await bareAppend(scratch));
  }
  await reader.close();
  return { saves, fsyncs, firstRequestMs, logLoadedMs };
}

export async function logFigures(
  small: string,
  huge: string | undefined,
  eventCounts: number[],
  workDir: string,
  log: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const reader = await ShardReader.open(small);
  const ids = (await reader.ids()).filter((id): id is string => id !== null);
  await reader.close();
  for (const events of eventCounts) {
    const label = `${events / 1000}k-event log`;
    log(`${label}: writing`);
    const shard = linkedShard(small, workDir, `log-${events}`);
    await writeEventLog(shard, ids, events);
    log(`${label}: replay, open, ${SAVES} saves`);
    const replay = await timeRuns(3, () => readAndReplay(shard));
    const { saves, fsyncs, firstRequestMs, logLoadedMs } = await saveTimes(shard);
    figures.push(
      measured(`${label}: read + replay (median of 3)`, 'ms', median(replay), GOAL.replayMs),
      measured(
        `${label}: open, first request`,
        'ms',
        firstRequestMs,
        GOAL.firstRequestMs,
        `the log loads behind it, in slices; loaded and replayed after ${(logLoadedMs / 1000).toFixed(1)} s`,
      ),
      measured(
        `${label}, ${ids.length / 1000}k shard: save one action p99`,
        'ms',
        percentile(saves, 99),
        GOAL.saveP99Ms,
        `${SAVES} actions, fsync included; p50 ${median(saves).toFixed(1)} ms; bare append + fsync p50 ${median(fsyncs).toFixed(1)}, p99 ${percentile(fsyncs, 99).toFixed(1)} ms`,
        { baseline: { name: 'bare append + fsync p99', value: percentile(fsyncs, 99) } },
      ),
    );
  }
  if (huge) {
    log('1M-request shard, empty log: saves');
    const { saves, fsyncs } = await saveTimes(linkedShard(huge, workDir, 'huge-shard'));
    figures.push(
      measured(
        'empty log, 1M-request shard: save one action p99',
        'ms',
        percentile(saves, 99),
        GOAL.saveP99Ms,
        `p50 ${median(saves).toFixed(1)} ms; bare append + fsync p50 ${median(fsyncs).toFixed(1)}, p99 ${percentile(fsyncs, 99).toFixed(1)} ms`,
        { baseline: { name: 'bare append + fsync p99', value: percentile(fsyncs, 99) } },
      ),
    );
  }
  return figures;
}
