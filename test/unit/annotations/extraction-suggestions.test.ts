// Extraction assist in the editor: replaying extraction-run and
// extraction-dismiss events gives, per comment, the latest run of each
// extractor and the disagreements reviewed; the comparison per comment gives
// the possible misses and wrong items left to look at.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventDraft } from '../../../src/core/annotations/events';
import { replayLogs } from '../../../src/core/annotations/merge';
import { replay } from '../../../src/core/annotations/replay';
import {
  commentSuggestions,
  dismissalsOf,
  runsOnComment,
  type ExtractionSuggestionRun,
} from '../../../src/core/models/extract/suggestions';
import { eventBuilder } from '../../builders/events';
import { extractionRunDraft } from '../../fixtures/model-run';

type RunDraft = Extract<EventDraft, { type: 'extraction-run' }>;

function runDraft(comment: string, answer: string, model = 'gpt-3.5-turbo-0125', profile = 'paper'): RunDraft {
  return extractionRunDraft({ request: 'r1', comment, answer, model, profile });
}

describe('replaying extraction runs', () => {
  test('keeps the latest run per comment and extractor, its items parsed by the paper rules, with its source', () => {
    const event = eventBuilder();
    const state = replay([
      event(runDraft('c1', '1. Old - Answer')),
      event(runDraft('c2', '- Tom Waits')),
      event(runDraft('c1', '1. Blue Hour - Night Owls\n2. Rain Dogs'), 'latest'),
      event(runDraft('c1', 'Cat Power', 'qwen3', 'local'), 'other-model'),
    ]).get('r1');
    const onC1 = runsOnComment(state?.extractionRuns, 'c1');
    assert.deepEqual(
      onC1.map((run) => [run.items, run.source.kind === 'inline' ? run.source.event : '']),
      [
        [['blue hour - night owls', 'rain dogs'], 'latest'],
        [['cat power'], 'other-model'],
      ],
    );
    assert.deepEqual(onC1[0].source, {
      kind: 'inline',
      event: 'latest',
      annotator: 'ana',
      profile: 'paper',
      model: 'gpt-3.5-turbo-0125',
      // The third event's time, when it was recorded.
      time: new Date(1_700_000_003_000).toISOString(),
    });
    assert.deepEqual(runsOnComment(state?.extractionRuns, 'c2')[0].items, ['tom waits']);
    assert.equal(Object.keys(state?.comments ?? { x: 1 }).length, 0, 'a run is no annotation');
  });

  test('an undone run is gone, and the run before it of the same extractor is not brought back', () => {
    const event = eventBuilder();
    const first = event(runDraft('c1', 'A Band - Song'));
    const second = event(runDraft('c1', 'Other - Song'));
    const state = replayLogs([[first, second, event({ type: 'retract', request: 'r1', target: second.id })]]).get('r1');
    assert.deepEqual(runsOnComment(state?.extractionRuns, 'c1')[0].items, ['a band - song']);
    const none = replayLogs([[second, event({ type: 'retract', request: 'r1', target: second.id })]]);
    assert.equal(none.get('r1'), undefined, 'nothing left: the request has no state');
  });

  test('dismissals are kept per comment by kind and normalised item, once each, and undone by a retract', () => {
    const event = eventBuilder();
    const dismiss = event({ type: 'extraction-dismiss', request: 'r1', comment: 'c1', kind: 'miss', item: 'Rain  Dogs' });
    const events = [
      dismiss,
      event({ type: 'extraction-dismiss', request: 'r1', comment: 'c1', kind: 'miss', item: 'rain dogs' }),
      event({ type: 'extraction-dismiss', request: 'r1', comment: 'c1', kind: 'wrong', item: 'Tom Waits' }),
      event({ type: 'extraction-dismiss', request: 'r1', comment: '__proto__', kind: 'miss', item: 'x y z w' }),
    ];
    const state = replay(events).get('r1');
    assert.deepEqual(dismissalsOf(state?.extractionDismissed, 'c1'), ['miss:rain dogs', 'wrong:tom waits']);
    assert.deepEqual(dismissalsOf(state?.extractionDismissed, '__proto__'), ['miss:x y z w']);
    assert.deepEqual(dismissalsOf(state?.extractionDismissed, 'constructor'), []);
    const undone = replayLogs([[...events.slice(0, 1), event({ type: 'retract', request: 'r1', target: dismiss.id })]]);
    assert.equal(undone.get('r1'), undefined);
  });

  test("another annotator's dismissal counts for everyone (a reviewed disagreement stays reviewed)", () => {
    const ana = eventBuilder({ annotator: 'ana', idPrefix: 'a' });
    const bo = eventBuilder({ annotator: 'bo', idPrefix: 'b' });
    const state = replayLogs([
      [ana(runDraft('c1', 'Rain Dogs'))],
      [bo({ type: 'extraction-dismiss', request: 'r1', comment: 'c1', kind: 'miss', item: 'rain dogs' })],
    ]).get('r1');
    const runs = runsOnComment(state?.extractionRuns, 'c1');
    assert.deepEqual(commentSuggestions(runs, [], dismissalsOf(state?.extractionDismissed, 'c1')).misses, []);
  });
});

describe('suggestions of one comment', () => {
  const paper: ExtractionSuggestionRun['source'] = {
    kind: 'inline',
    event: 'e1',
    annotator: 'ana',
    profile: 'paper',
    model: 'gpt',
    time: 't',
  };
  const batch: ExtractionSuggestionRun['source'] = {
    kind: 'batch',
    run: 'qwen',
    file: 'out/qwen/music/comments_processed.jsonl',
  };

  test('misses as the model wrote them, wrong items as the extraction holds them; agreement is silent', () => {
    const got = commentSuggestions(
      [{ comment: 'c1', items: ['blue hour - night owls', 'rain dogs'], source: paper }],
      ['Blue Hour - Night Owls', 'Tom Waits'],
    );
    assert.deepEqual(got, {
      misses: [{ item: 'rain dogs', sources: [paper] }],
      wrong: [{ item: 'Tom Waits', sources: [paper] }],
    });
  });

  test('several runs: an item counts once with every run that makes it a disagreement', () => {
    const got = commentSuggestions(
      [
        { comment: 'c1', items: ['rain dogs', 'tom waits'], source: paper },
        { comment: 'c1', items: ['Rain Dogs'], source: batch },
      ],
      ['Tom Waits'],
    );
    assert.deepEqual(got.misses, [{ item: 'rain dogs', sources: [paper, batch] }]);
    assert.deepEqual(got.wrong, [{ item: 'Tom Waits', sources: [batch] }]);
  });

  test('dismissed disagreements are left out, by kind: dismissing a miss keeps the same item as a wrong one', () => {
    const runs = [{ comment: 'c1', items: ['rain dogs'], source: paper }];
    assert.deepEqual(commentSuggestions(runs, ['tom waits'], ['miss:rain dogs']), {
      misses: [],
      wrong: [{ item: 'tom waits', sources: [paper] }],
    });
    assert.deepEqual(commentSuggestions(runs, ['tom waits'], ['wrong:tom waits', 'wrong:rain dogs']).wrong, []);
    assert.equal(commentSuggestions(runs, ['tom waits'], ['wrong:rain dogs']).misses.length, 1);
  });

  test('no runs, no suggestions', () => {
    assert.deepEqual(commentSuggestions([], ['a - b']), { misses: [], wrong: [] });
  });
});
