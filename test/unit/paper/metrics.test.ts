import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroundTruthMatcher } from '../../../src/core/paper/matcher';
import { accuracyPercent, hitAtK, isChoiceCorrect, matchTitles, meanOrNull, titleHits } from '../../../src/core/paper/metrics';

describe('hitAtK', () => {
  test('1 when any of the first k matches', () => {
    assert.equal(hitAtK([false, true], 1), 0);
    assert.equal(hitAtK([false, true], 2), 1);
    assert.equal(hitAtK([], 20), 0);
  });
});

describe('titleHits', () => {
  const matcher = new GroundTruthMatcher(['zed band - blue hour']);
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. other act - song ${i}`);

  test('rank counts parsed titles only: prose lines do not use up ranks', () => {
    const answer = ['Sure! Here are some songs:', '1. Zed Band - Blue Hour'].join('\n');
    assert.deepEqual(titleHits(answer, matcher), { 1: 1, 10: 1, 20: 1 });
  });

  test('a match at rank 10 hits @10 and @20 but not @1; at 21 hits nothing', () => {
    assert.deepEqual(titleHits([...filler(9), '10. zed band - blue hour'].join('\n'), matcher), { 1: 0, 10: 1, 20: 1 });
    assert.deepEqual(titleHits([...filler(20), '21. zed band - blue hour'].join('\n'), matcher), { 1: 0, 10: 0, 20: 0 });
  });

  test('Hit@20 looks past rank 10: a match at 11, 15 or 20 hits @20 only', () => {
    for (const rank of [11, 15, 20]) {
      const answer = [...filler(rank - 1), `${rank}. zed band - blue hour`].join('\n');
      assert.deepEqual(titleHits(answer, matcher), { 1: 0, 10: 0, 20: 1 }, `rank ${rank}`);
    }
  });

  test('matchTitles lists every parsed title with its verdict', () => {
    assert.deepEqual(matchTitles('1. Zed Band - Blue Hour\nnot a title\n2. Other - Song', matcher), [
      { title: 'zed band - blue hour', matched: true },
      { title: 'other - song', matched: false },
    ]);
  });
});

describe('choice accuracy', () => {
  test('correct only when the parsed index equals the true index', () => {
    assert.equal(isChoiceCorrect('A. zed band', 0), true);
    assert.equal(isChoiceCorrect('A', 0), false);
    assert.equal(isChoiceCorrect('C. lamp post', 1), false);
  });

  test('accuracy is a percentage; null without requests', () => {
    assert.equal(accuracyPercent(1, 4), 25);
    assert.equal(accuracyPercent(3, 4), 75);
    assert.equal(accuracyPercent(0, 0), null);
  });
});

describe('meanOrNull', () => {
  test('the mean of 0/1 scores; null, not NaN, for none', () => {
    assert.equal(meanOrNull(3, 4), 0.75);
    assert.equal(meanOrNull(0, 0), null);
  });
});
