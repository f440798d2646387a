// Figure 1: navigation latency in the webview: the release's largest request
// and a synthetic 2,000-comment one, each with the record resent on every
// press (as before) and held in the webview with neighbours sent ahead.
import { importDomain } from '../src/core/release/import';
import type { ShardRecord } from '../src/core/shard/schema';
import { makeLargeRecord, makeRecord } from '../test/fixtures/synthetic-record';
import { SHARED_DATASET, hasSharedDataset, skipWithoutDataset } from '../test/helpers/dataset';
import { measured, skipped, type Figure } from './report';
import { median, percentile } from './stats';
import { NavigationBench, type HostMode } from './webview-navigation';

const PRESSES = 30;
const WARMUP = 6;
const REQUEST_BUDGET_MS = 50;
const COMMENT_BUDGET_MS = 50;

/** The music request with the most comments, and a small one with another title. */
async function realPair(workDir: string): Promise<[ShardRecord, ShardRecord]> {
  const { records } = await importDomain(SHARED_DATASET, 'music', { images: { shardDir: workDir } });
  const withComments = records
    .filter((record) => record.comments.length > 0)
    .sort((a, b) => b.comments.length - a.comments.length);
  const largest = withComments[0];
  const small = withComments.reverse().find((record) => record.title !== largest.title);
  if (!largest || !small) throw new Error(`${SHARED_DATASET}: no music requests with comments to navigate between`);
  return [largest, small];
}

/** A copy under its own id and title: every press lands on a request the webview has not seen yet. */
const copy = (record: ShardRecord, n: number): ShardRecord => ({
  ...record,
  id: `${record.id}~${n}`,
  title: `${record.title} (${n})`,
});

const HOSTS: readonly { mode: HostMode; label: string }[] = [
  { mode: 'resend', label: 'record resent' },
  { mode: 'held', label: 'held + neighbours sent ahead' },
];

/**
 * p50 and p95 of presses landing on copies of `large`, and p95 of those landing on copies of `small`.
 * With `before` (the same three from the record-resent host), each is compared with it; without, these are that baseline.
 */
async function requestCase(
  bench: NavigationBench,
  label: string,
  large: ShardRecord,
  small: ShardRecord,
  before?: readonly Figure[],
): Promise<Figure[]> {
  // Small, large, small, ... each a new request: PRESSES land on a large one, PRESSES on a small one, none twice.
  const sequence = Array.from({ length: 2 * (PRESSES + WARMUP) + 2 }, (_, n) => copy(n % 2 ? large : small, n));
  await bench.load(sequence);
  const { byTarget, arrivalByTarget } = await bench.requestPresses(2 * PRESSES, WARMUP);
  const pick = (samples: Map<string, number[]>, id: string) =>
    [...samples].filter(([target]) => target.startsWith(`${id}~`)).flatMap(([, values]) => values);
  const toLarge = pick(byTarget, large.id);
  const toSmall = pick(byTarget, small.id);
  const roundTrip = median(pick(arrivalByTarget, large.id));
  const note =
    `${toLarge.length} presses each way, ${large.comments.length} vs ${small.comments.length} comments; ` +
    `median key -> first host message arriving: ${roundTrip.toFixed(1)} ms (${Math.round(JSON.stringify(large).length / 1024)} KB record)`;
  const versus = (at: number) => {
    const value = before?.[at]?.value;
    return before ? { baseline: { name: 'record resent', value: value ?? NaN } } : { reference: true };
  };
  return [
    measured(`nav j -> ${label} p50`, 'ms', median(toLarge), REQUEST_BUDGET_MS, note, versus(0)),
    measured(`nav j -> ${label} p95`, 'ms', percentile(toLarge, 95), REQUEST_BUDGET_MS, undefined, versus(1)),
    measured(`nav j -> small after ${label} p95`, 'ms', percentile(toSmall, 95), REQUEST_BUDGET_MS, undefined, versus(2)),
  ];
}

export async function webviewFigures(bundle: string, workDir: string, log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const real = hasSharedDataset ? await realPair(workDir) : null;
  const large = makeLargeRecord(2000);
  const small = makeRecord({ id: 'small', title: 'A small synthetic request' });
  // The record-resent host runs first: its figures are the baseline of the held host's.
  const resent = { real: [] as Figure[], synthetic: [] as Figure[] };
  for (const { mode, label } of HOSTS) {
    const bench = await NavigationBench.open(bundle, mode);
    const before = mode === 'held' ? resent : undefined;
    try {
      if (real) {
        log(`webview (${label}): largest real music request <-> small ones`);
        const found = await requestCase(bench, `largest real request, ${label}`, real[0], real[1], before?.real);
        if (!before) resent.real = found;
        figures.push(...found);
      } else {
        figures.push(skipped(`nav j -> largest real request, ${label} p95`, 'ms', REQUEST_BUDGET_MS, String(skipWithoutDataset)));
      }
      log(`webview (${label}): synthetic 2,000-comment request <-> small ones`);
      const found = await requestCase(bench, `synthetic 2,000 comments, ${label}`, large, small, before?.synthetic);
      if (!before) resent.synthetic = found;
      figures.push(...found);
    } finally {
      await bench.close();
    }
  }
  figures.push(...(await commentFigures(bundle, large, log)));
  return figures;
}

async function commentFigures(bundle: string, large: ShardRecord, log: (line: string) => void): Promise<Figure[]> {
  const bench = await NavigationBench.open(bundle, 'held');
  try {
    const figures: Figure[] = [];
    log('webview: comment moves inside the 2,000-comment request');
    await bench.load([large]);
    const moves = await bench.commentPresses(PRESSES, WARMUP);
    figures.push(
      measured(
        'comment move (down) in 2,000 p50',
        'ms',
        median(moves),
        COMMENT_BUDGET_MS,
        `${moves.length} presses after ${WARMUP} warm-up`,
      ),
      measured('comment move (down) in 2,000 p95', 'ms', percentile(moves, 95), COMMENT_BUDGET_MS),
    );
    return figures;
  } finally {
    await bench.close();
  }
}
