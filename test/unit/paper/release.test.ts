// Real-data checks against the released dataset (skipped when it is absent).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateRecords } from '../../../src/core/paper/evaluate';
import type { EvalRow } from '../../../src/core/paper/metrics';
import { parseExtraction } from '../../../src/core/paper/extraction';
import { type CommentItems, correctedRelevance, positiveItem, relevance } from '../../../src/core/paper/relevance';
import { datasetStats } from '../../../src/core/paper/stats';
import type { ShardRecord } from '../../../src/core/shard/schema';
import { skipWithoutDataset } from '../../helpers/dataset';
import { loadDomain, processedPath, readJsonl, readRecs } from './release-loader';

let cached: ShardRecord[] | undefined;
const allRecords = (): ShardRecord[] => (cached ??= [...loadDomain('books'), ...loadDomain('music')]);
let evaluated: EvalRow[] | undefined;
const allRows = (): EvalRow[] => (evaluated ??= evaluateRecords(allRecords()));
const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

// The release's own evaluation results (its evaluation notebook), every stored run: hit@1/10/20, accuracy.
const PUBLISHED: [string, string, string, number, number, number, number][] = [
  ['books', 'gpt-4-vision-CoI', 'image', 0.213605, 0.529932, 0.598639, 0.822449],
  ['books', 'gpt-4-vision-preview', 'image', 0.202041, 0.486395, 0.55034, 0.808163],
  ['books', 'llava-v1.5-13b', 'image', 0.021769, 0.045578, 0.04966, 0.581633],
  ['books', 'llava-v1.5-CoI', 'image', 0.014966, 0.036054, 0.038095, 0.615646],
  ['music', 'gpt-3.5-turbo-0125', 'gpt-4-vision-preview', 0.061558, 0.214824, 0.256281, 0.592965],
  ['music', 'gpt-4-0125-preview', 'OFA-huge', 0.070352, 0.19598, 0.237437, 0.528894],
  ['music', 'gpt-4-0125-preview', 'gpt-4-vision-preview', 0.110553, 0.298995, 0.335427, 0.669598],
  ['music', 'gpt-4-vision-CoI', 'image', 0.121859, 0.316583, 0.380653, 0.654523],
  ['music', 'gpt-4-vision-preview', 'image', 0.11809, 0.29397, 0.356784, 0.646985],
  ['music', 'llava-v1.5-13b', 'image', 0.067839, 0.143216, 0.175879, 0.413317],
  ['music', 'llava-v1.5-CoI', 'image', 0.05402, 0.120603, 0.154523, 0.449749],
];

describe('release: evaluation', { skip: skipWithoutDataset }, () => {
  test('reference point: music, gpt-4-vision-preview on images, to 4 decimals', () => {
    const row = allRows().find((r) => r.domain === 'music' && r.model === 'gpt-4-vision-preview' && r.input === 'image');
    assert.ok(row);
    assert.deepEqual(
      [round(row.hit1, 4), round(row.hit10, 4), round(row.hit20, 4), round(row.accuracy, 2)],
      [0.1181, 0.294, 0.3568, 64.7],
    );
    // 804 stored rec_title answers, but only the 796 benchmark requests are scored.
    assert.equal(row.requests, 796);
    assert.equal(row.choiceRequests, 796);
  });

  test('every stored run reproduces the release evaluation to 6 decimals', () => {
    const rows = allRows().map((r) => [
      r.domain,
      r.model,
      r.input,
      round(r.hit1, 6),
      round(r.hit10, 6),
      round(r.hit20, 6),
      round(r.accuracy === null ? null : r.accuracy / 100, 6),
    ]);
    assert.deepEqual(rows, PUBLISHED);
  });

  test('the multiple-choice positive is the first argmax of S_r for every benchmark request', () => {
    const benchmark = allRecords().filter((r) => r.choice !== null);
    assert.equal(benchmark.length, 1470 + 796);
    for (const record of benchmark) {
      assert.equal(positiveItem(record.relevance), record.choice!.choices[record.choice!.true_index], record.id);
    }
  });
});

describe('release: dataset statistics', { skip: skipWithoutDataset }, () => {
  test("the paper's figures, to 2 decimals (population sd)", () => {
    const stats = datasetStats(allRecords());
    const figures = (domain: 'books' | 'music') => {
      const s = stats[domain]!;
      return [
        s.requests,
        s.items,
        ...[s.images.mean, s.images.sd, s.itemsPerRequest.mean, s.itemsPerRequest.sd].map((v) => round(v, 2)),
      ];
    };
    assert.deepEqual(figures('books'), [1470, 12208, 3.11, 3.14, 14.04, 12.55]);
    assert.deepEqual(figures('music'), [796, 38204, 1.41, 1.74, 65.92, 101.0]);
  });
});

describe('release: extraction and S_r', { skip: skipWithoutDataset }, () => {
  test('S_r recomputed from the reconstructed extraction is consistent with recs.json', (t) => {
    const recs = readRecs('music');
    const byRequest = new Map<string, CommentItems[]>();
    for (const c of readJsonl(processedPath('music', 'comments/comments_processed.jsonl'))) {
      const list = byRequest.get(c.submission_id) ?? [];
      list.push({ upvotes: c.upvotes, items: parseExtraction(c.processed) });
      byRequest.set(c.submission_id, list);
    }
    let equal = 0;
    let recovered = 0;
    let released = 0;
    for (const [id, comments] of byRequest) {
      const release = Object.entries(recs[id]);
      const recomputed = relevance(comments);
      // The reconstruction only ever yields items the release lists for that request.
      for (const [item] of recomputed) assert.ok(item in recs[id], `${id}: "${item}" not in recs.json`);
      // No edits => the corrected S_r is the release, unchanged.
      assert.deepEqual(correctedRelevance(release, comments, comments), release);
      if (JSON.stringify(Object.fromEntries(recomputed)) === JSON.stringify(recs[id])) equal++;
      recovered += recomputed.length;
      released += release.length;
    }
    t.diagnostic(`${byRequest.size} requests, ${equal} with S_r equal to recs.json, ${recovered}/${released} items recovered`);
    assert.equal(byRequest.size, 81);
    assert.ok(recovered / released > 0.75 && recovered < released, `recovery ${recovered}/${released}`);
  });
});
