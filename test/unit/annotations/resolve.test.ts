// Final decisions: adjudicated, then agreed, then the documented rule (most common, then latest), always reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { Resolver } from '../../../src/core/annotations/resolve';
import { ANA, BEN, events, fixtureRecords, ITEMS, T0 } from '../report/fixture';

const records = fixtureRecords();
const record = (id: string) => records.find((r) => r.id === id)!;
const logs = (...more: AnnotationEvent[][]) => [events('ana', ANA, T0), events('ben', BEN, T0 + 3_600_000), ...more];
const reviewer = (drafts: EventDraft[], start = T0 + 7_200_000) => events('rita', drafts, start);

test('without adjudication: agreement is taken, disagreements go to the rule and are listed', () => {
  const resolver = new Resolver(logs());
  const states = records.map((r) => resolver.resolve(r));
  assert.equal(states[1]!.validity!.status, 'valid'); // r2: ana invalid, ben valid later: a tie, the later wins
  const summary = resolver.summary();
  assert.deepEqual(summary.validity, { adjudicated: 0, agreed: 2, single: 0, rule: 2 });
  assert.deepEqual(summary.extraction, { adjudicated: 0, agreed: 1, single: 1, rule: 2 });
  assert.deepEqual(
    summary.byRule.map((d) => [d.request, d.comment ?? '', d.chosen]),
    [
      ['r1', 'c1', 'ben'],
      ['r1', 'c2', 'ben'],
      ['r2', '', 'ben'],
      ['r3', '', 'ben'],
    ],
  );
  assert.deepEqual(summary.byRule[2].answers, [
    { annotator: 'ana', answer: 'invalid: Image is text' },
    { annotator: 'ben', answer: 'valid' },
  ]);
  assert.match(summary.rule, /most common answer wins; among equally common answers, the one decided last/);
});

test('an adjudication outranks every annotator, for validity and for a comment', () => {
  const adjudications = reviewer([
    { type: 'adjudication', request: 'r2', verdict: 'invalid', reason: 'Image is text' },
    { type: 'adjudication', request: 'r1', comment: 'c1', verdict: 'confirmed' },
  ]);
  const resolver = new Resolver(logs(adjudications));
  assert.deepEqual(resolver.resolve(record('r2'))!.validity, { status: 'invalid', reason: 'Image is text' });
  assert.deepEqual(resolver.resolve(record('r1'))!.comments.c1, { status: 'confirmed' });
  assert.ok(resolver.isAdjudicated('r2') && resolver.isAdjudicated('r1', 'c1'));
  assert.ok(!resolver.isAdjudicated('r1') && !resolver.isAdjudicated('r1', 'c2'));
  records.forEach((r) => resolver.resolve(r));
  assert.deepEqual(resolver.summary().validity, { adjudicated: 1, agreed: 2, single: 0, rule: 1 });
  assert.deepEqual(resolver.summary().extraction, { adjudicated: 1, agreed: 1, single: 1, rule: 1 });
});

test('a withdrawn or undone adjudication gives the decision back to the annotators', () => {
  const settle = reviewer([{ type: 'adjudication', request: 'r2', verdict: 'invalid', reason: 'Image is text' }]);
  const withdraw = reviewer([{ type: 'adjudication', request: 'r2', verdict: 'withdrawn' }], T0 + 9_000_000);
  assert.equal(new Resolver(logs(settle, withdraw)).resolve(record('r2'))!.validity!.status, 'valid');
  const undo = events('rita', [{ type: 'retract', request: 'r2', target: settle[0].id }], T0 + 9_000_000).map((e) => ({
    ...e,
    id: 'undo',
  }));
  const resolver = new Resolver(logs([...settle, ...undo]));
  assert.equal(resolver.resolve(record('r2'))!.validity!.status, 'valid');
  assert.ok(!resolver.isAdjudicated('r2'));
});

test('the rule: the most common answer beats a later lone one; equal items in another case agree', () => {
  const carl = events(
    'carl',
    [
      { type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Image is text' },
      { type: 'extraction', request: 'r1', comment: 'c1', verdict: 'corrected', items: [ITEMS.alpha.toUpperCase()] },
    ],
    T0 - 3_600_000,
  );
  const resolver = new Resolver(logs(carl));
  // r2: ana and carl say invalid (Image is text), ben (latest) valid: two against one.
  assert.deepEqual(resolver.resolve(record('r2'))!.validity, { status: 'invalid', reason: 'Image is text' });
  // r1c1: ben and carl both keep alpha only (case aside): the majority; the later of the two (ben) is taken.
  assert.deepEqual(resolver.resolve(record('r1'))!.comments.c1, { status: 'corrected', items: [ITEMS.alpha] });
});

test("one annotator clearing their verdict does not clear another's", () => {
  const clear = events('ben', [{ type: 'validity', request: 'r2', verdict: 'unreviewed' }], T0 + 9_000_000).map((e) => ({
    ...e,
    id: 'clear',
  }));
  const resolver = new Resolver([events('ana', ANA, T0), [...events('ben', BEN, T0 + 3_600_000), ...clear]]);
  assert.deepEqual(resolver.resolve(record('r2'))!.validity, { status: 'invalid', reason: 'Image is text' });
  records.forEach((r) => resolver.resolve(r));
  assert.equal(resolver.summary().validity.single, 1);
});

test('an adjudication that cannot apply is reported, not silently dropped', () => {
  const odd = reviewer([{ type: 'adjudication', request: 'r2', comment: 'c1', verdict: 'valid' }]);
  const resolver = new Resolver(logs(odd));
  assert.equal(resolver.resolve(record('r2'))!.validity!.status, 'valid');
  assert.match(
    resolver.summary().warnings[0],
    /request r2, comment c1\): "valid" settles validity, but a comment is named; ignored/,
  );
});
