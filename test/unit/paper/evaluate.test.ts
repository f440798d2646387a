import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
});
