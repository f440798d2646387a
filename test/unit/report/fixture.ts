// A hand-made annotated shard whose every report figure is worked out by hand
// (see report.test.ts): four music requests, two annotators who disagree.
import path from 'node:path';
import type { AnnotationEvent, EventDraft } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import type { ShardComment, ShardRecord } from '../../../src/core/shard/schema';
import { writeShard } from '../../../src/core/shard/writer';
import { sampleRecord } from '../shard/sample-records';

export const ITEMS = {
  alpha: 'alpha artist - xylophone song',
  bravo: 'bravo band - yellow tune',
  charlie: 'charlie crew - zebra track',
  delta: 'delta duo - winter waltz',
  echo: 'echo ensemble - violet vibes',
  foxtrot: 'foxtrot folk - umbrella sky',
  golf: 'golf group - tango time',
  hotel: 'hotel hum - sierra night',
} as const;
const I = ITEMS;

const comment = (id: string, upvotes: number, items: string[]): ShardComment => ({
  id,
  raw: items.join('\n') || 'nothing here',
  upvotes,
  created_utc: null,
  extraction: { raw: items.join('\n') || 'None', items },
});
const negatives = ['n1 - one one', 'n2 - two two', 'n3 - three three', 'n4 - four four'];
const choice = (positive: string, trueIndex: number) => {
  const choices = [...negatives];
  choices.splice(trueIndex, 0, positive);
  return { choices, true_index: trueIndex };
};
const run = (task: 'rec_title' | 'rec_choice', answer: string) => ({ model: 'm1', input: 'image', task, answer });

export function fixtureRecords(): ShardRecord[] {
  return [
    sampleRecord('r1', {
      subreddit: 'PictureTheSound',
      comment_ids: ['c1', 'c2'],
      comments: [comment('c1', 3, [I.alpha, I.bravo]), comment('c2', 2, [I.charlie])],
      relevance: [
        [I.alpha, 3],
        [I.bravo, 3],
        [I.charlie, 2],
      ],
      choice: null,
      runs: [run('rec_title', `1. ${I.bravo}\n2. ${I.alpha}`)],
    }),
    sampleRecord('r2', {
      subreddit: 'ifyoulikeblank',
      comment_ids: ['c1'],
      comments: [comment('c1', 4, [I.delta])],
      relevance: [[I.delta, 4]],
      choice: choice(I.delta, 2),
      runs: [run('rec_choice', 'C')],
    }),
    sampleRecord('r3', {
      subreddit: 'musicsuggestions',
      comment_ids: ['c1'],
      comments: [comment('c1', 1, [])],
      relevance: [[I.hotel, 1]],
      choice: null,
      runs: [run('rec_title', `1. ${I.hotel}`)],
    }),
    sampleRecord('r4', {
      subreddit: 'PictureTheSound',
      comment_ids: ['c1'],
      comments: [comment('c1', 1, [I.echo])],
      relevance: [[I.echo, 1]],
      choice: choice(I.echo, 1),
      runs: [run('rec_choice', 'B')],
    }),
  ];
}

type Draft = EventDraft;
const valid = (request: string): Draft => ({ type: 'validity', request, verdict: 'valid' });
const invalid = (request: string, reason: 'Image is text' | 'Not a rec request'): Draft => ({
  type: 'validity',
  request,
  verdict: 'invalid',
  reason,
});
const confirm = (request: string, commentId: string): Draft => ({
  type: 'extraction',
  request,
  comment: commentId,
  verdict: 'confirmed',
});
const correct = (request: string, commentId: string, items: string[]): Draft => ({
  type: 'extraction',
  request,
  comment: commentId,
  verdict: 'corrected',
  items,
});

/** Ana works first, Ben later (so on replay Ben's word is the latest). */
export const ANA: Draft[] = [
  valid('r1'),
  confirm('r1', 'c1'),
  correct('r1', 'c2', [I.charlie, I.foxtrot]),
  invalid('r2', 'Image is text'),
  valid('r3'),
  correct('r3', 'c1', [I.golf]),
  valid('r4'),
  correct('r4', 'c1', []),
];
export const BEN: Draft[] = [
  valid('r1'),
  correct('r1', 'c1', [I.alpha]),
  confirm('r1', 'c2'),
  valid('r2'),
  invalid('r3', 'Not a rec request'),
  valid('r4'),
  correct('r4', 'c1', []),
];

export function events(annotator: string, drafts: readonly Draft[], start: number): AnnotationEvent[] {
  return drafts.map(
    (draft, index) =>
      ({
        ...draft,
        v: 1,
        id: `${annotator}-${index}`,
        time: new Date(start + index * 60_000).toISOString(),
        annotator,
      }) as AnnotationEvent,
  );
}

export const T0 = Date.UTC(2026, 0, 5, 9);

/** Writes the shard and both logs into `dir`; returns the shard's path. `names` renames the two annotators. */
export async function writeFixture(dir: string, names = { ana: 'ana', ben: 'ben' }): Promise<string> {
  const shard = path.join(dir, 'music-001.shard.jsonl');
  await writeShard(shard, fixtureRecords());
  await AnnotationLog.open(shard, names.ana).appendRaw(events(names.ana, ANA, T0));
  await AnnotationLog.open(shard, names.ben).appendRaw(events(names.ben, BEN, T0 + 3_600_000));
  return shard;
}
