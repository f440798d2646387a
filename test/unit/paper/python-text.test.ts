// Python's string semantics the release's parsers rely on: code points, not
// UTF-16 units, and Python's own set of spaces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pyDropLast, pyLength, pyStrip } from '../../../src/core/paper/python-text';

describe('python text', () => {
  test('pyDropLast is text[:-n] over code points: an emoji is one character, as in Python', () => {
    assert.equal(pyDropLast('ab😀', 1), 'ab');
    assert.equal(pyDropLast('😀xy', 2), '😀');
    assert.equal(pyDropLast('😀', 5), '');
    assert.equal(pyDropLast('abc', 1), 'ab');
    assert.equal(pyDropLast('abc', 7), '');
  });

  test('pyLength counts code points', () => {
    assert.equal(pyLength('a😀b'), 3);
    assert.equal(pyLength('abc'), 3);
  });

  test("pyStrip strips Python's spaces (\\x1c-\\x1f, \\x85 too) and nothing else; all-space gives ''", () => {
    assert.equal(pyStrip('\x1c\x85 a b\u3000\t'), 'a b');
    assert.equal(pyStrip(' \u200b'), '\u200b', 'a zero-width space is no space to Python');
    assert.equal(pyStrip(' \t '), '');
  });
});
