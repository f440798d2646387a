// The statistics against published worked examples (issue 11 names them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cohenKappa, cohenKappaFromTable } from '../../../src/core/stats/cohen-kappa';
import { krippendorffAlphaNominal } from '../../../src/core/stats/krippendorff-alpha';
import { proportion, wilsonInterval } from '../../../src/core/stats/wilson';

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

test('Wilson: Newcombe (1998) 81/263 gives 0.2553-0.3662', () => {
  const { low, high } = wilsonInterval(81, 263);
  assert.equal(round(low, 4), 0.2553);
  assert.equal(round(high, 4), 0.3662);
});

test('Wilson: Newcombe (1998) 0/20 gives 0-0.1611, and 20/20 mirrors it', () => {
  const none = wilsonInterval(0, 20);
  assert.equal(none.low, 0);
  assert.equal(round(none.high, 4), 0.1611);
  const all = wilsonInterval(20, 20);
  assert.equal(all.high, 1);
  assert.equal(round(all.low, 4), round(1 - 0.1611, 4));
});

test('Wilson: 0 of n has a lower bound of exactly 0 and an upper bound of z²/(n + z²) at every n; n of n mirrors it', () => {
  const z2 = 1.959963984540054 ** 2;
  for (const n of [1, 2, 3, 7, 10, 29, 100, 1000, 12345]) {
    const none = wilsonInterval(0, n);
    assert.equal(none.low, 0, `0/${n} low`);
    assert.ok(Math.abs(none.high - z2 / (n + z2)) < 1e-12, `0/${n} high ${none.high}`);
    const all = wilsonInterval(n, n);
    assert.equal(all.high, 1, `${n}/${n} high`);
    assert.ok(Math.abs(all.low - n / (n + z2)) < 1e-12, `${n}/${n} low ${all.low}`);
  }
  // Newcombe (1998) table I: 0/10 gives 0-0.2775.
  assert.equal(round(wilsonInterval(0, 10).high, 4), 0.2775);
});

test('Wilson: Newcombe (1998) 15/148 gives 0.0624-0.1605 and 1/29 gives 0.0061-0.1718', () => {
  const a = wilsonInterval(15, 148);
  assert.deepEqual([round(a.low, 4), round(a.high, 4)], [0.0624, 0.1605]);
  const b = wilsonInterval(1, 29);
  assert.deepEqual([round(b.low, 4), round(b.high, 4)], [0.0061, 0.1718]);
});

test('Wilson: an empty denominator gives nulls, bad counts throw', () => {
  assert.deepEqual(proportion(0, 0), { count: 0, total: 0, value: null, low: null, high: null });
  assert.throws(() => wilsonInterval(3, 2), /count <= total/);
  assert.throws(() => wilsonInterval(1.5, 4), RangeError);
  assert.throws(() => wilsonInterval(-1, 4), /got -1\/4/);
  assert.throws(() => wilsonInterval(0, 0), /total > 0 \(got 0\/0\)/);
  assert.throws(() => wilsonInterval(0, -2), /got 0\/-2/);
});

test('Wilson: a proportion carries its count, total, value and interval', () => {
  const { count, total, value, low, high } = proportion(81, 263);
  assert.deepEqual([count, total, round(value!, 6), round(low!, 4), round(high!, 4)], [81, 263, 0.307985, 0.2553, 0.3662]);
});

test("Cohen's kappa: the 2x2 table (20, 5, 10, 15) gives 0.40", () => {
  assert.equal(
    round(
      cohenKappaFromTable([
        [20, 5],
        [10, 15],
      ])!,
      10,
    ),
    0.4,
  );
});

test("Cohen's kappa: raters with different marginals, (45, 15, 25, 15), gives 0.1304", () => {
  // Rater 1 says yes 60 times, rater 2 70 times: p_e = 0.6 * 0.7 + 0.4 * 0.3 = 0.54, p_o = 0.6.
  const table = [
    [45, 15],
    [25, 15],
  ];
  assert.equal(round(cohenKappaFromTable(table)!, 4), 0.1304);
  // Swapping the raters (transposing) gives the same kappa.
  assert.equal(
    round(
      cohenKappaFromTable([
        [45, 25],
        [15, 15],
      ])!,
      10,
    ),
    round(cohenKappaFromTable(table)!, 10),
  );
});

test("Cohen's kappa: perfect agreement is 1, chance-level is 0, one shared category is undefined", () => {
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['b', 'b'],
      ['a', 'a'],
    ]),
    1,
  );
  // Independent marginals (each 50/50) with half agreement: p_o = p_e = 0.5.
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'b'],
    ]),
    0,
  );
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['a', 'a'],
    ]),
    null,
  );
  assert.equal(cohenKappa([]), null);
});

test("Krippendorff's alpha: Krippendorff (2011) missing-data example, nominal, gives 0.743", () => {
  // Four observers, twelve units, values 1-5; null where an observer gave none.
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = observers[0].map((_value, unit) => observers.map((row) => row[unit]));
  assert.equal(round(krippendorffAlphaNominal(units)!, 3), 0.743);
});

test("Krippendorff's alpha: two coders, no missing data, agrees with the textbook 2x2 value", () => {
  // Krippendorff (2011) binary example: 10 units, two coders.
  const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
  const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
  assert.equal(round(krippendorffAlphaNominal(a.map((value, i) => [value, b[i]]))!, 3), 0.095);
});

test("Krippendorff's alpha: units with one value are left out; a single category is undefined", () => {
  assert.equal(krippendorffAlphaNominal([['x', null], ['y']]), null);
  assert.equal(
    krippendorffAlphaNominal([
      ['x', 'x'],
      ['x', 'x', 'x'],
    ]),
    null,
  );
  assert.equal(
    krippendorffAlphaNominal([
      ['x', 'x'],
      ['y', 'y'],
      ['z', null],
    ]),
    1,
  );
});

test("Krippendorff's alpha: a missing value may be undefined as well as null", () => {
  const _ = undefined;
  const units = [
    [1, 1, _],
    [2, _, 2],
    [1, 2, _],
  ];
  // Pairable values: 1,1 / 2,2 / 1,2 (n = 6, three 1s and three 2s): D_o = 2/6, D_e = 18/30, alpha = 4/9.
  assert.equal(round(krippendorffAlphaNominal(units)!, 10), round(4 / 9, 10));
  assert.equal(
    krippendorffAlphaNominal(units.map((unit) => unit.map((value) => value ?? null))),
    krippendorffAlphaNominal(units),
  );
});

test("Krippendorff's alpha: the smallest defined case, one unit of two different values, is 0", () => {
  // n = 2: D_o = 2/2 and D_e = 2/(2·1), so alpha = 1 - 1 = 0.
  assert.equal(krippendorffAlphaNominal([['x', 'y']]), 0);
});

test("Cohen's kappa: a table that is not square is refused", () => {
  assert.throws(
    () =>
      cohenKappaFromTable([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    /cohenKappaFromTable: the table must be square/,
  );
});
