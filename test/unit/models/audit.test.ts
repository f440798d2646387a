// The matcher audit counts: false hits, false misses, choice agreement.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { replay } from '../../../src/core/annotations/replay';
import { MatcherAudit } from '../../../src/core/models/audit';
import { makeRecord } from './fixture';
import { eventBuilder } from '../../builders/events';

const ev = eventBuilder();
const verdict = (run: string, target: { kind: 'title'; index: number } | { kind: 'choice' }, value: string): AnnotationEvent =>
  ev({ type: 'model-verdict', request: 'r1', run, target, verdict: value } as EventDraft);

const record = makeRecord({
  runs: [
    // Parsed: 0 "blue hour - night owls" (hit), 1 "nobody - nothing" (miss), 2 "zed band - x" (creator hit).
    { model: 'm', input: 'image', task: 'rec_title', answer: '1. Blue Hour - Night Owls\n2. Nobody - Nothing\n3. Zed Band - X' },
    { model: 'm', input: 'image', task: 'rec_choice', answer: 'B' },
  ],
});

test('false hits, false misses, confirmations and unsure per run and overall', () => {
  const state = replay([
    verdict('m/image/rec_title', { kind: 'title', index: 0 }, 'relevant'),
    verdict('m/image/rec_title', { kind: 'title', index: 1 }, 'relevant'),
    verdict('m/image/rec_title', { kind: 'title', index: 2 }, 'not-relevant'),
    verdict('m/image/rec_title', { kind: 'title', index: 9 }, 'relevant'), // no such title: ignored
    verdict('m/image/rec_choice', { kind: 'choice' }, 'disagree'),
  ]).get('r1');
  const audit = new MatcherAudit();
  audit.add(record, state);
  const { rows, overall } = audit.report();
  assert.deepEqual(
    rows.map(
      ({
        model,
        task,
        source,
        titlesJudged,
        falseHits,
        falseMisses,
        confirmedHits,
        choicesJudged,
        agree,
        disagree,
        agreement,
        requests,
      }) => ({
        model,
        task,
        source,
        titlesJudged,
        falseHits,
        falseMisses,
        confirmedHits,
        choicesJudged,
        agree,
        disagree,
        agreement,
        requests,
      }),
    ),
    [
      {
        model: 'm',
        task: 'rec_choice',
        source: 'stored',
        titlesJudged: 0,
        falseHits: 0,
        falseMisses: 0,
        confirmedHits: 0,
        choicesJudged: 1,
        agree: 0,
        disagree: 1,
        agreement: 0,
        requests: 1,
      },
      {
        model: 'm',
        task: 'rec_title',
        source: 'stored',
        titlesJudged: 3,
        falseHits: 1,
        falseMisses: 1,
        confirmedHits: 1,
        choicesJudged: 0,
        agree: 0,
        disagree: 0,
        agreement: null,
        requests: 1,
      },
    ],
  );
  assert.deepEqual(
    [overall.falseHits, overall.falseMisses, overall.titlesJudged, overall.agreement, overall.requests],
    [1, 1, 3, 0, 1],
  );
});

test('inline runs are audited by their inline key; older correct/incorrect verdicts count as agreement with the automatic verdict', () => {
  const run: EventDraft = {
    type: 'model-run',
    request: 'r1',
    profile: 'p',
    backend: 'openai',
    model: 'new',
    host: 'h',
    task: 'rec_choice',
    prompt: 'standard',
    input: 'image',
    messagesSha256: 'b'.repeat(64),
    startedAt: 't',
    endedAt: 't',
    latencyMs: 1,
    temperature: 0,
    temperatureApplied: true,
    maxTokens: 500,
    answer: 'C',
  };
  const state = replay([
    ev(run, 'x1'),
    verdict('inline:x1', { kind: 'choice' }, 'agree'),
    verdict('m/image/rec_choice', { kind: 'choice' }, 'correct'), // B is right: agrees
  ]).get('r1');
  const audit = new MatcherAudit();
  audit.add(record, state);
  const { rows, overall } = audit.report();
  assert.deepEqual(
    rows.map((row) => [row.source, row.model, row.agree, row.disagree]),
    [
      ['inline', 'new', 1, 0],
      ['stored', 'm', 1, 0],
    ],
  );
  assert.equal(overall.agreement, 1);
});
