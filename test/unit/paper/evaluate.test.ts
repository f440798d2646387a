import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InlineRun } from '../../../src/core/annotations/state';
import { evaluateRecords } from '../../../src/core/paper/evaluate';
import { makeRecord } from './records';

const choice = { choices: ['a', 'b', 'c', 'd', 'e'], true_index: 1 };

describe('evaluateRecords', () => {
  const records = [
    makeRecord({
      id: 'r1',
      relevance: [['zed band - blue hour', 3]],
      choice,
      runs: [
        { model: 'm', input: 'image', task: 'rec_title', answer: '1. Zed Band - Blue Hour' },
        { model: 'm', input: 'image', task: 'rec_choice', answer: 'B. b' },
        { model: 'm', input: 'image', task: 'description', answer: ['an image'] },
        { model: 't', input: 'desc', task: 'rec_title', answer: '1. Other - Song' },
      ],
    }),
    makeRecord({
      id: 'r2',
      relevance: [['quiet owls', 1]],
      choice,
      runs: [
        { model: 'm', input: 'image', task: 'rec_title', answer: '1. Other - Song\n2. Quiet Owls - Fern' },
        { model: 'm', input: 'image', task: 'rec_choice', answer: 'A' },
      ],
    }),
    // Outside the benchmark: no ground truth, no candidates; its runs must not count.
    makeRecord({
      id: 'r3',
      runs: [
        { model: 'm', input: 'image', task: 'rec_title', answer: '1. Zed Band - Blue Hour' },
        { model: 'm', input: 'image', task: 'rec_choice', answer: 'B. b' },
      ],
    }),
    makeRecord({
      id: 'b1',
      domain: 'books',
      relevance: [['author - book', 1]],
      choice,
      runs: [{ model: 'm', input: 'image', task: 'rec_title', answer: 'Author - Book' }],
    }),
  ];

  test('one row per domain/model/input, sorted; denominators exclude requests outside the benchmark', () => {
    assert.deepEqual(evaluateRecords(records), [
      {
        domain: 'books',
        model: 'm',
        input: 'image',
        hit1: 1,
        hit10: 1,
        hit20: 1,
        accuracy: null,
        requests: 1,
        choiceRequests: 0,
      },
      {
        domain: 'music',
        model: 'm',
        input: 'image',
        hit1: 0.5,
        hit10: 1,
        hit20: 1,
        accuracy: 50,
        requests: 2,
        choiceRequests: 2,
      },
      { domain: 'music', model: 't', input: 'desc', hit1: 0, hit10: 0, hit20: 0, accuracy: null, requests: 1, choiceRequests: 0 },
    ]);
  });

  test('no records, no rows', () => {
    assert.deepEqual(evaluateRecords([]), []);
  });

  test('a run without a text answer, and a title run on a request without ground truth, count nowhere', () => {
    const rows = evaluateRecords([
      makeRecord({
        id: 'r1',
        relevance: [],
        choice,
        runs: [
          { model: 'm', input: 'image', task: 'rec_title', answer: 'B. b' },
          { model: 'm', input: 'image', task: 'rec_choice', answer: null as unknown as string },
        ],
      }),
    ]);
    assert.deepEqual(rows, []);
  });

  test('rows sort by domain, then stored before inline, model, input and prompt, whatever the input order', () => {
    const run = (model: string, input: string) => ({ model, input, task: 'rec_choice' as const, answer: 'B. b' });
    const rows = evaluateRecords([
      makeRecord({ id: 'm1', choice, runs: [run('zz', 'image'), run('aa', 'image'), run('aa', 'desc')] }),
      makeRecord({ id: 'b1', domain: 'books', choice, runs: [run('zz', 'image')] }),
    ]);
    assert.deepEqual(
      rows.map((row) => [row.domain, row.model, row.input]),
      [
        ['books', 'zz', 'image'],
        ['music', 'aa', 'desc'],
        ['music', 'aa', 'image'],
        ['music', 'zz', 'image'],
      ],
    );
  });
});

describe('evaluateRecords with inline runs', () => {
  const record = makeRecord({
    id: 'r1',
    relevance: [['zed band - blue hour', 3]],
    choice,
    runs: [{ model: 'vision', input: 'image', task: 'rec_choice', answer: 'C. c' }],
  });
  let n = 0;
  const inline = (task: 'rec_title' | 'rec_choice', prompt: 'standard' | 'coi', answer: string) =>
    ({ key: `inline:e${++n}`, model: 'vision', input: 'image', task, prompt, answer }) as unknown as InlineRun;

  test('rows of their own, after the stored ones, by prompt; only the latest run of a model/prompt/input/task counts', () => {
    const runs = [
      inline('rec_choice', 'standard', 'B. b'),
      inline('rec_choice', 'standard', 'D. d'), // replaces the one before: wrong
      inline('rec_choice', 'coi', 'A. a'),
      inline('rec_choice', 'coi', 'B. b'), // replaces the one before: right
      inline('rec_title', 'coi', '1. Zed Band - Blue Hour'),
    ];
    const rows = evaluateRecords([record], (shown) => (shown.id === 'r1' ? runs : []));
    assert.deepEqual(
      rows.map((row) => [
        row.source ?? 'stored',
        row.prompt ?? '-',
        row.model,
        row.accuracy,
        row.choiceRequests,
        row.hit1,
        row.requests,
      ]),
      [
        ['stored', '-', 'vision', 0, 1, null, 0],
        ['inline', 'coi', 'vision', 100, 1, 1, 1],
        ['inline', 'standard', 'vision', 0, 1, null, 0],
      ],
    );
  });

  test('stored rows come first even when an inline model sorts before them; inline rows by prompt whatever the run order', () => {
    const stored = makeRecord({
      id: 'r2',
      choice,
      runs: [{ model: 'zz-stored', input: 'image', task: 'rec_choice', answer: 'C. c' }],
    });
    const ofModel = (model: string, prompt: 'standard' | 'coi') =>
      ({
        key: `inline:${model}-${prompt}`,
        model,
        input: 'image',
        task: 'rec_choice',
        prompt,
        answer: 'B. b',
      }) as unknown as InlineRun;
    for (const runs of [
      [ofModel('aa-inline', 'standard'), ofModel('aa-inline', 'coi')],
      [ofModel('aa-inline', 'coi'), ofModel('aa-inline', 'standard')],
    ]) {
      const rows = evaluateRecords([stored], () => runs);
      assert.deepEqual(
        rows.map((row) => [row.source ?? 'stored', row.model, row.prompt ?? '-']),
        [
          ['stored', 'zz-stored', '-'],
          ['inline', 'aa-inline', 'coi'],
          ['inline', 'aa-inline', 'standard'],
        ],
      );
    }
  });

  test('without inline runs the rows are the stored ones only', () => {
    assert.deepEqual(
      evaluateRecords([record], () => []),
      evaluateRecords([record]),
    );
    assert.equal(evaluateRecords([record], () => []).length, 1);
  });
});
