// Other annotators' inline runs of one request, for the model panel: each log
// replayed alone, a retracted run gone, other requests' runs left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colleagueRuns } from '../../../src/core/annotations/colleague-runs';
import type { AnnotationEvent } from '../../../src/core/annotations/events';

const run = (id: string, annotator: string, request: string, model: string): AnnotationEvent =>
  ({
    v: 1,
    id,
    time: '2026-01-05T12:00:00Z',
    annotator,
    type: 'model-run',
    request,
    profile: 'local',
    backend: 'openai',
    model,
    host: '127.0.0.1:1',
    task: 'rec_title',
    prompt: 'standard',
    input: 'image',
    messagesSha256: 'a'.repeat(64),
    startedAt: '2026-01-05T12:00:00Z',
    endedAt: '2026-01-05T12:00:01Z',
    latencyMs: 1000,
    temperature: 0,
    temperatureApplied: true,
    maxTokens: 500,
    answer: '1. A - B',
  }) as AnnotationEvent;

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
