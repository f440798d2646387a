// Figures as the report prints them: percentages, decimals, signed point
// differences and shares with their interval, including the "no value" dash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimal, percent, share, signed } from '../../../src/core/report/format-numbers';
import { proportion } from '../../../src/core/stats/wilson';

test('percent, decimal and signed: digits, signs and the dash for no value', () => {
  assert.deepEqual([percent(0.125), percent(0.125, 0), percent(null)], ['12.5%', '13%', '–']);
  assert.deepEqual([decimal(0.12345), decimal(0.5, 1), decimal(null)], ['0.123', '0.5', '–']);
  assert.deepEqual(
    [signed(0.053), signed(-0.053), signed(0), signed(0.25, 0), signed(null)],
    ['+5.3 pt', '−5.3 pt', '±0.0 pt', '+25 pt', '–'],
  );
});

test('share: the percentage, its 95% Wilson interval and the counts; a dash with 0/0', () => {
  assert.equal(share(proportion(12, 96)), '12.5% (95% CI 7.3–20.6%; 12/96)');
  assert.equal(share(proportion(1, 3), 0), '33% (95% CI 6–79%; 1/3)');
  assert.equal(share(proportion(0, 0)), '– (0/0)');
});
