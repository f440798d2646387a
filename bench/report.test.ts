// The benchmark's arithmetic and verdicts: `node --import tsx --test bench/*.test.ts`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTable, measured, overBudget, ratio, skipped } from './report';
import { median, percentile } from './stats';

describe('bench statistics', () => {
  it('percentiles are nearest-rank samples', () => {
    const samples = Array.from({ length: 30 }, (_, i) => 30 - i); // 30..1, unsorted
    assert.equal(percentile(samples, 95), 29);
    assert.equal(percentile(samples, 100), 30);
    assert.equal(median([5, 1, 3, 2]), 2);
    assert.throws(() => percentile([], 50), RangeError);
  });
});

describe('bench report', () => {
  const within = measured('fast', 'ms', 40, 100);
  const over = measured('slow', 'ms', 150, 100);
  const absent = skipped('real', 'MB', 500, 'no data here');

  it('ratio is value / budget; a skipped figure has none and is never over budget', () => {
    assert.equal(ratio(within), 0.4);
    assert.equal(ratio(absent), null);
    assert.deepEqual(
      overBudget([within, over, absent]).map((figure) => figure.name),
      ['slow'],
    );
  });

  it('the table shows value, budget, ratio and says why a figure was skipped', () => {
    const table = formatTable([within, over, absent]);
    assert.match(table, /^fast\s+40\.0 ms\s+100 ms\s+0\.40$/m);
    assert.match(table, /^slow\s+150 ms\s+100 ms\s+1\.50 OVER$/m);
    assert.match(table, /^real\s+-\s+500 MB\s+skipped$/m);
    assert.match(table, /real: skipped: no data here/);
  });
});

describe('a baseline kept for comparison', () => {
  it('shows its ratio against the goal but never counts as over it', () => {
    const oldWay = measured('old way', 'ms', 120, 50, undefined, { reference: true });
    const newWay = measured('new way', 'ms', 30, 50, undefined, { baseline: { name: 'old way', value: 120 } });
    assert.deepEqual(overBudget([oldWay, newWay]), []);
    assert.deepEqual(overBudget([measured('new way, slow', 'ms', 60, 50)]).length, 1);
    const table = formatTable([oldWay, newWay]);
    assert.match(table, /^old way\s+120 ms\s+50\.0 ms\s+2\.40 \(baseline\)\s*$/m);
    assert.match(table, /^new way\s+30\.0 ms\s+50\.0 ms\s+0\.60\s+0\.25x old way$/m);
  });
});
