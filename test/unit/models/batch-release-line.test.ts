// The lines a batch run writes, against the release's own: byte for byte for
// the runs the paper's scripts wrote (skipped when the shared data is absent);
// and the pieces the runner is made of (limiter, progress, answer file).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { AdaptiveLimiter } from '../../../src/core/models/batch/adaptive-limiter';
import { readAnswered } from '../../../src/core/models/batch/answer-file';
import { emptyProgress, formatProgress, ProgressPrinter } from '../../../src/core/models/batch/progress';
import { modelFolderName, releaseRunLine } from '../../../src/core/models/batch/release-line';
import { importDomain } from '../../../src/core/release/import';
import type { ShardRecord, Task } from '../../../src/core/shard/schema';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { makeTempDir } from '../annotations/temp';

const RELEASED: { file: string; task: Task; desc: boolean; coi?: boolean }[] = [
  { file: 'gpt-4-vision-preview/music/image/rec_title.jsonl', task: 'rec_title', desc: false },
  { file: 'gpt-4-vision-preview/music/image/rec_choice.jsonl', task: 'rec_choice', desc: false },
  { file: 'gpt-4-vision-preview/music/image/description.jsonl', task: 'description', desc: false },
  { file: 'gpt-4-0125-preview/music/gpt-4-vision-preview/rec_title.jsonl', task: 'rec_title', desc: true },
  { file: 'gpt-3.5-turbo-0125/music/gpt-4-vision-preview/rec_choice.jsonl', task: 'rec_choice', desc: true },
  { file: 'gpt-4-vision-preview/books/image/rec_choice.jsonl', task: 'rec_choice', desc: false },
  { file: 'gpt-4-vision-CoI/books/image/rec_choice.jsonl', task: 'rec_choice', desc: false, coi: true },
  { file: 'gpt-4-vision-CoI/music/image/rec_title.jsonl', task: 'rec_title', desc: false, coi: true },
];

describe('batch run lines against the release', { skip: skipWithoutDataset }, () => {
  test('every line of the paper-written run files is reproduced byte for byte from the imported request and its answer', async () => {
    const byId = new Map<string, ShardRecord>();
    for (const domain of ['music', 'books'] as const) {
      for (const record of (await importDomain(SHARED_DATASET, domain)).records) byId.set(record.id, record);
    }
    for (const { file, task, desc, coi } of RELEASED) {
      let compared = 0;
      for (const raw of readFileSync(path.join(SHARED_DATASET, 'intermediate', file), 'utf8').split('\n')) {
        if (raw.trim() === '') continue;
        const released = JSON.parse(raw);
        const record = byId.get(released.submission_id);
        if (!record) continue; // the 8 music posts outside the benchmark are not imported
        const spec = {
          task,
          prompt: coi ? ('coi' as const) : ('standard' as const),
          descriptions: desc ? released.description : undefined,
        };
        assert.equal(releaseRunLine(record, spec, released[task]), `${raw}\n`, `${file}: ${released.submission_id}`);
        compared++;
      }
      assert.equal(compared, file.includes('/books/') ? 1470 : 796, file);
    }
  });

  test('descriptions by another model (OFA-huge): the same fields as the released lines', async () => {
    const { records } = await importDomain(SHARED_DATASET, 'music');
    const byId = new Map<string, ShardRecord>(records.map((record) => [record.id, record]));
    const file = path.join(SHARED_DATASET, 'intermediate', 'gpt-4-0125-preview', 'music', 'OFA-huge', 'rec_title.jsonl');
    const raw = readFileSync(file, 'utf8').split('\n')[0];
    const released = JSON.parse(raw);
    const ours = JSON.parse(
      releaseRunLine(
        byId.get(released.submission_id)!,
        { task: 'rec_title', prompt: 'standard', descriptions: released.description },
        released.rec_title,
      ),
    );
    assert.deepEqual(Object.keys(ours).sort(), Object.keys(released).sort());
    assert.deepEqual(ours, released);
  });
});

describe('batch run pieces', () => {
  test('the limiter: a 429 halves the window for everyone and pauses new starts; answers widen it again', async () => {
    const limiter = new AdaptiveLimiter({ max: 8 });
    for (let i = 0; i < 8; i++) await limiter.acquire();
    assert.equal(limiter.stats().inFlight, 8);
    limiter.rateLimited(0);
    assert.equal(limiter.stats().window, 4);
    for (let i = 0; i < 3; i++) limiter.release();
    assert.equal(limiter.stats().inFlight, 4);
    let started = false;
    const waiting = limiter.acquire().then(() => (started = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(started, false, 'started beyond the halved window');
    limiter.succeeded();
    await waiting;
    assert.equal(limiter.stats().window, 4);
    for (let i = 0; i < 40; i++) {
      limiter.succeeded();
      await limiter.acquire();
    }
    assert.equal(limiter.stats().window, 8);
    assert.equal(limiter.stats().lowestWindow, 4);
  });

  test('the limiter: a cancelled wait rejects as cancelled, and a long pause keeps no timer behind', async () => {
    const limiter = new AdaptiveLimiter({ max: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    limiter.rateLimited(3600);
    const paused = limiter.acquire(controller.signal);
    controller.abort();
    await assert.rejects(waiting, { kind: 'cancelled' });
    await assert.rejects(paused, { kind: 'cancelled' });
    // node:test would wait out an hour-long timer left armed; the test ending at all is the check.
  });

  test('progress: done/total, rate, ETA, errors; a TTY line is rewritten, plain output gets lines', () => {
    const progress = { ...emptyProgress(100), startedAt: 0, done: 30, answered: 18, failed: 2, resumed: 10 };
    assert.equal(formatProgress(progress, 10_000, 16), '30/100 (30%)  2.0 req/s  ETA 35s  errors 2  resumed 10');
    const written: string[] = [];
    const tty = new ProgressPrinter({ isTTY: true, write: (text) => written.push(text) }, 16);
    tty.update(progress, 1000);
    tty.update(progress, 1100); // throttled
    tty.message('imagery: failed: r4: bad-request: no');
    tty.finish(progress, 10_000);
    assert.equal(written.length, 4);
    assert.ok(written[0].startsWith('\r\x1b[K30/100'), JSON.stringify(written[0]));
    assert.equal(written[1], '\r\x1b[Kimagery: failed: r4: bad-request: no\n');
    assert.equal(written[3], '\n');
  });

  test('progress on a TTY: a request id or error with control sequences is printed as escapes; only our own line reset is raw', () => {
    const progress = { ...emptyProgress(10), startedAt: 0, done: 1, answered: 1 };
    const written: string[] = [];
    const tty = new ProgressPrinter({ isTTY: true, write: (text) => written.push(text) }, 4);
    tty.update(progress, 1000);
    tty.message('imagery: failed: r\u001b]0;pwned\u0007x\u202e: server-error: \u001b[2Jgone\rover');
    assert.equal(written[1], '\r\x1b[Kimagery: failed: r\\x1b]0;pwned\\x07x: server-error: \\x1b[2Jgone\\x0dover\n');
  });

  test('the answer file: a torn last line is cut off; whole lines without the answer are not answers', async (t) => {
    const file = path.join(makeTempDir(t, 'imagery-answers-'), 'rec_title.jsonl');
    writeFileSync(
      file,
      '{"submission_id": "a", "rec_title": "x"}\n{"submission_id": "b"}\nnot json\n{"submission_id": "c", "rec_ti',
    );
    const state = await readAnswered(file, 'rec_title');
    assert.deepEqual([...state.answered], ['a']);
    assert.deepEqual(state.unreadable, [2, 3]);
    assert.equal(state.tornBytes, '{"submission_id": "c", "rec_ti'.length);
    assert.ok(readFileSync(file, 'utf8').endsWith('not json\n'));
  });

  test('model folder names: a served "org/model" becomes one folder', () => {
    assert.equal(modelFolderName('Qwen/Qwen2-VL-7B-Instruct'), 'Qwen_Qwen2-VL-7B-Instruct');
    assert.throws(() => modelFolderName('..'));
  });
});
