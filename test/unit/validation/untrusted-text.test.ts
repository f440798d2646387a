// The escapes for text from data on VS Code's surfaces, terminals and plain
// text: links, icons, control sequences and unpaired bidi controls.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeControls, isolate, isolatedRuns, stripUnpairedBidi, terminalText, uiText } from '../../../src/core/untrusted-text';

// VS Code's own pattern for links in notifications (vs/base/common/linkedText.ts) and for icons in labels.
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const LABEL_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
const COMMAND_LINK = '[Click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20hi%22%7D)';
const RLO = '\u202e';

describe('uiText: what VS Code shows of data', () => {
  test('a command link in data is no link, and reads the same', () => {
    const shown = uiText(`The queue ${COMMAND_LINK} has no items`);
    assert.equal([...shown.matchAll(NOTIFICATION_LINK)].length, 0, shown);
    assert.equal(shown.replaceAll('\u200b', ''), `The queue ${COMMAND_LINK} has no items`);
  });

  test('https and file links in data are no links either', () => {
    for (const link of ['[a](https://example.com)', '[a](file:///etc/passwd)', '[a](command:x "title")']) {
      assert.equal([...uiText(link).matchAll(NOTIFICATION_LINK)].length, 0, link);
    }
  });

  test('$(zap) in a name is no icon, and reads the same', () => {
    const shown = uiText('queue $(zap) and $(sync~spin) 0/2 done');
    assert.deepEqual([...shown.matchAll(LABEL_ICON)], []);
    assert.equal(shown.replaceAll('\u200b', ''), 'queue $(zap) and $(sync~spin) 0/2 done');
  });

  test('an unclosed right-to-left override is dropped; our text after it is left as it is', () => {
    assert.equal(uiText(`queue abc${RLO}def 0/2 done`), 'queue abcdef 0/2 done');
  });

  test('control characters become visible escapes', () => {
    assert.equal(uiText('a\u001b[31mred\u0000'), 'a\\x1b[31mred\\x00');
  });
});

describe('stripUnpairedBidi', () => {
  test('a closed override stays, an unclosed one goes', () => {
    assert.equal(stripUnpairedBidi(`x${RLO}abc\u202c y`), `x${RLO}abc\u202c y`);
    assert.equal(stripUnpairedBidi(`x${RLO}abc y`), 'xabc y');
  });

  test('closers without an opener go', () => {
    assert.equal(stripUnpairedBidi('a\u202cb\u2069c'), 'abc');
  });

  test('an isolate closes the embeddings left open inside it, which go', () => {
    assert.equal(stripUnpairedBidi('\u2068a\u202eb\u2069 c'), '\u2068ab\u2069 c');
  });

  test('a PDF does not close an embedding across an isolate', () => {
    assert.equal(stripUnpairedBidi('\u202ba\u2067b\u202c\u2069'), 'a\u2067b\u2069');
  });

  test('a line break ends every opener: one opened on the line before is unpaired', () => {
    assert.equal(stripUnpairedBidi(`${RLO}a\nb\u202c`), 'a\nb');
  });

  test('text without bidi controls is returned as it is', () => {
    const text = 'plain שלום text';
    assert.equal(stripUnpairedBidi(text), text);
  });
});

describe('terminalText', () => {
  test('escape sequences, carriage returns and C1 controls become visible; tabs and line feeds stay', () => {
    assert.equal(terminalText('a\u001b]0;title\u0007b\rc\u009b2Jd\te\nf'), 'a\\x1b]0;title\\x07b\\x0dc\\x9b2Jd\te\nf');
  });

  test('an unclosed override is dropped', () => {
    assert.equal(terminalText(`r1${RLO}x: done`), 'r1x: done');
  });

  test('escapeControls leaves ordinary text alone', () => {
    assert.equal(escapeControls('Ünïcode – “quotes” 日本'), 'Ünïcode – “quotes” 日本');
  });
});

describe('isolate and isolatedRuns', () => {
  test('data is wrapped in FSI … PDI; an override left open stays inside, stray closers and open isolates go', () => {
    assert.equal(isolate(`ana${RLO}`), `\u2068ana${RLO}\u2069`);
    assert.equal(isolate('a\u2069b\u2067c'), '\u2068abc\u2069');
  });

  test('runs: our text and each data string, in order, without the marks', () => {
    const text = `Annotators: ${isolate(`ana${RLO}`)}, ${isolate('\u2067ben\u2069')}. Every share`;
    assert.deepEqual(isolatedRuns(text), [
      { text: 'Annotators: ', data: false },
      { text: `ana${RLO}`, data: true },
      { text: ', ', data: false },
      { text: '\u2067ben\u2069', data: true },
      { text: '. Every share', data: false },
    ]);
  });

  test("data's own paired isolate outside ours is a run too, marks kept", () => {
    assert.deepEqual(isolatedRuns('x \u2067y\u2069 z'), [
      { text: 'x ', data: false },
      { text: '\u2067y\u2069', data: true },
      { text: ' z', data: false },
    ]);
  });

  test('text without isolates is one run of ours', () => {
    assert.deepEqual(isolatedRuns('plain'), [{ text: 'plain', data: false }]);
  });
});
