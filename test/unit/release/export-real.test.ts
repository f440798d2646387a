// The shared release through import and export with no annotations: the
// corrected dataset must be the release, byte for byte (except the resampled
// submissions_ns.jsonl, which the release did not seed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { exportCorrected } from '../../../src/core/release/export';
import { importToShards, readBytes, readJsonl, releaseFile, tempDir } from './export-helpers';

test('real release: import then export without annotations gives back the released files', { skip: skipWithoutDataset }, async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SHARED_DATASET, `${dir}/shards`, ['books', 'music'], 500);
  const summary = await exportCorrected(shards, `${dir}/out`, { seed: 2024, releaseDir: SHARED_DATASET });
  for (const domain of ['books', 'music']) {
    for (const name of ['recs.json', 'items.csv', 'submissions.jsonl']) {
      const same = readBytes(`${dir}/out`, 'processed', domain, name).equals(readBytes(SHARED_DATASET, 'processed', domain, name));
      assert.ok(same, `${domain}/${name} differs from the release`);
    }
  }
  for (const domain of ['books', 'music']) {
    const positives = (root: string) =>
      readJsonl(releaseFile(root, 'processed', domain, 'submissions_ns.jsonl')).map((r) => (r.choices as string[])[r.true_index as number]);
    assert.deepEqual(positives(`${dir}/out`), positives(SHARED_DATASET), `${domain}: positives as released`);
  }
  assert.ok(readBytes(`${dir}/out`, 'irrelevant_submissions.csv').equals(readBytes(SHARED_DATASET, 'irrelevant_submissions.csv')));
  assert.deepEqual(
    summary.domains.map((d) => [d.domain, d.valid, d.withItems, d.itemsAdded.length, d.itemsRemoved.length, d.positivesChanged.length]),
    [
      ['books', 1512, 1470, 0, 0, 0],
      ['music', 804, 796, 0, 0, 0],
    ],
  );
});
