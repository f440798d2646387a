// The adjudication panel's disputes: only questions annotators answered differently, each answer as text and as the
// adjudication it becomes, and the settled value once a reviewer decided.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disputesOf } from '../../../src/core/annotations/disputes';
import { Resolver } from '../../../src/core/annotations/resolve';
import { ANA, BEN, events, fixtureRecords, ITEMS, T0 } from '../report/fixture';

const records = fixtureRecords();
const record = (id: string) => records.find((r) => r.id === id)!;
const logs = [events('ana', ANA, T0), events('ben', BEN, T0 + 3_600_000)];

test('lists each disagreement with every answer, as text and as an adjudication', () => {
  const resolver = new Resolver(logs);
  assert.deepEqual(disputesOf(record('r1'), resolver), [
    {
      kind: 'extraction',
      comment: 'c1',
      answers: [
        { annotator: 'ana', text: `${ITEMS.alpha}; ${ITEMS.bravo}`, choice: { verdict: 'confirmed' } },
        { annotator: 'ben', text: ITEMS.alpha, choice: { verdict: 'corrected', items: [ITEMS.alpha] } },
      ],
    },
    {
      kind: 'extraction',
      comment: 'c2',
      answers: [
        {
          annotator: 'ana',
          text: `${ITEMS.charlie}; ${ITEMS.foxtrot}`,
          choice: { verdict: 'corrected', items: [ITEMS.charlie, ITEMS.foxtrot] },
        },
        { annotator: 'ben', text: ITEMS.charlie, choice: { verdict: 'confirmed' } },
      ],
    },
  ]);
  assert.deepEqual(disputesOf(record('r2'), resolver), [
    {
      kind: 'validity',
      answers: [
        { annotator: 'ana', text: 'invalid: Image is text', choice: { verdict: 'invalid', reason: 'Image is text' } },
        { annotator: 'ben', text: 'valid', choice: { verdict: 'valid' } },
      ],
    },
  ]);
  // r4: both say valid with no items; r3's comment has one answer only (Ben found the post invalid).
  assert.deepEqual(disputesOf(record('r4'), resolver), []);
  assert.deepEqual(
    disputesOf(record('r3'), resolver).map((d) => d.kind),
    ['validity'],
  );
});

test('an adjudication shows as settled; a withdrawn or undone one does not', () => {
  const rita = events(
    'rita',
    [
      { type: 'adjudication', request: 'r2', verdict: 'invalid', reason: 'Image is text' },
      { type: 'adjudication', request: 'r1', comment: 'c2', verdict: 'corrected', items: ['x - y'] },
      { type: 'adjudication', request: 'r1', comment: 'c1', verdict: 'confirmed' },
      { type: 'retract', request: 'r1', target: 'rita-2' },
    ],
    T0 + 7_200_000,
  );
  const resolver = new Resolver([...logs, rita]);
  assert.equal(disputesOf(record('r2'), resolver)[0].settled, 'invalid: Image is text');
  const r1 = disputesOf(record('r1'), resolver);
  assert.equal(r1.find((d) => d.comment === 'c2')?.settled, 'x - y');
  assert.equal(r1.find((d) => d.comment === 'c1')?.settled, undefined, 'undone');
  // The reviewer gave no answer of their own: they are not listed among the answers.
  assert.ok(r1.every((d) => d.answers.every((a) => a.annotator !== 'rita')));

  const withdrawn = events('rita', [{ type: 'adjudication', request: 'r2', verdict: 'withdrawn' }], T0 + 9_000_000);
  withdrawn[0].id = 'rita-9';
  const after = new Resolver([...logs, [...rita, ...withdrawn]]);
  assert.equal(disputesOf(record('r2'), after)[0].settled, undefined);
});
