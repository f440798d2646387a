// The hand-made fixture with a third annotator, Cy, whose log adds a bulk
// confirmation, verdicts on model answers, an inline run, a second extractor
// and a line the reader refuses: every section of the report and every plot
// has something to show.
import { writeFileSync } from 'node:fs';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { extractionRunEvent, modelRunEvent } from '../../fixtures/model-run';
import { ITEMS, T0, writeFixture } from './fixture';

/** Writes the fixture and Cy's log into `dir`; returns the shard's path. */
export async function writeThreeAnnotators(dir: string): Promise<string> {
  const shard = await writeFixture(dir);
  const at = (minutes: number) => new Date(T0 + 7_200_000 + minutes * 60_000).toISOString();
  const cy = (id: string, minutes: number, draft: Record<string, unknown>) =>
    ({ v: 1, id, time: at(minutes), annotator: 'cy', ...draft }) as AnnotationEvent;
  await AnnotationLog.open(shard, 'cy').appendRaw([
    cy('cy-1', 1, { type: 'validity', request: 'r1', verdict: 'valid' }),
    cy('cy-2', 2, { type: 'bulk-confirm', request: 'r4', comments: ['c1'] }),
    cy('cy-3', 3, {
      type: 'model-verdict',
      request: 'r1',
      run: 'm1/image/rec_title',
      target: { kind: 'title', index: 0 },
      verdict: 'not-relevant',
    }),
    cy('cy-4', 4, {
      type: 'model-verdict',
      request: 'r2',
      run: 'm1/image/rec_choice',
      target: { kind: 'choice' },
      verdict: 'agree',
    }),
    modelRunEvent('cy-5', 'cy', { request: 'r1', model: 'tiny', answer: `1. ${ITEMS.alpha}` }),
    extractionRunEvent('cy-6', 'cy', { request: 'r1', comment: 'c1', answer: `${ITEMS.alpha}\n${ITEMS.bravo}`, endedAt: at(6) }),
    cy('cy-7', 7, { type: 'validity', request: 'r2', verdict: 'invalid', reason: 'Not music rec' }),
  ]);
  // A line our reader refuses in its own words (a JSON syntax error's words depend on the Node version).
  const bad = { v: 1, id: 'cy-8', time: at(8), annotator: 'cy', request: 'r1', type: 'validity', verdict: 'maybe' };
  writeFileSync(AnnotationLog.open(shard, 'cy').file, JSON.stringify(bad) + '\n', { flag: 'a' });
  return shard;
}
