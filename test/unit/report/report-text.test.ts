// The report's text, whole, on the hand-made fixture and three variants: no
// annotator, one annotator, and a third annotator whose log adds a bulk
// confirmation, verdicts on model answers, an inline run, a second extractor
// and a bad line. Compared as Markdown to the reviewed files in expected/;
// IMAGERY_WRITE_EXPECTED=1 writes them anew (then read the diff).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { AnnotationEvent } from '../../../src/core/annotations/events';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { reportBlocks } from '../../../src/core/report/report-blocks';
import { blocksToMarkdown } from '../../../src/core/report/report-format';
import { writeShard } from '../../../src/core/shard/writer';
import type { ReviewQueue } from '../../../src/core/validation/queue';
import { extractionRunEvent, modelRunEvent } from '../../fixtures/model-run';
import { makeTempDir } from '../annotations/temp';
import { ANA, events, fixtureRecords, ITEMS, T0 } from './fixture';

const EXPECTED = path.join(import.meta.dirname, 'expected');

async function markdown(shard: string, queue?: { file: string; queue: ReviewQueue }): Promise<string> {
  const text = blocksToMarkdown(reportBlocks(buildReport(await loadReportData([shard], queue))));
  return text.replaceAll(path.dirname(shard), '<dir>');
}

function matches(name: string, text: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.IMAGERY_WRITE_EXPECTED === '1') writeFileSync(file, text);
  assert.equal(text, readFileSync(file, 'utf8'), `differs from test/unit/report/expected/${name}`);
}

test('no annotator yet, no runs: the report says so in each section', async (t) => {
  const shard = path.join(makeTempDir(t, 'imagery-report-'), 'music-001.shard.jsonl');
  await writeShard(
    shard,
    fixtureRecords().map((record) => ({ ...record, runs: [] })),
  );
  matches('no-annotator.md', await markdown(shard));
});

test('one annotator, limited to a request queue', async (t) => {
  const dir = makeTempDir(t, 'imagery-report-');
  const shard = path.join(dir, 'music-001.shard.jsonl');
  await writeShard(shard, fixtureRecords());
  await AnnotationLog.open(shard, 'ana').appendRaw(events('ana', ANA, T0));
  const queue: ReviewQueue = {
    format: 'imagery-review-queue',
    version: 1,
    name: 'spot-check',
    unit: 'requests',
    seed: 7,
    population: 4,
    shards: ['music-001.shard.jsonl'],
    items: ['r1', 'r3', 'r9'].map((request) => ({ shard: 'music-001.shard.jsonl', request })),
  };
  matches('one-annotator-queue.md', await markdown(shard, { file: path.join(dir, 'q.queue.json'), queue }));
});

test('three annotators: bulk confirmation, matcher audit, an inline run, a second extractor, a warning', async (t) => {
  const { writeFixture } = await import('./fixture');
  const shard = await writeFixture(makeTempDir(t, 'imagery-report-'));
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
  matches('three-annotators.md', await markdown(shard));
});
