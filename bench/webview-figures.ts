// Figure 1: navigation latency in the webview, three cases.
import { importDomain } from '../src/core/release/import';
import type { ShardRecord } from '../src/core/shard/schema';
import { makeLargeRecord, makeRecord } from '../test/fixtures/synthetic-record';
import { SHARED_DATASET, hasSharedDataset, skipWithoutDataset } from '../test/helpers/dataset';
import { measured, skipped, type Figure } from './report';
import { median, percentile } from './stats';
import { NavigationBench } from './webview-navigation';

const PRESSES = 30;
const WARMUP = 6;
const REQUEST_BUDGET_MS = 100;
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

/** p50 and p95 of presses landing on `large`, and p95 of those going back to `small`. */
async function requestCase(bench: NavigationBench, label: string, large: ShardRecord, small: ShardRecord): Promise<Figure[]> {
  await bench.load([small, large]);
  // Every press changes request: PRESSES land on the large one, PRESSES on the small one.
  const { byTarget, arrivalByTarget } = await bench.requestPresses(2 * PRESSES, WARMUP);
  const toLarge = byTarget.get(large.id) ?? [];
  const toSmall = byTarget.get(small.id) ?? [];
  const roundTrip = median(arrivalByTarget.get(large.id) ?? []);
  const note =
    `${toLarge.length} presses each way, ${large.comments.length} vs ${small.comments.length} comments; ` +
    `median key -> host -> show arriving: ${roundTrip.toFixed(1)} ms (${Math.round(JSON.stringify(large).length / 1024)} KB record)`;
  return [
    measured(`nav j -> ${label} p50`, 'ms', median(toLarge), REQUEST_BUDGET_MS, note),
    measured(`nav j -> ${label} p95`, 'ms', percentile(toLarge, 95), REQUEST_BUDGET_MS),
    measured(`nav j -> small after ${label} p95`, 'ms', percentile(toSmall, 95), REQUEST_BUDGET_MS),
  ];
}

export async function webviewFigures(bundle: string, workDir: string, log: (line: string) => void): Promise<Figure[]> {
  const bench = await NavigationBench.open(bundle);
  try {
    const figures: Figure[] = [];
    if (hasSharedDataset) {
      log('webview: largest real music request <-> small one');
      const [largest, small] = await realPair(workDir);
      figures.push(...(await requestCase(bench, 'largest real request', largest, small)));
    } else {
      figures.push(skipped('nav j -> largest real request p95', 'ms', REQUEST_BUDGET_MS, String(skipWithoutDataset)));
    }
    log('webview: synthetic 2,000-comment request <-> small one');
    const large = makeLargeRecord(2000);
    const small = makeRecord({ id: 'small', title: 'A small synthetic request' });
    figures.push(...(await requestCase(bench, 'synthetic 2,000 comments', large, small)));

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
