import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codePointDistance, GroundTruthMatcher, matchesGroundTruth } from '../../../src/core/paper/matcher';

describe('GroundTruthMatcher', () => {
  const matcher = new GroundTruthMatcher(['zed band - blue hour', 'quiet owls', 'lamp post - glow']);

  test('exact and case-insensitive matches', () => {
    assert.equal(matcher.matches('zed band - blue hour'), true);
    assert.equal(matcher.matches('Zed Band - BLUE HOUR'), true);
  });

  test('edit distance 4 matches, 5 does not', () => {
    assert.equal(matcher.matches('zed band - blue hxxxx'), true); // 4 substitutions
    assert.equal(matcher.matches('zed band - blue xxxxx'), false); // 5 substitutions
    assert.equal(matcher.matches('zed band - blue hour!!!!'), true); // 4 insertions
    assert.equal(matcher.matches('zed band - blue hour!!!!!'), false); // 5 insertions
    assert.equal(matcher.matches('zed band - blue'), false); // 5 deletions
  });

  test('creator-only item inside the part before the first "-"', () => {
    assert.equal(matcher.matches('quiet owls - a song they never wrote'), true);
    assert.equal(matcher.matches('the quiet owls orchestra - anything'), true);
    // after the first "-" it does not count, even with " - " spacing
    assert.equal(matcher.matches('someone else - quiet owls'), false);
    // the first "-" may be inside a name: "x-quiet owls" is cut to "x"
    assert.equal(matcher.matches('x-quiet owls - song'), false);
  });

  test('creators are only items without " - " (a full item is not a creator)', () => {
    assert.equal(matcher.matches('lamp post - another song entirely'), false);
  });

  test('explain: on a tie the item first in length order is the one named, whatever the input order', () => {
    for (const items of [
      ['A - Songs!', 'a - song'],
      ['a - song', 'A - Songs!'],
    ]) {
      // "a - songs" is one edit from both: a deletion from the longer, an insertion into the shorter.
      assert.deepEqual(new GroundTruthMatcher(items).explain('a - songs'), { kind: 'item', item: 'a - song', distance: 1 });
    }
  });

  test('no ground truth matches nothing', () => {
    assert.equal(new GroundTruthMatcher([]).matches('zed band - blue hour'), false);
  });

  test('matchesGroundTruth is the one-off form', () => {
    assert.equal(matchesGroundTruth('Zed Band - Blue Hours', ['zed band - blue hour']), true);
    assert.equal(matchesGroundTruth('other - thing', ['zed band - blue hour']), false);
  });

  test('astral characters count as one edit (code points, as Python)', () => {
    // 4 emoji substitutions: 4 in code points, 8 in UTF-16 units
    const item = 'zed band - abcd';
    const title = 'zed band - \u{1F3B5}\u{1F3B6}\u{1F3B7}\u{1F3B8}';
    assert.equal(codePointDistance(title, item), 4);
    assert.equal(matchesGroundTruth(title, [item]), true);
  });

  test('codePointDistance agrees with the classic cases', () => {
    assert.equal(codePointDistance('kitten', 'sitting'), 3);
    assert.equal(codePointDistance('', 'abc'), 3);
    assert.equal(codePointDistance('same', 'same'), 0);
  });
});
