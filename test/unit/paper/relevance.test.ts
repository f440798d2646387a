import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CommentItems, correctedRelevance, positiveItem, relevance } from '../../../src/core/paper/relevance';

const comments: CommentItems[] = [
  { upvotes: 3, items: ['zed band - blue hour', 'quiet owls'] },
  { upvotes: -2, items: ['lamp post - glow', 'quiet owls'] },
  { upvotes: 0, items: ['noon - tide'] },
  { upvotes: 5, items: ['quiet owls', 'zed band - blue hour'] },
];

describe('relevance', () => {
  test('sums upvotes per item in first-mention order; negative comments skipped, zero counts', () => {
    assert.deepEqual(relevance(comments), [
      ['zed band - blue hour', 8],
      ['quiet owls', 8],
      ['noon - tide', 0],
    ]);
  });

  test('an item repeated in one comment counts twice (as the release)', () => {
    assert.deepEqual(relevance([{ upvotes: 2, items: ['quiet owls', 'quiet owls'] }]), [['quiet owls', 4]]);
  });

  test('no comments: empty', () => {
    assert.deepEqual(relevance([]), []);
  });
});

describe('positiveItem', () => {
  test('argmax, first in order on ties', () => {
    assert.equal(positiveItem(relevance(comments)), 'zed band - blue hour');
    assert.equal(
      positiveItem([
        ['a', 1],
        ['b', 4],
        ['c', 4],
      ]),
      'b',
    );
  });

  test('zero scores still give a positive; empty gives null', () => {
    assert.equal(
      positiveItem([
        ['a', 0],
        ['b', 0],
      ]),
      'a',
    );
    assert.equal(positiveItem([]), null);
  });
});

describe('correctedRelevance', () => {
  // The release holds an item the (reconstructed) extraction never recovered ('ghost act').
  const release: [string, number][] = [
    ['zed band - blue hour', 8],
    ['ghost act', 0],
    ['quiet owls', 8],
    ['noon - tide', 0],
  ];

  test('unchanged comments give back the release exactly (same order, zero-score items kept)', () => {
    const result = correctedRelevance(release, comments, structuredClone(comments));
    assert.deepEqual(result, release);
    assert.notEqual(result, release);
  });

  test('an added item is appended in first-mention order with the comment upvotes', () => {
    const corrected = structuredClone(comments);
    corrected[3].items = ['quiet owls', 'zed band - blue hour', 'late bloom - rain'];
    corrected[0].items = [...corrected[0].items, 'early bird'];
    assert.deepEqual(correctedRelevance(release, comments, corrected), [...release, ['early bird', 3], ['late bloom - rain', 5]]);
  });

  test('a removed mention lowers the score; the item stays while its score is positive', () => {
    const corrected = structuredClone(comments);
    corrected[0].items = ['quiet owls'];
    assert.deepEqual(correctedRelevance(release, comments, corrected), [
      ['zed band - blue hour', 5],
      ['ghost act', 0],
      ['quiet owls', 8],
      ['noon - tide', 0],
    ]);
  });

  test('an item whose score falls to <= 0 with no mention left is dropped', () => {
    const corrected = structuredClone(comments);
    corrected[0].items = ['quiet owls'];
    corrected[3].items = ['quiet owls'];
    corrected[2].items = [];
    assert.deepEqual(correctedRelevance(release, comments, corrected), [
      ['ghost act', 0],
      ['quiet owls', 8],
    ]);
  });

  test('an item still mentioned by a zero-upvote comment stays, even at score 0', () => {
    const corrected = structuredClone(comments);
    corrected[0].items = ['quiet owls'];
    corrected[3].items = ['quiet owls'];
    corrected[2].items = ['noon - tide', 'zed band - blue hour'];
    assert.deepEqual(correctedRelevance(release, comments, corrected)[0], ['zed band - blue hour', 0]);
  });

  test('a mention added to a negative comment changes nothing', () => {
    const corrected = structuredClone(comments);
    corrected[1].items = [...corrected[1].items, 'late bloom - rain'];
    assert.deepEqual(correctedRelevance(release, comments, corrected), release);
  });

  test('a renamed item moves its upvotes to the new name, appended', () => {
    const corrected = structuredClone(comments);
    corrected[2].items = ['noon - tides'];
    assert.deepEqual(correctedRelevance(release, comments, corrected), [
      ['zed band - blue hour', 8],
      ['ghost act', 0],
      ['quiet owls', 8],
      ['noon - tides', 0],
    ]);
  });

  test('adding a new zero-upvote mention of an unlisted item appends it at 0', () => {
    const corrected = structuredClone(comments);
    corrected[2].items = ['noon - tide', 'early bird'];
    assert.deepEqual(correctedRelevance(release, comments, corrected).at(-1), ['early bird', 0]);
  });

  test('an item whose every mention was removed leaves, even when the release scored it higher than its comments', () => {
    // The release counted 9 for an item its extracted comments give 8: removing both mentions leaves 1, yet no comment names it.
    const higher: [string, number][] = [
      ['zed band - blue hour', 9],
      ['quiet owls', 8],
    ];
    const corrected = structuredClone(comments);
    corrected[0].items = ['quiet owls'];
    corrected[3].items = ['quiet owls'];
    assert.deepEqual(correctedRelevance(higher, comments, corrected), [['quiet owls', 8]]);
  });

  test('a released item only a negative comment mentions leaves when that mention is removed', () => {
    const withNegativeOnly: [string, number][] = [...release, ['lamp post - glow', 0]];
    const corrected = structuredClone(comments);
    corrected[1].items = ['quiet owls'];
    assert.deepEqual(correctedRelevance(withNegativeOnly, comments, corrected), release);
  });

  test('an item a negative comment still mentions, but no counting comment does, leaves', () => {
    const corrected = structuredClone(comments);
    corrected[0].items = ['zed band - blue hour'];
    corrected[3].items = ['zed band - blue hour'];
    assert.deepEqual(
      correctedRelevance(release, comments, corrected).map(([item]) => item),
      ['zed band - blue hour', 'ghost act', 'noon - tide'],
    );
  });
});
