import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { datasetStats, meanSd } from '../../../src/core/paper/stats';
import { makeRecord } from './records';

const choice = { choices: ['a', 'b', 'c', 'd', 'e'], true_index: 0 };

describe('meanSd', () => {
  test('population standard deviation (divides by n)', () => {
    assert.deepEqual(meanSd([1, 3]), { mean: 2, sd: 1 });
    assert.deepEqual(meanSd([]), { mean: NaN, sd: NaN });
    assert.deepEqual(meanSd([2, 4, 4, 4, 5, 5, 7, 9]), { mean: 5, sd: 2 });
  });
});

describe('datasetStats', () => {
  test('per domain over benchmark requests: distinct items, images from image_urls', () => {
    const stats = datasetStats([
      makeRecord({
        id: 'a',
        choice,
        image_urls: ['u1', 'u2', 'u3'],
        image_names: ['n1'],
        relevance: [
          ['x', 1],
          ['y', 0],
        ],
      }),
      makeRecord({
        id: 'b',
        choice,
        image_urls: ['u4'],
        relevance: [
          ['x', 2],
          ['z', 1],
          ['w', 5],
          ['v', 1],
        ],
      }),
      makeRecord({ id: 'outside', image_urls: ['u5'], relevance: [['q', 1]] }),
    ]);
    assert.deepEqual(Object.keys(stats), ['music']);
    assert.deepEqual(stats.music, {
      requests: 2,
      items: 5,
      images: { mean: 2, sd: 1, total: 4 },
      itemsPerRequest: { mean: 3, sd: 1 },
    });
  });
});
