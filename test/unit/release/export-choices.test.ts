// The paper's multiple-choice draw, checked for its distribution and its
// edge, not only for reproducibility: a biased shuffle or an off-by-one in the
// "enough items" rule gives the same bytes for the same seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestRng, sampleChoices } from '../../../src/core/release/export-choices';

const DOMAIN = ['p', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'];
const DOMAIN_SET = new Set(DOMAIN);

test('sampleChoices: the true answer lands at each of the 5 positions about equally (2,000 requests)', () => {
  const counts = [0, 0, 0, 0, 0];
  for (let k = 0; k < 2000; k++) {
    const drawn = sampleChoices('p', new Set(['p']), DOMAIN, DOMAIN_SET, requestRng(11, 'books', `r${k}`));
    assert.ok(drawn !== null);
    assert.equal(drawn.choices[drawn.true_index], 'p');
    counts[drawn.true_index]++;
  }
  // Uniform is 400 each; 300..500 is over 5 standard deviations wide, and a shuffle stopping one step early gives 0 at B.
  for (const [position, count] of counts.entries()) {
    assert.ok(count >= 300 && count <= 500, `position ${'ABCDE'[position]}: ${count} of 2000 (${counts.join('/')})`);
  }
});

test('sampleChoices: every negative is drawn about equally, never one of the request items', () => {
  const counts = new Map<string, number>();
  for (let k = 0; k < 2000; k++) {
    const drawn = sampleChoices('p', new Set(['p', 'n9']), DOMAIN, DOMAIN_SET, requestRng(3, 'music', `r${k}`))!;
    for (const choice of drawn.choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  assert.equal(counts.get('p'), 2000);
  assert.equal(counts.get('n9'), undefined);
  // 4 negatives of 8 allowed: 1,000 each expected.
  for (const item of DOMAIN.slice(1, 9)) {
    const count = counts.get(item) ?? 0;
    assert.ok(count >= 850 && count <= 1150, `${item}: ${count} of 2000`);
  }
});

test('sampleChoices: exactly 4 drawable items are enough (all 4 are the negatives); 3 are not', () => {
  const five = ['p', 'a', 'b', 'c', 'd'];
  const drawn = sampleChoices('p', new Set(['p']), five, new Set(five), requestRng(1, 'books', 'r1'));
  assert.ok(drawn !== null);
  assert.deepEqual([...drawn.choices].sort(), ['a', 'b', 'c', 'd', 'p']);
  assert.equal(drawn.choices[drawn.true_index], 'p');
  // A request item outside the domain does not count against it; one inside does.
  assert.notEqual(sampleChoices('p', new Set(['p', 'elsewhere']), five, new Set(five), requestRng(1, 'books', 'r1')), null);
  assert.equal(sampleChoices('p', new Set(['p', 'd']), five, new Set(five), requestRng(1, 'books', 'r1')), null);
});
