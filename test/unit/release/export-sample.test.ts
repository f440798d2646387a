// The project's sample release (sample/release) through import and export
// with no annotations: recs.json, items.csv and irrelevant_submissions.csv
// come back byte-equal.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../helpers/dataset';
import { exportCorrected } from '../../../src/core/release/export';
import { importToShards, readBytes, tempDir } from './export-helpers';

const SAMPLE_RELEASE = path.join(REPO_ROOT, 'sample', 'release');
const skip = existsSync(path.join(SAMPLE_RELEASE, 'data', 'processed')) ? false : `no sample release at ${SAMPLE_RELEASE}`;

test('sample release: export without annotations gives back recs.json, items.csv and the invalid list', { skip }, async (t) => {
  const dir = tempDir(t);
  const shards = await importToShards(SAMPLE_RELEASE, `${dir}/shards`, ['books', 'music']);
  await exportCorrected(shards, `${dir}/out`, { seed: 5, releaseDir: SAMPLE_RELEASE });
  for (const domain of ['books', 'music']) {
    for (const name of ['recs.json', 'items.csv']) {
      assert.ok(
        readBytes(`${dir}/out`, 'processed', domain, name).equals(readBytes(SAMPLE_RELEASE, 'processed', domain, name)),
        `${domain}/${name}`,
      );
    }
  }
  assert.ok(
    readBytes(`${dir}/out`, 'irrelevant_submissions.csv').equals(readBytes(SAMPLE_RELEASE, 'irrelevant_submissions.csv')),
  );
});
