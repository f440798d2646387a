// Extraction assist, one comment: the model's items against the current
// (corrected) extraction, and the extraction-run event (provenance, raw
// answer) that replay keeps as a suggestion without changing any annotation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { parseEventLine } from '../../../src/core/annotations/log-lines';
import { replay } from '../../../src/core/annotations/replay';
import { compareItems, currentItems } from '../../../src/core/models/extract/compare-items';
import { extractComment } from '../../../src/core/models/extract/extract-comment';
import { createOpenAIBackend } from '../../../src/core/models/openai-backend';
import { parseProfile } from '../../../src/core/models/profile';
import { OpenAIServer } from '../../helpers/openai-server';
import { makeDataset, makeRecord } from './fixture';

let server: OpenAIServer;
before(async () => (server = await OpenAIServer.start()));
after(() => server.close());

describe('comparing two extractions of a comment', () => {
  test('adds, lacks and agrees by normalised item, each item once, in order', () => {
    const comparison = compareItems(
      ['Blue  Hour - Night Owls', 'cat power', 'cat power', 'Zed band - Ö'],
      ['zed band - ö', 'blue hour - night owls', 'old item'],
    );
    assert.deepEqual(comparison, {
      added: ['cat power'],
      lacking: ['old item'],
      agreed: ['zed band - ö', 'blue hour - night owls'],
    });
  });

  test('the current extraction is the correction when there is one, else the stored items', () => {
    const record = makeRecord();
    const state = replay([
      {
        v: 1,
        id: 'e1',
        time: 't',
        annotator: 'a',
        request: 'r1',
        type: 'extraction',
        comment: 'c1',
        verdict: 'corrected',
        items: ['x - y'],
      },
      { v: 1, id: 'e2', time: 't', annotator: 'a', request: 'r1', type: 'extraction', comment: 'c2', verdict: 'confirmed' },
    ]).get('r1');
    assert.deepEqual(currentItems(record.comments[0], state), ['x - y']);
    assert.deepEqual(currentItems(record.comments[1], state), ['zed band']);
  });
});

describe('the extraction-run event', () => {
  test('carries the provenance of a model run and the raw answer; replay leaves the state as it was', async (t) => {
    const record = makeRecord();
    const { shardFile } = makeDataset(t, [record]);
    const profile = parseProfile({ name: 'paper', baseUrl: `${server.baseUrl}?key=secret`, model: 'gpt-3.5-turbo-0125' });
    const backend = createOpenAIBackend({ profile, apiKey: 'k' });
    server.enqueue({
      text: '1. Blue Hour - Night Owls\n2. Rain Dogs',
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
    });
    const log = AnnotationLog.open(shardFile, 'ana');
    const [correction] = await log.append({
      type: 'extraction',
      request: 'r1',
      comment: 'c1',
      verdict: 'corrected',
      items: ['Blue Hour - Night Owls', 'Tom Waits'],
    });
    const before = replay([correction]);
    const result = await extractComment(record, record.comments[0], before.get('r1'), { profile, backend });
    assert.deepEqual(result.items, ['blue hour - night owls', 'rain dogs']);
    assert.deepEqual(result.comparison, { added: ['rain dogs'], lacking: ['Tom Waits'], agreed: ['Blue Hour - Night Owls'] });
    const { draft } = result;
    assert.equal(draft.type, 'extraction-run');
    assert.deepEqual(
      [draft.request, draft.comment, draft.profile, draft.backend, draft.model, draft.host],
      ['r1', 'c1', 'paper', 'openai', 'gpt-3.5-turbo-0125', `127.0.0.1:${server.port}`],
    );
    assert.equal(draft.answer, '1. Blue Hour - Night Owls\n2. Rain Dogs');
    assert.deepEqual(draft.usage, { promptTokens: 7, completionTokens: 3, totalTokens: 10 });
    assert.deepEqual([draft.temperature, draft.maxTokens, draft.finishReason], [0, 200, 'stop']);
    assert.match(draft.messagesSha256, /^[0-9a-f]{64}$/);
    assert.ok(Date.parse(draft.endedAt) >= Date.parse(draft.startedAt));
    assert.ok(!JSON.stringify(draft).includes('secret'), 'only the host is recorded');

    const [event] = await log.append(draft);
    const read = await log.read();
    assert.equal(read.warnings.length, 0);
    const back = read.events.at(-1)!;
    assert.deepEqual(back, event, 'the event reads back as the known kind, unchanged');
    const line = JSON.stringify(event);
    const parsed = parseEventLine(line);
    assert.ok(parsed.ok && parsed.event.type === 'extraction-run');
    const replayed = replay(read.events).get('r1');
    assert.deepEqual(replayed?.comments, before.get('r1')?.comments, 'an extraction run changes no annotation');
    assert.deepEqual(replayed?.extractionRuns?.[0]?.items, ['blue hour - night owls', 'rain dogs'], 'it is kept as a suggestion');
    const undo = await log.append({ type: 'retract', request: 'r1', target: event.id });
    assert.deepEqual(replay([...read.events, ...undo]), before);
  });

  test('a malformed extraction-run line is a warning naming what is wrong, not an event passed through', () => {
    const parsed = parseEventLine(
      JSON.stringify({ v: 1, id: 'x', time: 't', annotator: 'a', request: 'r1', type: 'extraction-run', comment: 'c1' }),
    );
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.error : '', /invalid extraction-run event/);
  });
});
