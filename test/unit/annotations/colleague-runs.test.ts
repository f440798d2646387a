// Other annotators' inline runs of one request, for the model panel: each log
// replayed alone, a retracted run gone, other requests' runs left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colleagueRuns } from '../../../src/core/annotations/colleague-runs';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { modelRunEvent } from '../../fixtures/model-run';

const run = (id: string, annotator: string, request: string, model: string): AnnotationEvent =>
  modelRunEvent(id, annotator, { request, model });

test("each colleague's runs of the request, with whose they are; retracted runs and other requests' left out", () => {
  const ben = [
    run('b1', 'ben', 'r1', 'tiny'),
    run('b2', 'ben', 'r2', 'other-request'),
    run('b3', 'ben', 'r1', 'taken-back'),
    {
      v: 1,
      id: 'b4',
      time: '2026-01-05T12:01:00Z',
      annotator: 'ben',
      type: 'retract',
      request: 'r1',
      target: 'b3',
    } as AnnotationEvent,
  ];
  const cleo = [run('c1', 'cleo', 'r1', 'large')];
  const runs = colleagueRuns([ben, [], cleo], 'r1');
  assert.deepEqual(
    runs.map((r) => [r.key, r.annotator, r.model]),
    [
      ['inline:b1', 'ben', 'tiny'],
      ['inline:c1', 'cleo', 'large'],
    ],
  );
  assert.deepEqual(colleagueRuns([ben, cleo], 'r3'), []);
});
