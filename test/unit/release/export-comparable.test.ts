// The export keeps the released multiple-choice candidates while they are
// still valid, so stored rec_choice answers stay comparable with the paper;
// with no annotations it gives back every released file byte for byte,
// whatever the import options.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected } from '../../../src/core/release/export';
import { formatExportSummary } from '../../../src/core/release/export-summary';
import { importToShards, readBytes, readJsonl, releaseFile, SYNTHETIC_RELEASE, tempDir } from './export-helpers';

const FILES = ['recs.json', 'items.csv', 'submissions.jsonl', 'submissions_ns.jsonl'];

function assertSameAsRelease(out: string, label: string): void {
  for (const domain of ['books', 'music']) {
    for (const name of FILES) {
      assert.ok(
        readBytes(out, 'processed', domain, name).equals(readBytes(SYNTHETIC_RELEASE, 'processed', domain, name)),
        `${label}: ${domain}/${name}`,
      );
    }
  }
  assert.ok(
    readBytes(out, 'irrelevant_submissions.csv').equals(readBytes(SYNTHETIC_RELEASE, 'irrelevant_submissions.csv')),
    label,
  );
}

for (const includeUnsampled of [false, true]) {
  test(`no annotations: every released file comes back byte for byte (import ${includeUnsampled ? 'with' : 'without'} unsampled posts)`, async (t) => {
    const dir = tempDir(t);
    const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books', 'music'], 2, includeUnsampled);
    const summary = await exportCorrected(shards, `${dir}/out`, { seed: 11, releaseDir: SYNTHETIC_RELEASE });
    assertSameAsRelease(`${dir}/out`, includeUnsampled ? 'with unsampled' : 'benchmark only');
    assert.deepEqual(
      summary.domains.map((d) => [d.domain, d.resampled, d.copiedFromRelease]),
      [
        ['books', [], includeUnsampled ? 0 : 1],
        ['music', [], 0],
      ],
    );
  });
}

test('only confirmations: every released file comes back byte for byte', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books', 'music'], 3, false);
  const music = shards.filter((shard) => shard.includes('music'));
  await AnnotationLog.open(music[0], 'ana').append(
    { type: 'validity', request: 'm001', verdict: 'valid' },
    { type: 'extraction', request: 'm001', comment: 'cm1', verdict: 'confirmed' },
    { type: 'extraction', request: 'm001', comment: 'cm2', verdict: 'confirmed' },
    { type: 'extraction', request: 'm002', comment: 'cm4', verdict: 'confirmed' },
  );
  await exportCorrected(shards, `${dir}/out`, { seed: 5, releaseDir: SYNTHETIC_RELEASE });
  assertSameAsRelease(`${dir}/out`, 'confirmations');
});

test('candidates are kept while valid, drawn again with the reason otherwise; invalid requests leave submissions_ns', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['music'], 5, false);
  await AnnotationLog.open(shards[0], 'ana').append(
    // m001: cm2 (4 upvotes) named Lumen, not Neon Rain: Lumen (5) is the new positive.
    { type: 'extraction', request: 'm001', comment: 'cm2', verdict: 'corrected', items: ['lumen'] },
    // m002: cm4 also names Lumen, one of m002's released negatives; the positive stays (first on the tie).
    { type: 'extraction', request: 'm002', comment: 'cm4', verdict: 'corrected', items: ['sand & stone - mirage', 'lumen'] },
    { type: 'validity', request: 'm004', verdict: 'invalid', reason: 'Not music rec' },
  );
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 9, releaseDir: SYNTHETIC_RELEASE });
  const released = new Map(
    readJsonl(releaseFile(SYNTHETIC_RELEASE, 'processed', 'music', 'submissions_ns.jsonl')).map((r) => [r.submission_id, r]),
  );
  const releasedLines = new Map(
    readFileSync(releaseFile(SYNTHETIC_RELEASE, 'processed', 'music', 'submissions_ns.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [JSON.parse(line).submission_id, line]),
  );
  const outText = readFileSync(releaseFile(`${dir}/out`, 'processed', 'music', 'submissions_ns.jsonl'), 'utf8');
  const exported = new Map(
    outText
      .split('\n')
      .filter(Boolean)
      .map((line) => [JSON.parse(line).submission_id as string, line]),
  );
  assert.deepEqual([...exported.keys()], ['m001', 'm002', 'm003', 'm005']);
  for (const id of ['m003', 'm005']) assert.equal(exported.get(id), releasedLines.get(id), `${id} kept byte for byte`);
  const m001 = JSON.parse(exported.get('m001')!);
  assert.equal(m001.choices[m001.true_index], 'lumen');
  const m002 = JSON.parse(exported.get('m002')!);
  assert.equal(m002.choices[m002.true_index], 'sand & stone - mirage');
  assert.ok(!m002.choices.includes('lumen'), 'a relevant item is no negative');
  assert.notDeepEqual(m002.choices, released.get('m002')!.choices);
  const [music] = summary.domains;
  assert.deepEqual(music.resampled, [
    { request: 'm001', reason: 'positive changed' },
    { request: 'm002', reason: 'a negative became relevant' },
  ]);
  assert.match(
    formatExportSummary(summary),
    /candidates drawn again \(seed 9\): 2: "m001: positive changed", "m002: a negative became relevant"/,
  );
});

test('an item whose every mention was removed leaves recs.json, items.csv and the candidates', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['music'], 5, false);
  // cm3 (1 upvote) is the only comment naming Lumen: it named another track.
  await AnnotationLog.open(shards[0], 'ana').append({
    type: 'extraction',
    request: 'm001',
    comment: 'cm3',
    verdict: 'corrected',
    items: ['mara - lanterns'],
  });
  await exportCorrected(shards, `${dir}/out`, { seed: 9, releaseDir: SYNTHETIC_RELEASE });
  const recs = JSON.parse(readFileSync(releaseFile(`${dir}/out`, 'processed', 'music', 'recs.json'), 'utf8'));
  assert.deepEqual(recs.m001, { 'aurora lines - neon rain': 7, 'the quiet hours - drift': 3, 'mara - lanterns': 1 });
});

test("a retract in one annotator's log does not cancel another annotator's event in the export", async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['music'], 5, false);
  const [invalid] = await AnnotationLog.open(shards[0], 'ana').append({
    type: 'validity',
    request: 'm004',
    verdict: 'invalid',
    reason: 'Not music rec',
  });
  await AnnotationLog.open(shards[0], 'bea').append({ type: 'retract', request: 'm004', target: invalid.id });
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 9, releaseDir: SYNTHETIC_RELEASE });
  assert.deepEqual(summary.domains[0].invalidated, ['m004']);
  assert.match(readFileSync(releaseFile(`${dir}/out`, 'irrelevant_submissions.csv'), 'utf8'), /m004,Not music rec$/);
});
