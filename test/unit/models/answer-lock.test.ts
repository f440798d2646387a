// The batch answer lock against concurrent takers: a lock left by a run that
// is gone is taken over by exactly one of the runs that find it at once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lockAnswerFile } from '../../../src/core/models/batch/answer-lock';
import { makeTempDir } from '../annotations/temp';

test('a stale lock found by several runs at once is taken over by exactly one; the others are refused', async (t) => {
  const dir = makeTempDir(t, 'imagery-lock-');
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  // Many rounds: a read-then-remove takeover lets two takers through in some interleavings, not all.
  for (let round = 0; round < 20; round++) {
    const file = path.join(dir, `rec_title-${round}.jsonl`);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone, host: hostname() }));
    const takers = await Promise.allSettled([lockAnswerFile(file), lockAnswerFile(file), lockAnswerFile(file)]);
    const won = takers.filter((taker) => taker.status === 'fulfilled');
    assert.equal(won.length, 1, `round ${round}: ${won.length} runs hold the lock`);
    for (const taker of takers) {
      if (taker.status === 'rejected')
        assert.match(String(taker.reason), new RegExp(`another run is writing these answers \\(process ${process.pid} on `));
    }
    assert.deepEqual(JSON.parse(readFileSync(`${file}.lock`, 'utf8')), { pid: process.pid, host: hostname() });
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  }
  // Nothing is left behind: no lock, no takeover marker.
  assert.deepEqual(readdirSync(dir), []);
});
