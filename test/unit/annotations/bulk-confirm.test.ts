// "Confirm the rest": one bulk-confirm event gives a verdict to exactly the
// comments without one, one undo takes them all back, a later verdict wins.
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { bulkConfirmQuestion, bulkConfirmedCount, commentsWithoutVerdict } from '../../../src/core/annotations/bulk-confirm';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replay } from '../../../src/core/annotations/replay';
import { Resolver } from '../../../src/core/annotations/resolve';
import { requestSummary } from '../../../src/core/annotations/summary';
import { eventBuilder } from '../../builders/events';
import { makeTempDir } from './temp';

const ev = eventBuilder();
const IDS = ['c1', 'c2', 'c3', 'c4'];
const record = { comments: IDS.map((id) => ({ id })) } as Parameters<typeof requestSummary>[1];
const fix = (comment: string, items: string[]) => ev({ type: 'extraction', request: 'r1', comment, verdict: 'corrected', items });
const valid = ev({ type: 'validity', request: 'r1', verdict: 'valid' });

test('the comments without a verdict are exactly those a bulk confirm confirms, and only those change', () => {
  const before = [valid, fix('c2', ['a - x']), ev({ type: 'extraction', request: 'r1', comment: 'c4', verdict: 'confirmed' })];
  const rest = commentsWithoutVerdict(replay(before).get('r1'), IDS);
  assert.deepEqual(rest, ['c1', 'c3']);
  const state = replay([...before, ev({ type: 'bulk-confirm', request: 'r1', comments: rest })]).get('r1');
  assert.deepEqual(state?.comments.c1, { status: 'confirmed', bulk: true });
  assert.deepEqual(state?.comments.c2, { status: 'corrected', items: ['a - x'] });
  assert.deepEqual(state?.comments.c3, { status: 'confirmed', bulk: true });
  assert.deepEqual(state?.comments.c4, { status: 'confirmed' });
  assert.equal(bulkConfirmedCount(state), 2);
  assert.equal(requestSummary(state, record).reviewed, true);
});

test('a listed comment that got a verdict before the bulk confirm keeps it', () => {
  const bulk = ev({ type: 'bulk-confirm', request: 'r1', comments: ['c1', 'c2'] });
  const state = replay([fix('c1', []), bulk]).get('r1');
  assert.deepEqual(state?.comments.c1, { status: 'corrected', items: [] });
  assert.deepEqual(state?.comments.c2, { status: 'confirmed', bulk: true });
});

test('one undo takes every bulk-confirmed comment back, and redo brings them again', () => {
  const bulk = ev({ type: 'bulk-confirm', request: 'r1', comments: IDS }, 'bulk');
  const undo = ev({ type: 'retract', request: 'r1', target: 'bulk' }, 'undo');
  const undone = replay([valid, bulk, undo]).get('r1');
  assert.deepEqual(Object.keys(undone?.comments ?? {}), []);
  assert.equal(requestSummary(undone, record).commentsReviewed, 0);
  const redone = replay([valid, bulk, undo, ev({ type: 'retract', request: 'r1', target: 'undo' })]).get('r1');
  assert.equal(bulkConfirmedCount(redone), 4);
});

test('a later single verdict overrides the bulk confirmation of that comment only', () => {
  const state = replay([
    valid,
    ev({ type: 'bulk-confirm', request: 'r1', comments: IDS }),
    fix('c3', ['b - y']),
    ev({ type: 'extraction', request: 'r1', comment: 'c4', verdict: 'confirmed' }),
  ]).get('r1');
  assert.deepEqual(state?.comments.c3, { status: 'corrected', items: ['b - y'] });
  assert.deepEqual(state?.comments.c4, { status: 'confirmed' });
  assert.equal(bulkConfirmedCount(state), 2);
});

test('the question says how many', () => {
  assert.equal(bulkConfirmQuestion(433), 'Confirm the 433 comments without a verdict?');
  assert.equal(bulkConfirmQuestion(1), 'Confirm the 1 comment without a verdict?');
});

test('a bulk-confirm event is written to the log and read back as one event', async (t) => {
  const shard = path.join(makeTempDir(t), 'music-001.shard.jsonl');
  writeFileSync(shard, '');
  const log = AnnotationLog.open(shard, 'ana');
  const [written] = await log.append({ type: 'bulk-confirm', request: 'r1', comments: ['c1', 'c2'] });
  const { events, warnings } = await log.read();
  assert.deepEqual(warnings, []);
  assert.deepEqual(events, [written]);
  await assert.rejects(log.append({ type: 'bulk-confirm', request: 'r1', comments: [] }), /invalid/);
});

test('the export resolves a bulk-confirmed comment as confirmed', () => {
  const resolver = new Resolver([[valid, ev({ type: 'bulk-confirm', request: 'r1', comments: ['c1'] })]]);
  const state = resolver.resolve({ id: 'r1', comments: [{ id: 'c1', extraction: { items: ['a - x'] } }] } as never);
  assert.equal(state?.comments.c1?.status, 'confirmed');
});

test('a request never touched has no bulk-confirmed comments', () => {
  // The request index sums this over every request, also those without a state.
  assert.equal(bulkConfirmedCount(undefined), 0);
});
