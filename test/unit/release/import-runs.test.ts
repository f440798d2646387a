// The release's stored runs and JSONL files read line by line: a BOM on the
// first line only, blank lines skipped, every bad line a problem naming file
// and line, and one answer per request and run (the first kept).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as z from 'zod';
import { readJsonlFile } from '../../../src/core/release/import-jsonl';
import { readRuns } from '../../../src/core/release/import-runs';
import { makeTempDir } from '../annotations/temp';

async function all<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

test('readJsonlFile: a BOM only on line 1, blank and space-only lines skipped but counted, each bad line named', async (t) => {
  const file = path.join(makeTempDir(t, 'imagery-jsonl-'), 'submissions.jsonl');
  writeFileSync(file, '\uFEFF{"id": "a\uFEFF"}\n\n   \n\uFEFF{"id": "b"}\r\n{"id": 3}\n{"id": "c"} x\n{"id": "d"}');
  const lines = await all(readJsonlFile(file, z.object({ id: z.string() })));
  assert.deepEqual(
    lines.map((entry) => (entry.ok ? [entry.line, entry.value.id] : [entry.problem.line, entry.problem.reason.slice(0, 15)])),
    [
      [1, 'a\uFEFF'],
      [4, 'malformed JSON:'],
      [5, 'id: Invalid inp'],
      [6, 'malformed JSON:'],
      [7, 'd'],
    ],
  );
  assert.ok(lines.every((entry) => entry.ok || entry.problem.file === file));
  // Without a leading BOM, a U+FEFF inside line 1's values is data.
  const plain = path.join(path.dirname(file), 'plain.jsonl');
  writeFileSync(plain, '{"id": "x\uFEFFy"}\n');
  assert.deepEqual(await all(readJsonlFile(plain, z.object({ id: z.string() }))), [
    { ok: true, line: 1, value: { id: 'x\uFEFFy' } },
  ]);
});

test('readRuns: answers by request and run, descriptions kept, and every line without a usable answer a problem', async (t) => {
  const dir = makeTempDir(t, 'imagery-runs-');
  const file = path.join(dir, 'rec_title.jsonl');
  const line = (value: object) => JSON.stringify(value);
  writeFileSync(
    file,
    [
      line({ submission_id: 'r1', rec_title: '1. A - B', description: ['a cat'] }),
      line({ submission_id: 'r2', rec_title: null }),
      line({ submission_id: 'r3' }),
      line({ submission_id: 'r1', rec_title: '1. C - D' }),
      'not json',
      line({ submission_id: 'r4', rec_title: '1. E - F' }),
    ].join('\n'),
  );
  const choices = path.join(dir, 'rec_choice.jsonl');
  writeFileSync(choices, line({ submission_id: 'r1', rec_choice: 'B' }));
  const read = await readRuns([
    { model: 'gpt-4o', input: 'image', task: 'rec_title', file },
    { model: 'gpt-4o', input: 'image', task: 'rec_choice', file: choices },
  ]);
  assert.deepEqual(
    [...read.byRequest],
    [
      [
        'r1',
        [
          { model: 'gpt-4o', input: 'image', task: 'rec_title', answer: '1. A - B', descriptions: ['a cat'] },
          { model: 'gpt-4o', input: 'image', task: 'rec_choice', answer: 'B' },
        ],
      ],
      ['r4', [{ model: 'gpt-4o', input: 'image', task: 'rec_title', answer: '1. E - F' }]],
    ],
  );
  assert.deepEqual(
    read.runs.map((run) => [run.task, run.answers]),
    [
      ['rec_title', 2],
      ['rec_choice', 1],
    ],
  );
  assert.deepEqual(
    // A JSON syntax error's own words depend on the Node version: only their start is ours.
    read.problems.map((problem) => [problem.file, problem.line, problem.reason.replace(/^(malformed JSON:).*/, '$1')]),
    [
      [file, 2, 'no "rec_title" answer'],
      [file, 3, 'no "rec_title" answer'],
      [file, 4, 'second answer for request "r1" (the first is kept)'],
      [file, 5, 'malformed JSON:'],
    ],
  );
});
