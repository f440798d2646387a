// What the event schemas accept, value by value, and which lines take the
// hand-checked fast path. fast-parse.test.ts proves the fast path and zod
// agree; this pins what both accept, so a value dropped from an enum or a
// field left out of a shape fails here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlainKnownEvent } from '../../../src/core/annotations/event-shape';
import { EventDraft, KnownEvent } from '../../../src/core/annotations/events';
import { parseEventLine } from '../../../src/core/annotations/log-lines';

const base = { v: 1, id: 'event-1', time: '2024-06-01T00:00:00.000Z', annotator: 'ana', request: 'r1' };

/** Every current-version event the fast path checks, with each verdict value and each optional field alone. */
const PLAIN: Record<string, unknown>[] = [
  ...['confirmed', 'corrected', 'unreviewed'].map((verdict) => ({ type: 'extraction', comment: 'c1', verdict })),
  { type: 'extraction', comment: 'c1', verdict: 'corrected', items: ['Tom Waits - Rain Dogs', 'Nick Drake'] },
  { type: 'extraction', comment: 'c1', verdict: 'corrected', items: [] },
  ...['valid', 'invalid', 'unreviewed'].map((verdict) => ({ type: 'validity', verdict })),
  { type: 'validity', verdict: 'invalid', reason: 'Not music rec' },
  { type: 'validity', verdict: 'valid', note: 'fine' },
  ...['relevant', 'not-relevant', 'agree', 'disagree', 'correct', 'incorrect', 'unsure', 'unreviewed'].map((verdict) => ({
    type: 'model-verdict',
    run: 'gpt-4o/image/rec_title',
    target: { kind: 'title', index: 0 },
    verdict,
  })),
  { type: 'model-verdict', run: 'inline:e9', target: { kind: 'title', index: 19 }, verdict: 'relevant', note: 'yes' },
  { type: 'model-verdict', run: 'inline:e9', target: { kind: 'choice' }, verdict: 'agree' },
  { type: 'note', text: 'a note' },
  { type: 'retract', target: 'event-0' },
  ...['valid', 'invalid', 'confirmed', 'corrected', 'withdrawn'].map((verdict) => ({ type: 'adjudication', verdict })),
  { type: 'adjudication', comment: 'c1', verdict: 'corrected', items: ['A - B'] },
  { type: 'adjudication', verdict: 'invalid', reason: 'Image is text', note: 'settled' },
].map((fields) => ({ ...base, ...fields }));

test('each plain event of a checked kind takes the fast path, and zod reads it unchanged', () => {
  for (const event of PLAIN) {
    assert.equal(isPlainKnownEvent(event), true, JSON.stringify(event));
    const parsed = KnownEvent.safeParse(event);
    assert.ok(parsed.success, JSON.stringify(event));
    assert.deepEqual(parsed.data, event);
  }
});

test('the fast path refuses what zod would change or refuse: odd targets, extra keys, wrong value types', () => {
  const verdict = PLAIN.find((event) => event.type === 'model-verdict' && (event.target as { kind: string }).kind === 'choice')!;
  const refused: unknown[] = [
    { ...verdict, target: { kind: 'choice', extra: 1 } },
    { ...verdict, target: { kind: 'title', index: -1 } },
    { ...verdict, target: { kind: 'title', index: 1.5 } },
    { ...verdict, target: { kind: 'title' } },
    { ...verdict, target: { kind: 'other', index: 1 } },
    { ...verdict, target: null },
    { ...verdict, target: 'choice' },
    { ...base, type: 'extraction', comment: 'c1', verdict: 'corrected', items: ['a', 2] },
    { ...base, type: 'extraction', comment: 'c1', verdict: 'corrected', items: 'a' },
    { ...base, type: 'note', text: 3 },
    { ...base, type: 'validity', verdict: 'maybe' },
    { ...base, type: 'validity', verdict: 'invalid', reason: 'nope' },
  ];
  for (const value of refused) assert.equal(isPlainKnownEvent(value), false, JSON.stringify(value));
});

/** A model run as the editor records it, every optional field given. */
const RUN = {
  ...base,
  type: 'model-run',
  profile: 'paper-gpt4o',
  backend: 'openai',
  model: 'gpt-4o-2024-05-13',
  host: '127.0.0.1:8080',
  task: 'rec_title',
  prompt: 'coi',
  input: 'image',
  descriptionsFrom: 'gpt-4o/image/description',
  messagesSha256: 'ab'.repeat(32),
  startedAt: '2024-06-01T00:00:00.000Z',
  endedAt: '2024-06-01T00:00:02.000Z',
  latencyMs: 2000,
  temperature: null,
  temperatureApplied: false,
  maxTokens: 500,
  sent: {
    tokenParameter: 'max_completion_tokens',
    tokenLimit: 4596,
    reasoningBudget: 4096,
    temperature: 0.5,
    reasoningEffort: 'low',
    streamUsage: true,
    imageDetail: 'auto',
  },
  usage: { promptTokens: 700, completionTokens: 90, totalTokens: 790, reasoningTokens: 40 },
  finishReason: 'stop',
  answer: ['a cat on a sofa', 'rain'],
  unparseable: true,
  thinking: 'hmm',
  truncated: true,
};

/** An extraction run, every field of the model run's provenance it takes. */
const EXTRACTION_RUN = {
  ...base,
  type: 'extraction-run',
  comment: 'comment-7',
  profile: 'paper-extractor',
  backend: 'openai',
  model: 'gpt-3.5-turbo-0125',
  host: '127.0.0.1:8080',
  messagesSha256: 'cd'.repeat(32),
  startedAt: '2024-06-01T00:00:00.000Z',
  endedAt: '2024-06-01T00:00:01.000Z',
  latencyMs: 1000,
  temperature: 0,
  temperatureApplied: true,
  maxTokens: 200,
  usage: { promptTokens: 120, completionTokens: 12, totalTokens: 132 },
  finishReason: 'stop',
  answer: 'Tom Waits - Rain Dogs',
};

const DISMISS = ['miss', 'wrong'].map((kind) => ({
  ...base,
  type: 'extraction-dismiss',
  comment: 'comment-7',
  kind,
  item: 'tom waits',
}));

test('model runs, extraction runs and dismissals read back field for field, through zod and through the log reader', () => {
  const runs = [
    RUN,
    {
      ...RUN,
      prompt: 'standard',
      answer: '1. A - B',
      thinking: ['one', 'two'],
      sent: { ...RUN.sent, tokenParameter: 'max_tokens' },
    },
    { ...RUN, task: 'rec_choice', usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0, reasoningTokens: 0 } },
    EXTRACTION_RUN,
    ...DISMISS,
  ];
  for (const event of runs) {
    assert.equal(isPlainKnownEvent(event), false, 'left to zod');
    const parsed = KnownEvent.safeParse(event);
    assert.ok(parsed.success, `${JSON.stringify(event)}: ${parsed.error?.issues[0]?.message}`);
    assert.deepEqual(parsed.data, event);
    assert.deepEqual(parseEventLine(JSON.stringify(event)), { ok: true, event });
  }
});

test('each field of a model run or an extraction run is checked: a wrong value is refused with its path', () => {
  const refusals: [Record<string, unknown>, string][] = [
    [{ ...RUN, messagesSha256: 'x' + 'ab'.repeat(32) }, 'messagesSha256'],
    [{ ...RUN, messagesSha256: 'ab'.repeat(32) + 'x' }, 'messagesSha256'],
    [{ ...RUN, prompt: 'fancy' }, 'prompt'],
    [{ ...RUN, answer: 3 }, 'answer'],
    [{ ...RUN, answer: [1] }, 'answer'],
    [{ ...RUN, profile: '' }, 'profile'],
    [{ ...RUN, backend: '' }, 'backend'],
    [{ ...RUN, startedAt: '' }, 'startedAt'],
    [{ ...RUN, endedAt: '' }, 'endedAt'],
    [{ ...RUN, usage: { promptTokens: -1 } }, 'usage.promptTokens'],
    [{ ...RUN, usage: { completionTokens: -1 } }, 'usage.completionTokens'],
    [{ ...RUN, usage: { totalTokens: -1 } }, 'usage.totalTokens'],
    [{ ...RUN, usage: { reasoningTokens: -1 } }, 'usage.reasoningTokens'],
    [{ ...RUN, sent: { ...RUN.sent, tokenParameter: 'tokens' } }, 'sent.tokenParameter'],
    [{ ...RUN, sent: { ...RUN.sent, tokenLimit: 0 } }, 'sent.tokenLimit'],
    [{ ...RUN, sent: { ...RUN.sent, reasoningBudget: -1 } }, 'sent.reasoningBudget'],
    [{ ...EXTRACTION_RUN, comment: '' }, 'comment'],
    ...(['profile', 'backend', 'model', 'host', 'messagesSha256', 'startedAt', 'endedAt', 'latencyMs'] as const).map(
      (key): [Record<string, unknown>, string] => [{ ...EXTRACTION_RUN, [key]: undefined }, key],
    ),
    ...(['temperature', 'temperatureApplied', 'maxTokens', 'usage', 'finishReason'] as const).map(
      (key): [Record<string, unknown>, string] => [{ ...EXTRACTION_RUN, [key]: [] }, key],
    ),
    [{ ...DISMISS[0], comment: '' }, 'comment'],
    [{ ...DISMISS[0], item: '' }, 'item'],
    [{ ...DISMISS[0], kind: 'other' }, 'kind'],
  ];
  for (const [event, field] of refusals) {
    const line = JSON.stringify(event);
    const parsed = parseEventLine(line);
    assert.equal(parsed.ok, false, line);
    assert.match(
      (parsed as { error: string }).error,
      new RegExp(`^invalid ${event.type} event: ${field.replace('.', '\\.')}: `),
      line,
    );
  }
});

test('drafts of every kind are accepted as the log completes them; a draft of an unknown type is not', () => {
  const strip = ({ v: _v, id: _id, time: _time, annotator: _annotator, ...draft }: Record<string, unknown>) => draft;
  for (const event of [...PLAIN, RUN, EXTRACTION_RUN, ...DISMISS, { ...base, type: 'bulk-confirm', comments: ['c1', 'c2'] }]) {
    const parsed = EventDraft.safeParse(strip(event));
    assert.ok(parsed.success, JSON.stringify(event));
    assert.deepEqual(parsed.data, strip(event));
  }
  assert.equal(EventDraft.safeParse({ type: 'hologram', request: 'r1' }).success, false);
  assert.equal(EventDraft.safeParse({ type: 'bulk-confirm', request: 'r1', comments: [] }).success, false);
});
