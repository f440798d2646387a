// Scoring one answer against the request's current ground truth: what counts
// as an answer, how a letter and titles are read, and when there is nothing to score.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isParseable, scoreAnswer, SCORED_TITLES, type RunScore } from '../../../src/core/models/score';
import { sampleRecord } from '../shard/sample-records';

const withChoice = sampleRecord('r1', {
  relevance: [['alpha band - moon song', 2]],
  choice: { choices: ['a - x', 'alpha band - moon song', 'b - y', 'c - z', 'd - w'], true_index: 1 },
});

test('Hit@k scores the first 20 titles', () => {
  assert.equal(SCORED_TITLES, 20);
});

test('isParseable: a title, a letter, or a description with text', () => {
  const description = (descriptions: string[]): RunScore => ({ task: 'description', descriptions });
  assert.equal(isParseable(description([])), false);
  assert.equal(isParseable(description(['', ' \n '])), false);
  assert.equal(isParseable(description([' ', 'a pier at dusk'])), true);
  assert.equal(isParseable(description(['a pier at dusk', ''])), true);
  assert.equal(isParseable(scoreAnswer('rec_choice', 'no letter here', withChoice, undefined)), false);
  assert.equal(isParseable(scoreAnswer('rec_choice', 'A.', withChoice, undefined)), true);
  assert.equal(isParseable(scoreAnswer('rec_title', '', withChoice, undefined)), false);
});

test('a description keeps its text as given, one string or several', () => {
  assert.deepEqual(scoreAnswer('description', 'a pier', withChoice, undefined), {
    task: 'description',
    descriptions: ['a pier'],
  });
  const parts = ['a pier', 'at dusk'];
  const score = scoreAnswer('description', parts, withChoice, undefined);
  assert.deepEqual(score, { task: 'description', descriptions: ['a pier', 'at dusk'] });
  assert.ok(score.task === 'description' && score.descriptions !== parts, 'a copy, not the caller’s array');
});

test('rec_choice: an answer in parts is read as one text; without candidates nothing is right or wrong', () => {
  assert.deepEqual(scoreAnswer('rec_choice', ['The answer is', 'B. alpha band - moon song'], withChoice, undefined), {
    task: 'rec_choice',
    pick: 1,
    pickLetter: 'B',
    trueIndex: 1,
    correct: true,
  });
  assert.deepEqual(scoreAnswer('rec_choice', 'C.', withChoice, undefined), {
    task: 'rec_choice',
    pick: 2,
    pickLetter: 'C',
    trueIndex: 1,
    correct: false,
  });
  assert.deepEqual(scoreAnswer('rec_choice', 'B.', sampleRecord('r2'), undefined), {
    task: 'rec_choice',
    pick: 1,
    pickLetter: 'B',
    trueIndex: null,
    correct: null,
  });
});

test('rec_title: hits against the ground truth; with no ground truth, nothing to hit', () => {
  const answer = ['1. Some Band - Other Song', '2. Alpha Band - Moon Song'];
  const score = scoreAnswer('rec_title', answer, withChoice, undefined);
  assert.ok(score.task === 'rec_title');
  assert.deepEqual([score.hit1, score.hit10, score.hit20], [0, 1, 1]);
  assert.deepEqual(score.groundTruth, ['alpha band - moon song']);
  const none = scoreAnswer('rec_title', answer, sampleRecord('r3', { relevance: [] }), undefined);
  assert.ok(none.task === 'rec_title');
  assert.deepEqual([none.hit1, none.hit10, none.hit20, none.titles.length], [null, null, null, 2]);
});
