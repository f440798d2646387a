// The shared release through import and export with no annotations: the
// corrected dataset must be the release, byte for byte, every file, whatever
// the import options (the default import leaves the posts outside the
// benchmark out of the shards; the export copies them from the release).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { exportCorrected } from '../../../src/core/release/export';
import { importToShards, readBytes, tempDir } from './export-helpers';

const FILES = ['recs.json', 'items.csv', 'submissions.jsonl', 'submissions_ns.jsonl'];

for (const includeUnsampled of [false, true]) {
  const label = includeUnsampled ? 'with --include-unsampled' : 'with the default import';
  test(
    `real release ${label}: export without annotations gives back every released file`,
    { skip: skipWithoutDataset },
    async (t) => {
      const dir = tempDir(t);
      const shards = await importToShards(SHARED_DATASET, `${dir}/shards`, ['books', 'music'], 500, includeUnsampled);
      const summary = await exportCorrected(shards, `${dir}/out`, { seed: 2024, releaseDir: SHARED_DATASET });
      for (const domain of ['books', 'music']) {
        for (const name of FILES) {
          const same = readBytes(`${dir}/out`, 'processed', domain, name).equals(
            readBytes(SHARED_DATASET, 'processed', domain, name),
          );
          assert.ok(same, `${domain}/${name} differs from the release`);
        }
      }
      assert.ok(
        readBytes(`${dir}/out`, 'irrelevant_submissions.csv').equals(readBytes(SHARED_DATASET, 'irrelevant_submissions.csv')),
      );
      assert.deepEqual(
        summary.domains.map((d) => [
          d.domain,
          d.valid,
          d.copiedFromRelease,
          d.withItems,
          d.itemsAdded.length,
          d.itemsRemoved.length,
          d.positivesChanged.length,
          d.resampled.length,
        ]),
        [
          ['books', 1512, includeUnsampled ? 0 : 42, 1470, 0, 0, 0, 0],
          ['music', 804, includeUnsampled ? 0 : 8, 796, 0, 0, 0, 0],
        ],
      );
    },
  );
}
