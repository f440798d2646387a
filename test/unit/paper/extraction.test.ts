import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NULL_ANSWERS, parseExtraction } from '../../../src/core/paper/extraction';

describe('parseExtraction', () => {
  test('null, undefined and every whole-answer null case give no items', () => {
    assert.deepEqual(parseExtraction(null), []);
    assert.deepEqual(parseExtraction(undefined), []);
    for (const answer of NULL_ANSWERS) assert.deepEqual(parseExtraction(answer), [], JSON.stringify(answer));
    assert.deepEqual([...NULL_ANSWERS], ['None', 'None.', '- None', '', 'none', 'NONE']);
  });

  test('lowercases, strips and splits lines', () => {
    assert.deepEqual(parseExtraction('  Zed Band - Blue Hour  \nAnother Act'), ['zed band - blue hour', 'another act']);
  });

  test('removes "- " bullets and "1." / "1)" numbering', () => {
    assert.deepEqual(parseExtraction('- Zed Band - Blue Hour\n1. Quiet Owls - Fern\n12) Lamp Post - Glow\n3.Noon - Tide'), [
      'zed band - blue hour',
      'quiet owls - fern',
      'lamp post - glow',
      'noon - tide',
    ]);
  });

  test('removes one leading and one trailing double quote only', () => {
    assert.deepEqual(parseExtraction('"Zed Band - Blue Hour"\n""Quiet Owls""\nLamp "Post" - Glow'), [
      'zed band - blue hour',
      '"quiet owls"',
      'lamp "post" - glow',
    ]);
  });

  test('cuts a trailing " - none", and (release quirk) the last 7 chars whenever "- none" occurs', () => {
    assert.deepEqual(parseExtraction('Zed Band - None\nSolo Artist - none of it'), ['zed band', 'solo artist - non']);
  });

  test('drops null lines: "none" and empty, but keeps a "None." line as "none." (lowercased, not a null case)', () => {
    assert.deepEqual(parseExtraction('Zed Band - Blue Hour\nNone\n\n- None\nNone.'), ['zed band - blue hour', 'none.']);
  });

  test('keeps lines of 4 and 100 chars, drops 3 and 101', () => {
    const hundred = 'a'.repeat(100);
    assert.deepEqual(parseExtraction(['abc', 'abcd', hundred, `${hundred}b`].join('\n')), ['abcd', hundred]);
  });

  test('lengths count code points like Python (an emoji is one character)', () => {
    assert.deepEqual(parseExtraction('ab\u{1F3B5}\nab\u{1F3B5}c'), ['ab\u{1F3B5}c']);
  });

  test('length is checked after cleaning ("1. abc" is too short)', () => {
    assert.deepEqual(parseExtraction('1. abc\n- abcd'), ['abcd']);
  });

  test('CRLF lines lose their CR; a lone CR is not a line break (as Python split("\\n"))', () => {
    assert.deepEqual(parseExtraction('Zed Band - Blue Hour\r\nQuiet Owls\r\n'), ['zed band - blue hour', 'quiet owls']);
    assert.deepEqual(parseExtraction('Zed Band\rQuiet Owls'), ['zed band\rquiet owls']);
  });

  test('the whole-answer null check is verbatim: "None\\n" is parsed, and yields nothing', () => {
    assert.deepEqual(parseExtraction('None\n'), []);
    assert.deepEqual(parseExtraction(' None.'), ['none.']);
  });

  test('keeps a repeated item twice within one answer (S_r counts each occurrence, as the release)', () => {
    assert.deepEqual(parseExtraction('Zed Band - Blue Hour\n2. zed band - blue hour'), [
      'zed band - blue hour',
      'zed band - blue hour',
    ]);
  });

  test('strips Python whitespace (\\x1c, NBSP) but not a BOM', () => {
    assert.deepEqual(parseExtraction('\u00a0Zed Band\x1c\n\ufeffQuiet'), ['zed band', '\ufeffquiet']);
  });
});
