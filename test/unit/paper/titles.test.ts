import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTitles } from '../../../src/core/paper/titles';

describe('parseTitles', () => {
  test('numbering "1." and "1)" removed, lowercased, stripped', () => {
    assert.deepEqual(parseTitles('1. Zed Band - Blue Hour\n2) Quiet Owls - Fern\n  10.   Lamp Post - Glow  '), [
      'zed band - blue hour',
      'quiet owls - fern',
      'lamp post - glow',
    ]);
  });

  test('every quoted part is unquoted', () => {
    assert.deepEqual(parseTitles('1. Zed Band - "Blue Hour"\n"Quiet Owls" - "Fern"'), [
      'zed band - blue hour',
      'quiet owls - fern',
    ]);
  });

  test('"artist: " and "title: " are deleted anywhere', () => {
    assert.deepEqual(parseTitles('Artist: Zed Band - Title: Blue Hour'), ['zed band - blue hour']);
  });

  test('lines without " - " are dropped (prose, "Zed-Band", headers)', () => {
    assert.deepEqual(parseTitles('Here are 20 songs:\nZed Band-Blue Hour\nZed Band - Blue Hour'), ['zed band - blue hour']);
  });

  test('keeps 100 chars, drops 101; "a - " (stripped to 3 chars) and " - " dropped', () => {
    const hundred = `a - ${'b'.repeat(96)}`;
    assert.deepEqual(parseTitles(['a - ', ' - ', 'a - b', hundred, `${hundred}c`].join('\n')), ['a - b', hundred]);
  });

  test('the 4-character minimum: "x - " (4 after unquoting) is kept, " - " (3) dropped', () => {
    // Stripping runs before unquoting, so an empty quote is the only way to keep an edge space.
    assert.deepEqual(parseTitles(['x - ""', '"" - ""', '"" - b'].join('\n')), ['x - ', ' - b']);
  });

  test('CRLF answers parse like LF ones; empty lines skipped', () => {
    assert.deepEqual(parseTitles('1. Zed Band - Blue Hour\r\n\r\n2. Quiet Owls - Fern\r\n'), [
      'zed band - blue hour',
      'quiet owls - fern',
    ]);
  });

  test('numbering is removed before quotes: "1. \\"x - y\\"" -> "x - y"', () => {
    assert.deepEqual(parseTitles('1. "Zed Band - Blue Hour"'), ['zed band - blue hour']);
  });

  test('a limit stops at that many titles, counting only lines that parse', () => {
    const answer = ['1. A Band - One', 'not a title', '2. B Band - Two', '3. C Band - Three'].join('\n');
    assert.deepEqual(parseTitles(answer, 2), ['a band - one', 'b band - two']);
    assert.deepEqual(parseTitles(answer, 0), []);
    assert.equal(parseTitles(answer).length, 3);
  });
});
