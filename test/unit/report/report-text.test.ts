// The report's text, whole, on the hand-made fixture and three variants: no
// annotator, one annotator, and a third annotator whose log adds a bulk
// confirmation, verdicts on model answers, an inline run, a second extractor
// and a bad line. Compared as Markdown to the reviewed files in expected/;
// IMAGERY_WRITE_EXPECTED=1 writes them anew (then read the diff).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { reportBlocks } from '../../../src/core/report/report-blocks';
import { blocksToMarkdown } from '../../../src/core/report/report-format';
import { writeShard } from '../../../src/core/shard/writer';
import type { ReviewQueue } from '../../../src/core/validation/queue';
import { makeTempDir } from '../annotations/temp';
import { ANA, events, fixtureRecords, T0 } from './fixture';
import { writeThreeAnnotators } from './fixture-three';

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
  const shard = await writeThreeAnnotators(makeTempDir(t, 'imagery-report-'));
  matches('three-annotators.md', await markdown(shard));
});

test('an adjudicated disagreement says "yes"; several annotators confirming in bulk are listed with commas', async (t) => {
  const shard = await writeThreeAnnotators(makeTempDir(t, 'imagery-report-'));
  const report = buildReport(await loadReportData([shard]));
  report.agreement.disagreements[0] = { ...report.agreement.disagreements[0], adjudicated: true };
  report.extraction.bulk = {
    leftOut: 2,
    byAnnotator: [
      { annotator: 'cy', comments: 1 },
      { annotator: 'dee', comments: 2 },
    ],
  };
  const text = blocksToMarkdown(reportBlocks(report));
  assert.ok(
    text.includes(
      '| r1 | c1 | extraction | ⁨ana⁩: ⁨alpha artist - xylophone song⁩; ⁨bravo band - yellow tune⁩ · ⁨ben⁩: ⁨alpha artist - xylophone song⁩ | yes |',
    ),
  );
  assert.ok(
    text.includes('Confirmed in bulk, not read one by one: ⁨cy⁩ 1, ⁨dee⁩ 2; 2 such comments are left out of these figures.'),
  );
});
