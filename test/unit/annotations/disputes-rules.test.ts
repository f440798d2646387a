// The adjudication panel's rules: answers come in annotator-name order whatever order the logs were read in,
// an annotator who did not answer a question is not a side in it, and an empty answer reads "(no items)".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disputesOf, itemsText } from '../../../src/core/annotations/disputes';
import { Resolver } from '../../../src/core/annotations/resolve';
import { eventBuilder } from '../../builders/events';

const ana = eventBuilder({ annotator: 'ana', idPrefix: 'a' });
const ben = eventBuilder({ annotator: 'ben', idPrefix: 'b' });
const cara = eventBuilder({ annotator: 'cara', idPrefix: 'c' });
const record = { id: 'r1', comments: [{ id: 'c1', extraction: { items: ['a - x'] } }] };

test('answers are listed by annotator name, not in the order the logs were read', () => {
  const resolver = new Resolver([
    [ben({ type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Image is text' })],
    [ana({ type: 'validity', request: 'r1', verdict: 'valid' })],
  ]);
  assert.deepEqual(
    disputesOf(record, resolver).map((dispute) => dispute.answers.map((answer) => answer.annotator)),
    [['ana', 'ben']],
  );
});

test('an annotator who left validity open, or never opened the request, is no side in a validity dispute', () => {
  const resolver = new Resolver([
    [ana({ type: 'validity', request: 'r1', verdict: 'valid' })],
    // Ben only judged the comment: his state of r1 has no validity.
    [ben({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' })],
    // Cara has no state for r1 at all.
    [cara({ type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Image is text' })],
  ]);
  assert.deepEqual(disputesOf(record, resolver), []);
});

test('a correction to no items reads "(no items)", never an empty answer', () => {
  assert.equal(itemsText([]), '(no items)');
  const resolver = new Resolver([
    [ana({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'confirmed' })],
    [ben({ type: 'extraction', request: 'r1', comment: 'c1', verdict: 'corrected', items: [] })],
  ]);
  assert.deepEqual(disputesOf(record, resolver)[0]?.answers, [
    { annotator: 'ana', text: 'a - x', choice: { verdict: 'confirmed' } },
    { annotator: 'ben', text: '(no items)', choice: { verdict: 'corrected', items: [] } },
  ]);
});
