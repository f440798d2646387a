// The Shards view with 50 shards and 10 annotators' logs each: the first
// refresh (every shard indexed, the viewer's log read), a refresh with nothing
// changed, a refresh after one appended event (read from that log's cursor),
// and the first refresh of a new window, which finds the comment ids the
// earlier window kept on disk. What each refresh read is counted, so the note
// says it.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EVENT_SCHEMA_VERSION, INVALID_REASONS, type KnownEvent } from '../../src/core/annotations/events';
import { AnnotationLog } from '../../src/core/annotations/log';
import { ShardReader } from '../../src/core/shard/reader';
import { CommentIdsStore } from '../../src/host/views/comment-ids-store';
import { ShardProgressCache, type ProgressReads } from '../../src/host/views/shard-progress';
import { measured, type Figure } from '../report';
import { median, since } from '../stats';
import { writeSyntheticShard } from './generate';

const SHARDS = 50;
const ANNOTATORS = 10;
/** About a release domain's size. */
const REQUESTS = 800;
const EVENTS_PER_LOG = 400;
const VIEWER = 'annotator-0';
const BUDGET_MS = 1000;
const RUNS = 3;

async function writeLogs(shard: string, seed: number): Promise<void> {
  const reader = await ShardReader.open(shard);
  const ids = (await reader.ids()).filter((id) => id !== null);
  await reader.close();
  const start = Date.parse('2024-06-01T00:00:00Z');
  for (let a = 0; a < ANNOTATORS; a++) {
    const annotator = `annotator-${a}`;
    const events = Array.from({ length: EVENTS_PER_LOG }, (_, n): KnownEvent => {
      const pick = (seed * 7919 + a * 104729 + n * 31) % ids.length;
      const base = { v: EVENT_SCHEMA_VERSION, id: randomUUID(), time: new Date(start + n * 1000).toISOString(), annotator };
      const verdict = n % 3 ? { verdict: 'valid' } : { verdict: 'invalid', reason: INVALID_REASONS[0] };
      return { ...base, type: 'validity', request: ids[pick], ...verdict } as KnownEvent;
    });
    await AnnotationLog.open(shard, annotator).appendRaw(events);
  }
}

export async function shardViewFigures(workDir: string, log: (line: string) => void): Promise<Figure[]> {
  mkdirSync(workDir, { recursive: true });
  log(`shard view: writing ${SHARDS} shards of ${REQUESTS} requests, ${ANNOTATORS} logs of ${EVENTS_PER_LOG} events each`);
  const shards = Array.from({ length: SHARDS }, (_, n) => path.join(workDir, `s${String(n).padStart(2, '0')}.shard.jsonl`));
  for (const [n, shard] of shards.entries()) {
    writeSyntheticShard(shard, REQUESTS, 100 + n);
    await writeLogs(shard, n);
  }
  const counts = { indexed: 0, logs: 0, fromByte: 0, records: 0 };
  const reads: ProgressReads = {
    indexed: () => void counts.indexed++,
    logRead: (_file, from) => void (counts.logs++, (counts.fromByte = from)),
    recordsRead: (_file, count) => void (counts.records += count),
  };
  const refresh = async (cache: ShardProgressCache): Promise<number> => {
    Object.assign(counts, { indexed: 0, logs: 0, fromByte: 0, records: 0 });
    const start = performance.now();
    await Promise.all(shards.map((shard) => cache.progress(shard, VIEWER)));
    return since(start);
  };

  log('shard view: first refresh, unchanged refresh, one appended event');
  const first: number[] = [];
  const unchanged: number[] = [];
  const appended: number[] = [];
  const newWindow: number[] = [];
  let note = '';
  let firstRecords = 0;
  let newWindowRecords = 0;
  for (let run = 0; run < RUNS; run++) {
    const kept = new CommentIdsStore(path.join(workDir, `kept-${run}`));
    const cache = new ShardProgressCache(reads, kept);
    try {
      first.push(await refresh(cache));
      firstRecords = counts.records;
      unchanged.push(await refresh(cache));
      await AnnotationLog.open(shards[17], VIEWER).append({ type: 'validity', request: 'x', verdict: 'valid' });
      appended.push(await refresh(cache));
      note = `${counts.indexed} shards indexed, ${counts.logs} log read from byte ${counts.fromByte} (of ${SHARDS} shards, ${SHARDS * ANNOTATORS} logs)`;
    } finally {
      await cache.dispose();
    }
    const later = new ShardProgressCache(reads, kept);
    try {
      newWindow.push(await refresh(later));
      newWindowRecords = counts.records;
    } finally {
      await later.dispose();
    }
  }
  const setup = `${SHARDS} shards x ${REQUESTS} requests, ${ANNOTATORS} annotators' logs of ${EVENTS_PER_LOG} events each; median of ${RUNS}`;
  return [
    measured('shard view: first refresh', 'ms', median(first), BUDGET_MS, `${setup}; ${firstRecords} records read`),
    measured(
      'shard view: first refresh of a new window',
      'ms',
      median(newWindow),
      BUDGET_MS,
      `comment ids kept on disk by the window before: ${newWindowRecords} records read`,
      { baseline: { name: 'first refresh', value: median(first) } },
    ),
    measured('shard view: refresh, nothing changed', 'ms', median(unchanged), BUDGET_MS),
    measured('shard view: refresh after one appended event', 'ms', median(appended), BUDGET_MS, note, {
      baseline: { name: 'first refresh', value: median(first) },
    }),
  ];
}
