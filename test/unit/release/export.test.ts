import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected, type ExportProgress } from '../../../src/core/release/export';
import { formatExportSummary } from '../../../src/core/release/export-summary';
import { importToShards, readBytes, readJsonl, releaseFile, SYNTHETIC_RELEASE, tempDir } from './export-helpers';

const DOMAIN_FILES = ['recs.json', 'items.csv', 'submissions.jsonl'];

test('no annotations: recs.json, items.csv, submissions.jsonl and irrelevant_submissions.csv come back byte-equal', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books', 'music']);
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 7, releaseDir: SYNTHETIC_RELEASE });
  for (const domain of ['books', 'music']) {
    for (const name of DOMAIN_FILES) {
      assert.deepEqual(
        readBytes(`${dir}/out`, 'processed', domain, name),
        readBytes(SYNTHETIC_RELEASE, 'processed', domain, name),
        `${domain}/${name}`,
      );
    }
  }
  assert.deepEqual(
    readBytes(`${dir}/out`, 'irrelevant_submissions.csv'),
    readBytes(SYNTHETIC_RELEASE, 'irrelevant_submissions.csv'),
  );
  for (const d of summary.domains) {
    assert.deepEqual([d.invalidated, d.corrected, d.itemsAdded, d.itemsRemoved, d.positivesChanged], [[], [], [], [], []]);
  }
});

test('submissions_ns: same requests and positives as released, 4 negatives from the domain outside the request', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books']);
  await exportCorrected(shards, `${dir}/out`, { seed: 1 });
  const released = readJsonl(releaseFile(SYNTHETIC_RELEASE, 'processed', 'books', 'submissions_ns.jsonl'));
  const exported = readJsonl(releaseFile(`${dir}/out`, 'processed', 'books', 'submissions_ns.jsonl'));
  const recs = JSON.parse(readFileSync(releaseFile(SYNTHETIC_RELEASE, 'processed', 'books', 'recs.json'), 'utf8'));
  const items = new Set(Object.values(recs).flatMap((rel) => Object.keys(rel as object)));
  assert.deepEqual(
    exported.map((r) => r.submission_id),
    released.map((r) => r.submission_id),
  );
  exported.forEach((request, i) => {
    const choices = request.choices as string[];
    const truth = released[i];
    assert.equal(choices[request.true_index as number], (truth.choices as string[])[truth.true_index as number]);
    assert.equal(new Set(choices).size, 5);
    const own = new Set(Object.keys(recs[request.submission_id as string]));
    const negatives = choices.filter((_, j) => j !== request.true_index);
    for (const negative of negatives)
      assert.ok(items.has(negative) && !own.has(negative), `${negative} for ${request.submission_id}`);
    assert.deepEqual(Object.keys(request), Object.keys(truth), 'release key order');
  });
});

test('the same seed gives the same bytes, whatever the shard split; another seed differs', async (t) => {
  const dir = tempDir(t);
  const bySize3 = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards-3`, ['music'], 3);
  const bySize2 = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards-2`, ['music'], 2);
  // A new positive for m001: its candidates are drawn again (the seed decides only for such requests).
  for (const shard of [bySize3[0], bySize2[0]]) {
    await AnnotationLog.open(shard, 'ana').append({
      type: 'extraction',
      request: 'm001',
      comment: 'cm2',
      verdict: 'corrected',
      items: ['lumen'],
    });
  }
  const ns = (out: string) => readFileSync(releaseFile(out, 'processed', 'music', 'submissions_ns.jsonl'), 'utf8');
  await exportCorrected(bySize3, `${dir}/a`, { seed: 42 });
  await exportCorrected(bySize3, `${dir}/b`, { seed: 42 });
  await exportCorrected(bySize2, `${dir}/c`, { seed: 42 });
  await exportCorrected(bySize3, `${dir}/d`, { seed: 43 });
  assert.equal(ns(`${dir}/a`), ns(`${dir}/b`));
  assert.equal(ns(`${dir}/a`), ns(`${dir}/c`));
  assert.notEqual(ns(`${dir}/a`), ns(`${dir}/d`));
});

test('corrections and curation: S_r, items, positives, invalid posts; the latest annotator wins', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['music']);
  const m001Shard = shards[0];
  const m004Shard = shards[1];
  // cm2 (4 upvotes) really recommended Lumen, not Neon Rain; cm4 (2 upvotes) named another track.
  await AnnotationLog.open(m001Shard, 'ana').append(
    { type: 'extraction', request: 'm001', comment: 'cm2', verdict: 'corrected', items: ['lumen'] },
    { type: 'extraction', request: 'm002', comment: 'cm4', verdict: 'corrected', items: ['sand & stone - oasis'] },
  );
  await AnnotationLog.open(m004Shard, 'ana').append({ type: 'validity', request: 'm004', verdict: 'valid' });
  await AnnotationLog.open(m004Shard, 'bea').append({
    type: 'validity',
    request: 'm004',
    verdict: 'invalid',
    reason: 'Not music rec',
  });
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 3, releaseDir: SYNTHETIC_RELEASE });
  const out = (name: string) => releaseFile(`${dir}/out`, 'processed', 'music', name);
  const recs = JSON.parse(readFileSync(out('recs.json'), 'utf8'));
  assert.deepEqual(Object.keys(recs), ['m001', 'm002', 'm003', 'm005']);
  assert.deepEqual(Object.entries(recs.m001), [
    ['aurora lines - neon rain', 3],
    ['the quiet hours - drift', 3],
    ['lumen', 5],
  ]);
  assert.deepEqual(recs.m002, { 'sand & stone - oasis': 2 });
  assert.deepEqual(
    readJsonl(out('submissions.jsonl')).map((r) => r.submission_id),
    ['m001', 'm002', 'm003', 'm005'],
  );
  const ns = readJsonl(out('submissions_ns.jsonl'));
  assert.equal((ns[0].choices as string[])[ns[0].true_index as number], 'lumen');
  const items = readFileSync(out('items.csv'), 'utf8').trimEnd().split('\n');
  assert.ok(
    items.includes('sand & stone - oasis') &&
      !items.includes('sand & stone - mirage') &&
      !items.includes('night freight - carriage 9'),
  );
  assert.equal(
    readFileSync(releaseFile(`${dir}/out`, 'irrelevant_submissions.csv'), 'utf8'),
    readFileSync(releaseFile(SYNTHETIC_RELEASE, 'irrelevant_submissions.csv'), 'utf8') + '\rmusicsuggestions,m004,Not music rec',
  );
  const [music] = summary.domains;
  assert.deepEqual(music.invalidated, ['m004']);
  assert.deepEqual(music.corrected, ['m001', 'm002']);
  assert.deepEqual(music.itemsAdded, ['sand & stone - oasis']);
  assert.deepEqual(music.itemsRemoved.sort(), ['night freight - carriage 9', 'sand & stone - mirage']);
  assert.deepEqual(music.positivesChanged, [
    { request: 'm001', from: 'aurora lines - neon rain', to: 'lumen' },
    { request: 'm002', from: 'sand & stone - mirage', to: 'sand & stone - oasis' },
  ]);
  assert.equal(summary.irrelevantAdded, 1);
  const text = formatExportSummary(summary);
  assert.match(text, /requests invalidated: 1: "m004"/);
  assert.match(text, /items added: 1: "sand & stone - oasis"/);
  assert.match(text, /positives changed: 2/);
});

test('without a release: items in first-mention order, only the new invalid rows', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books']);
  await AnnotationLog.open(shards[0], 'ana').append({
    type: 'validity',
    request: 'b002',
    verdict: 'invalid',
    reason: 'Image is text',
  });
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 1 });
  const items = readFileSync(releaseFile(`${dir}/out`, 'processed', 'books', 'items.csv'), 'utf8').split('\n');
  assert.deepEqual(items.slice(0, 4), ['title', 'ana torres - the glass orchard', '1979', 'élodie marchand - l’hiver']);
  assert.ok(!items.includes('li wei - paper moons'));
  assert.equal(
    readFileSync(releaseFile(`${dir}/out`, 'irrelevant_submissions.csv'), 'utf8'),
    'subreddit,submission_id,reason\rbooksthatfeellikethis,b002,Image is text',
  );
  assert.equal(summary.irrelevantKept, 0);
});

test('cells starting with = + - @ are written as they are (pandas reads the same) and counted in the summary', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['music']);
  const items = ['=hyperlink("http://x") - song', '+1 band - tune', '@artist - track', 'plain - song'];
  await AnnotationLog.open(shards[0], 'ana').append({
    type: 'extraction',
    request: 'm001',
    comment: 'cm2',
    verdict: 'corrected',
    items,
  });
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 3, releaseDir: SYNTHETIC_RELEASE });
  const csv = readFileSync(releaseFile(`${dir}/out`, 'processed', 'music', 'items.csv'), 'utf8');
  for (const item of items.slice(0, 3))
    assert.ok(csv.includes(`\n${item.includes('"') ? `"${item.replaceAll('"', '""')}"` : item}\n`), csv);
  assert.deepEqual(
    summary.formulaCells.map((entry) => [path.relative(`${dir}/out`, entry.file), entry.cells]),
    [[path.join('data', 'processed', 'music', 'items.csv'), 3]],
  );
  assert.match(
    formatExportSummary(summary),
    /^warning: 3 cell\(s\) start with a formula character \(= \+ - @\); open with care in a spreadsheet: data\/processed\/music\/items\.csv \(3\)\. The files are left as pandas reads them\.$/m,
  );
});

test('progress is reported for every shard read and file written', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books']);
  const seen: ExportProgress[] = [];
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 1, onProgress: (p) => seen.push(p) });
  assert.deepEqual(
    seen.filter((p) => p.phase === 'read').map((p) => p.file),
    shards,
  );
  assert.deepEqual(
    seen.filter((p) => p.phase === 'write').map((p) => p.file),
    summary.files,
  );
  assert.equal(summary.files.length, 5);
});

test('an unreadable shard line fails the export, naming file and line; nothing is written', async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SYNTHETIC_RELEASE, `${dir}/shards`, ['books']);
  const { appendFileSync, existsSync } = await import('node:fs');
  appendFileSync(shards[0], '{"not": "a record"}\n');
  await assert.rejects(exportCorrected(shards, `${dir}/out`, { seed: 1 }), (error: Error) => {
    assert.match(error.message, new RegExp(`${shards[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: `));
    return true;
  });
  assert.equal(existsSync(`${dir}/out`), false);
});

test('refuses to export over the release itself', async () => {
  await assert.rejects(
    exportCorrected([], SYNTHETIC_RELEASE, { seed: 1, releaseDir: SYNTHETIC_RELEASE }),
    /is the release itself/,
  );
});
