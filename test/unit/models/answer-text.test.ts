// The thinking is kept out of the answer, whole or streamed in any pieces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitThinking, ThinkSplitter } from '../../../src/core/models/answer-text';

function streamed(pieces: string[]): { answer: string; thinking: string } {
  let answer = '';
  let thinking = '';
  const splitter = new ThinkSplitter(
    (text) => (answer += text),
    (text) => (thinking += text),
  );
  for (const piece of pieces) splitter.push(piece);
  splitter.end();
  return { answer, thinking };
}

describe('answer text', () => {
  test('a leading <think> block is split off; the answer follows it', () => {
    assert.deepEqual(splitThinking('\n<think>\n1. Decoy - X\n</think>\n\n1. A - B'), {
      answer: '1. A - B',
      thinking: '1. Decoy - X',
    });
  });

  test('a close tag alone (the template opened the block) still ends the thinking', () => {
    assert.deepEqual(splitThinking('pondering 1. Decoy - X</think>\n1. A - B'), {
      answer: '1. A - B',
      thinking: 'pondering 1. Decoy - X',
    });
  });

  test('an unclosed block is all thinking; text without tags is all answer; a later <think> is answer text', () => {
    assert.deepEqual(splitThinking('<think>still going'), { answer: '', thinking: 'still going' });
    assert.deepEqual(splitThinking('1. A - B'), { answer: '1. A - B' });
    assert.deepEqual(splitThinking('1. A <think> B'), { answer: '1. A <think> B' });
  });

  test('streamed in pieces that cut the tags anywhere, the same split', () => {
    const text = '<think>1. Decoy - X</think>\n1. A - B';
    for (let cut = 1; cut < text.length; cut++) {
      const result = streamed([text.slice(0, cut), text.slice(cut)]);
      assert.deepEqual(result, { answer: '1. A - B', thinking: '1. Decoy - X' }, `cut at ${cut}`);
    }
    assert.deepEqual(streamed(['<', 'th', 'ink', '>', 'a', '</th', 'ink>', 'B']), { answer: 'B', thinking: 'a' });
    assert.deepEqual(streamed(['<b>bold', '</b>']), { answer: '<b>bold</b>', thinking: '' });
  });
});
