import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LETTERS, parseChoice } from '../../../src/core/paper/choice';

describe('parseChoice', () => {
  test('letters are A-E', () => {
    assert.deepEqual([...LETTERS], ['A', 'B', 'C', 'D', 'E']);
  });

  test('the first character B-E gives the index directly', () => {
    assert.equal(parseChoice('B. zed band - blue hour'), 1);
    assert.equal(parseChoice('C'), 2);
    assert.equal(parseChoice('E) quiet owls'), 4);
    assert.equal(parseChoice('D. but A. was close'), 3);
  });

  test('"A" quirk: an answer starting with A searches "A." .. "E." in order', () => {
    assert.equal(parseChoice('A. zed band - blue hour'), 0);
    assert.equal(parseChoice('A'), null);
    assert.equal(parseChoice('A) zed band'), null);
    assert.equal(parseChoice('A: zed band (not B. quiet owls)'), 1);
  });

  test('no leading letter: searches the text, else null', () => {
    assert.equal(parseChoice('The answer is C. lamp post - glow'), 2);
    assert.equal(parseChoice(' B. leading space'), 1);
    assert.equal(parseChoice('I cannot choose.'), null);
    assert.equal(parseChoice('b. lowercase'), null);
    assert.equal(parseChoice(''), null);
  });

  test('the text search tries A. first, then B. .. E., whatever comes first in the text', () => {
    assert.equal(parseChoice('The answer is A. zed band - blue hour, not C. lamp post - glow'), 0);
    assert.equal(parseChoice('The answer is C. lamp post - glow, not A. zed band - blue hour'), 0);
    assert.equal(parseChoice('Maybe D. lamp post, or B. quiet owls'), 1);
    assert.equal(parseChoice('A: either E. glow or D. fern'), 3);
  });

  test('a letter-dot inside a name counts (ABBA. is "A.")', () => {
    assert.equal(parseChoice('My pick is ABBA. - waterloo'), 0);
  });
});
