// The corrected S_r of a request whose stored extraction does not give back the
// released one, exported from the shared release (skipped, saying why, when it
// is absent): request 12lnov3 once exported "pixies - where is my mind": -65.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { exportCorrected } from '../../../src/core/release/export';
import { ShardReader } from '../../../src/core/shard/reader';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { importToShards, tempDir } from './export-helpers';

const REQUEST = '12lnov3';
const COMMENT = 'jg7b09g';
const DUPLICATE = 'pixies - where is my mind';

async function shardHolding(shards: string[], id: string): Promise<{ shard: string; items: string[] }> {
  for (const shard of shards) {
    const reader = await ShardReader.open(shard);
    try {
      for await (const entry of reader.entries()) {
        if (entry.kind !== 'record' || entry.record.id !== id) continue;
        const comment = entry.record.comments.find((candidate) => candidate.id === COMMENT);
        return { shard, items: [...(comment?.extraction.items ?? [])] };
      }
    } finally {
      await reader.close();
    }
  }
  throw new Error(`no shard holds ${id}`);
}

test(
  'removing a duplicate item of 12lnov3 exports the S_r recomputed over the corrected extraction, never below zero',
  { skip: skipWithoutDataset },
  async (t) => {
    const dir = tempDir(t);
    const shards = await importToShards(SHARED_DATASET, path.join(dir, 'shards'), ['music'], 500, false);
    const { shard, items } = await shardHolding(shards, REQUEST);
    assert.ok(items.includes(DUPLICATE), 'the stored extraction holds the duplicate');
    await AnnotationLog.open(shard, 'ana').append({
      type: 'extraction',
      request: REQUEST,
      comment: COMMENT,
      verdict: 'corrected',
      items: items.filter((item) => item !== DUPLICATE),
    });
    await exportCorrected(shards, path.join(dir, 'out'), { seed: 7, releaseDir: SHARED_DATASET });
    const recs = JSON.parse(readFileSync(path.join(dir, 'out', 'data', 'processed', 'music', 'recs.json'), 'utf8')) as Record<
      string,
      Record<string, number>
    >;
    const scores = recs[REQUEST];
    // Two one-upvote comments still name it: 2, as released; the 67-upvote comment now counts only the other spelling.
    assert.equal(scores[DUPLICATE], 2);
    assert.equal(scores['pixies - where is my mind?'], 69);
    assert.deepEqual(
      Object.entries(scores).filter(([, score]) => score < 0),
      [],
    );
  },
);
