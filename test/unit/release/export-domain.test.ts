// buildDomain called directly: which requests reach submissions.jsonl with and
// without the release's own file, and which questions are redrawn or left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptChoice } from '../../../src/core/release/export-choices';
import type { CorrectedRequest } from '../../../src/core/release/export-collect';
import { buildDomain } from '../../../src/core/release/export-domain';
import { releaseFields } from '../../../src/core/release/release-fields';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { sampleRecord } from '../shard/sample-records';

const corrected = (record: ShardRecord, invalidReason: string | null = null): CorrectedRequest => ({
  record,
  state: undefined,
  invalidReason,
  relevance: record.relevance.map(([item, score]) => [item, score]),
  corrected: false,
});

const idsOf = (jsonl: string) =>
  jsonl
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).submission_id);

test('buildDomain without the release: submissions.jsonl holds the valid requests only, in their order', () => {
  const requests = [corrected(sampleRecord('r1')), corrected(sampleRecord('r2'), 'Image is text'), corrected(sampleRecord('r3'))];
  const { files, changes } = buildDomain('music', requests, 1, []);
  assert.deepEqual(idsOf(files['submissions.jsonl']), ['r1', 'r3']);
  assert.equal(changes.valid, 2);
  assert.deepEqual(changes.invalidated, ['r2']);
});

test('buildDomain with the release: its order, its other posts copied, its benchmark posts only from the shards, new requests last', () => {
  const requests = [corrected(sampleRecord('new')), corrected(sampleRecord('r2'), 'Other'), corrected(sampleRecord('r1'))];
  const released = {
    lines: [
      { id: 'r1', text: '{"submission_id": "r1"}' },
      { id: 'other', text: '{"submission_id": "other"}' },
      { id: 'r2', text: '{"submission_id": "r2"}' },
      // In the benchmark but in no shard (e.g. a shard left out of the export): not copied.
      { id: 'dropped', text: '{"submission_id": "dropped"}' },
    ],
    sampled: new Set(['r1', 'r2', 'dropped']),
    warnings: [],
  };
  const { files, changes } = buildDomain('music', requests, 1, [], released);
  assert.deepEqual(idsOf(files['submissions.jsonl']), ['r1', 'other', 'new']);
  assert.deepEqual([changes.valid, changes.copiedFromRelease], [3, 1]);
});

test('buildDomain: a question that must be redrawn from too few items is left out, not counted as redrawn', () => {
  // One item in the domain: no 4 negatives to draw.
  const requests = [corrected(sampleRecord('r1'))];
  const { files, changes } = buildDomain('music', requests, 1, []);
  assert.equal(files['submissions_ns.jsonl'], '');
  assert.deepEqual(changes.choicesSkipped, ['r1']);
  assert.deepEqual(changes.resampled, []);
});

test('buildDomain: a question drawn anew is counted with its reason, and nothing is skipped', () => {
  const items = ['a - b', 'n1 - x', 'n2 - x', 'n3 - x', 'n4 - x'];
  const requests = items.map((item, i) => corrected(sampleRecord(`r${i}`, { relevance: [[item, 1]] })));
  const { changes } = buildDomain('music', requests, 1, []);
  assert.deepEqual(changes.choicesSkipped, []);
  assert.deepEqual(
    changes.resampled,
    items.map((_, i) => ({ request: `r${i}`, reason: 'no released choices' })),
  );
});

test('keptChoice: no released question names its reason', () => {
  assert.deepEqual(keptChoice(null, 'a - b', new Set(['a - b'])), { reason: 'no released choices' });
});

test('releaseFields: a post without a time keeps null, not a number', () => {
  assert.equal(releaseFields(sampleRecord('r1', { created_utc: null })).get('created_utc'), null);
});
