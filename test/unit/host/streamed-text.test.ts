// The editor's streaming answer: the panels receive each new part once, with
// its offset, gathered per interval; never the whole text again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StreamedText } from '../../../src/host/models/streamed-text';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('pieces within an interval go out as one part from where the last ended; a whole message moves the start', async () => {
  const posted: [number, string][] = [];
  let text = '';
  const streamed = new StreamedText((at, part) => posted.push([at, part]), 20);
  const grow = (piece: string): void => {
    text += piece;
    streamed.grew(() => text);
  };
  grow('1. Al');
  grow('pha');
  await tick(60);
  grow(' Band');
  await tick(60);
  assert.deepEqual(posted, [
    [0, '1. Alpha'],
    [8, ' Band'],
  ]);
  text += ' - Moon';
  streamed.sentWhole(text);
  grow(' Song');
  await tick(60);
  assert.deepEqual(posted.at(-1), [20, ' Song']);
  // Nothing new: nothing sent.
  streamed.flush(text);
  assert.equal(posted.length, 3);
});
