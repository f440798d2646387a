// The export's decision rule, case by case: when each annotator decided
// (bulk confirms, clears, other events), which reviewer's word stands, what an
// adjudication holds, what an unannotated request gives, and how the
// summaries of several shards add up. Each case pins a rule a test of the
// whole fixture does not reach.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import {
  mergeResolutionSummaries,
  RESOLUTION_RULE,
  Resolver,
  type ResolutionSummary,
} from '../../../src/core/annotations/resolve';
import { REVIEWERS_FILE } from '../../../src/core/annotations/reviewers';

const T0 = Date.UTC(2026, 0, 5, 9);
const A = 'a - alpha';
const B = 'b - bravo';

/** One event by `annotator` at minute `minute` after T0. */
function at(annotator: string, minute: number, draft: EventDraft, id = `${annotator}-${minute}`): AnnotationEvent {
  return { ...draft, v: 1, id, time: new Date(T0 + minute * 60_000).toISOString(), annotator } as AnnotationEvent;
}

const record = { id: 'r1', comments: [{ id: 'c1', extraction: { items: [A, B] } }] };
const correct = (items: string[], comment = 'c1'): EventDraft => ({
  type: 'extraction',
  request: 'r1',
  comment,
  verdict: 'corrected',
  items,
});
const confirm = (comment = 'c1'): EventDraft => ({ type: 'extraction', request: 'r1', comment, verdict: 'confirmed' });
const clear = (comment = 'c1'): EventDraft => ({ type: 'extraction', request: 'r1', comment, verdict: 'unreviewed' });
const bulk = (...comments: string[]): EventDraft => ({ type: 'bulk-confirm', request: 'r1', comments });
const validity = (verdict: 'valid' | 'invalid'): EventDraft =>
  verdict === 'valid'
    ? { type: 'validity', request: 'r1', verdict }
    : { type: 'validity', request: 'r1', verdict, reason: 'Image is text' };
const settle = (draft: Omit<Extract<EventDraft, { type: 'adjudication' }>, 'type' | 'request'>): EventDraft =>
  ({ type: 'adjudication', request: 'r1', ...draft }) as EventDraft;

/** Who the rule chose for c1, and what c1 became. */
function ruled(logs: AnnotationEvent[][]): { chosen: string | undefined; c1: unknown } {
  const resolver = new Resolver(logs);
  const state = resolver.resolve(record);
  return { chosen: resolver.summary().byRule.find((d) => d.comment === 'c1')?.chosen, c1: state?.comments.c1 };
}

test('a bulk confirm counts as deciding at its own time', () => {
  // One each: the later decision wins, and ana's is the bulk confirm at minute 5.
  const result = ruled([[at('ana', 5, bulk('c1'))], [at('ben', 3, correct([A]))]]);
  assert.deepEqual(result, { chosen: 'ana', c1: { status: 'confirmed', bulk: true } });
});

test('a bulk confirm does not re-date a comment already decided', () => {
  // Ana corrected at 1; her bulk confirm at 5 skips c1, so Ben (3) decided last.
  const ana = [at('ana', 1, correct([B])), at('ana', 5, bulk('c1'))];
  assert.deepEqual(ruled([ana, [at('ben', 3, correct([A]))]]), { chosen: 'ben', c1: { status: 'corrected', items: [A] } });
});

test('a cleared verdict forgets its time: a bulk confirm after it dates the comment', () => {
  const ana = [at('ana', 1, correct([B])), at('ana', 2, clear()), at('ana', 5, bulk('c1'))];
  assert.deepEqual(ruled([ana, [at('ben', 3, correct([A]))]]), { chosen: 'ana', c1: { status: 'confirmed', bulk: true } });
});

test("a note does not re-date the annotator's validity verdict", () => {
  const ana = [at('ana', 1, validity('invalid')), at('ana', 5, { type: 'note', request: 'r1', text: 'later thoughts' })];
  const resolver = new Resolver([ana, [at('ben', 3, validity('valid'))]]);
  assert.deepEqual(resolver.resolve(record)?.validity, { status: 'valid' });
  assert.deepEqual(resolver.summary().byRule, [
    {
      request: 'r1',
      answers: [
        { annotator: 'ana', answer: 'invalid: Image is text' },
        { annotator: 'ben', answer: 'valid' },
      ],
      chosen: 'ben',
    },
  ]);
  assert.ok(!('comment' in resolver.summary().byRule[0]), 'a validity decision names no comment');
});

test('validity, one against one: the verdict given last wins, also when its log comes first', () => {
  const resolver = new Resolver([[at('ana', 5, validity('invalid'))], [at('ben', 3, validity('valid'))]]);
  assert.deepEqual(resolver.resolve(record)?.validity, { status: 'invalid', reason: 'Image is text' });
  assert.equal(resolver.summary().byRule[0]?.chosen, 'ana');
});

test('equal times: the annotator whose log the merge puts last decided last, as on replay', () => {
  assert.equal(ruled([[at('ana', 3, correct([A]))], [at('ben', 3, correct([B]))]]).chosen, 'ben');
  assert.equal(ruled([[at('ben', 3, correct([B]))], [at('ana', 3, correct([A]))]]).chosen, 'ana');
  // Two against two, all at once: the answer of the last log wins, whichever group met first.
  const four = [at('ana', 3, correct([A])), at('ben', 3, correct([B])), at('cid', 3, correct([B])), at('dan', 3, correct([A]))];
  assert.deepEqual(ruled(four.map((event) => [event])), { chosen: 'dan', c1: { status: 'corrected', items: [A] } });
});

test('"confirmed" means the record\'s extraction: it agrees with a correction to the same items', () => {
  const resolver = new Resolver([[at('ana', 1, confirm())], [at('ben', 2, correct([B, A]))]]);
  resolver.resolve(record);
  assert.deepEqual(resolver.summary().extraction, { adjudicated: 0, agreed: 1, single: 0, rule: 0 });
  // A comment the record lacks has no items: confirming it agrees with an empty correction.
  const other = new Resolver([[at('ana', 1, confirm('gone'))], [at('ben', 2, correct([], 'gone'))]]);
  other.resolve(record);
  assert.deepEqual(other.summary().extraction, { adjudicated: 0, agreed: 1, single: 0, rule: 0 });
});

test('a request no one annotated resolves to nothing; one with only a note, a comment or a model verdict does not', () => {
  const resolver = new Resolver([[at('ana', 1, validity('valid'))]]);
  assert.equal(resolver.resolve({ id: 'r9', comments: [] }), undefined);
  const note = new Resolver([[at('ana', 1, { type: 'note', request: 'r1', text: 'look again' })]]).resolve(record);
  assert.deepEqual(
    note?.notes.map((n) => n.text),
    ['look again'],
  );
  assert.equal(note?.validity, undefined);
  const verdict = new Resolver([
    [
      at('ana', 1, {
        type: 'model-verdict',
        request: 'r1',
        run: 'm/image/rec_title',
        target: { kind: 'choice' },
        verdict: 'correct',
      }),
    ],
  ]).resolve(record);
  assert.deepEqual(JSON.parse(JSON.stringify(verdict?.modelVerdicts)), { 'm/image/rec_title': { choice: 'correct' } });
  const comment = new Resolver([[at('ana', 1, confirm())]]);
  assert.deepEqual(comment.resolve(record)?.comments.c1, { status: 'confirmed' });
  // Nobody decided validity: no validity, and nothing counted for it.
  assert.deepEqual(comment.summary().validity, { adjudicated: 0, agreed: 0, single: 0, rule: 0 });
  assert.deepEqual(comment.summary().extraction, { adjudicated: 0, agreed: 0, single: 1, rule: 0 });
});

test('an empty log adds no annotator', () => {
  const resolver = new Resolver([[], [at('ana', 1, confirm())], []]);
  assert.deepEqual([...resolver.annotatorStates().keys()], ['ana']);
});

test("adjudications keep what they say: a note, a missing reason ('Other'), a correction's items", () => {
  const resolver = new Resolver([
    [
      at('rita', 1, settle({ verdict: 'valid', note: 'checked twice' })),
      at('rita', 2, settle({ comment: 'c1', verdict: 'corrected', items: [B] })),
      at('rita', 3, settle({ comment: 'c2', verdict: 'corrected' })),
    ],
  ]);
  const state = resolver.resolve({ id: 'r1', comments: [...record.comments, { id: 'c2', extraction: { items: [A] } }] });
  assert.deepEqual(state?.validity, { status: 'valid', note: 'checked twice' });
  // Both questions of one request stay settled: the second did not replace the first.
  assert.deepEqual(state?.comments.c1, { status: 'corrected', items: [B] });
  assert.deepEqual(state?.comments.c2, { status: 'corrected', items: [] });
  assert.deepEqual(resolver.summary().extraction, { adjudicated: 2, agreed: 0, single: 0, rule: 0 });
  const other = new Resolver([[at('rita', 1, settle({ verdict: 'invalid' }))]]);
  assert.deepEqual(other.resolve(record)?.validity, { status: 'invalid', reason: 'Other' });
});

test('an adjudication of a comment no annotator decided still settles it; withdrawn, the comment is left out', () => {
  const settled = new Resolver([
    [at('ana', 1, validity('valid'))],
    [at('rita', 2, settle({ comment: 'c1', verdict: 'confirmed' }))],
  ]);
  assert.deepEqual(settled.resolve(record)?.comments.c1, { status: 'confirmed' });
  const withdrawn = new Resolver([
    [at('ana', 1, validity('valid'))],
    [
      at('rita', 2, settle({ comment: 'c1', verdict: 'confirmed' })),
      at('rita', 3, settle({ comment: 'c1', verdict: 'withdrawn' })),
    ],
  ]);
  assert.deepEqual(Object.keys(withdrawn.resolve(record)?.comments ?? { x: 1 }), []);
});

test('among reviewers the latest word stands, and one withdrawing takes back only their own', () => {
  // Rita, then Sam, then Rita again: Rita's second word is the latest though her entry came first.
  const again = new Resolver([
    [
      at('rita', 1, settle({ verdict: 'invalid', reason: 'Image is text' })),
      at('rita', 3, settle({ verdict: 'invalid', reason: 'Not a rec request' })),
    ],
    [at('sam', 2, settle({ verdict: 'valid' }))],
  ]);
  assert.deepEqual(again.adjudicatedValue('r1'), { status: 'invalid', reason: 'Not a rec request' });
  // Sam settles after Rita, then withdraws: Rita's stands.
  const back = new Resolver([
    [at('rita', 1, settle({ comment: 'c1', verdict: 'confirmed' }))],
    [
      at('sam', 2, settle({ comment: 'c1', verdict: 'corrected', items: [A] })),
      at('sam', 3, settle({ comment: 'c1', verdict: 'withdrawn' })),
    ],
  ]);
  assert.deepEqual(back.adjudicatedValue('r1', 'c1'), { status: 'confirmed' });
  // A withdrawal by someone who never settled it changes nothing.
  const stray = new Resolver([
    [at('rita', 1, settle({ comment: 'c1', verdict: 'confirmed' }))],
    [at('sam', 2, settle({ comment: 'c1', verdict: 'withdrawn' }))],
  ]);
  assert.deepEqual(stray.adjudicatedValue('r1', 'c1'), { status: 'confirmed' });
  // One reviewer under two spellings of one name is one reviewer: "Rita" withdraws what "rita" settled.
  const spelled = new Resolver([
    [at('rita', 1, settle({ comment: 'c1', verdict: 'confirmed' }))],
    [at('Rita', 2, settle({ comment: 'c1', verdict: 'withdrawn' }))],
  ]);
  assert.equal(spelled.adjudicatedValue('r1', 'c1'), undefined);
});

test('an adjudication that names the wrong kind of question is refused with a warning', () => {
  const resolver = new Resolver(
    [[at('rita', 1, settle({ verdict: 'confirmed' }), 'x1'), at('rita', 2, settle({ comment: 'c1', verdict: 'valid' }), 'x2')]],
    { reviewers: new Set(['rita']) },
  );
  assert.equal(resolver.adjudicatedValue('r1'), undefined);
  assert.equal(resolver.adjudicatedValue('r1', 'c1'), undefined);
  assert.deepEqual(resolver.summary().warnings, [
    'adjudication x1 (request r1): "confirmed" settles a comment, but no comment is named; ignored',
    'adjudication x2 (request r1, comment c1): "valid" settles validity, but a comment is named; ignored',
  ]);
});

test('without a reviewers file the warning names where one would go', () => {
  const resolver = new Resolver([[at('rita', 1, settle({ verdict: 'valid' }))]]);
  assert.deepEqual(resolver.summary().warnings, [
    `adjudications by rita count, as no reviewers file lists who may adjudicate (${REVIEWERS_FILE}); ` +
      'write one to restrict adjudication to the reviewers it names',
  ]);
});

test('the summaries of several shards add up; a warning they share is given once', () => {
  const one: ResolutionSummary = {
    rule: RESOLUTION_RULE,
    validity: { adjudicated: 1, agreed: 2, single: 3, rule: 4 },
    extraction: { adjudicated: 5, agreed: 6, single: 7, rule: 8 },
    byRule: [{ request: 'r1', answers: [], chosen: 'ana' }],
    warnings: ['no reviewers file', 'only in one'],
  };
  const two: ResolutionSummary = {
    ...one,
    validity: { adjudicated: 10, agreed: 20, single: 30, rule: 40 },
    byRule: [{ request: 'r2', comment: 'c1', answers: [], chosen: 'ben' }],
    warnings: ['no reviewers file'],
  };
  assert.deepEqual(mergeResolutionSummaries([one, two]), {
    rule: RESOLUTION_RULE,
    validity: { adjudicated: 11, agreed: 22, single: 33, rule: 44 },
    extraction: { adjudicated: 10, agreed: 12, single: 14, rule: 16 },
    byRule: [...one.byRule, ...two.byRule],
    warnings: ['no reviewers file', 'only in one'],
  });
  assert.deepEqual(mergeResolutionSummaries([]), {
    rule: RESOLUTION_RULE,
    validity: { adjudicated: 0, agreed: 0, single: 0, rule: 0 },
    extraction: { adjudicated: 0, agreed: 0, single: 0, rule: 0 },
    byRule: [],
    warnings: [],
  });
});
