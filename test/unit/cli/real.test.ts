// The CLI over the shared release (read-only); skipped, saying why, when it is absent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EvalRow } from '../../../src/core/paper/metrics';
import type { DomainStats } from '../../../src/core/paper/stats';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { runCli } from './run-cli';

describe('imagery eval / stats on the shared release', { skip: skipWithoutDataset }, () => {
  test('eval reproduces the paper reference row (music, gpt-4-vision-preview, raw images)', async () => {
    const result = await runCli('eval', SHARED_DATASET, '--json', '--quiet');
    assert.equal(result.code, 0, result.stderr);
    const { rows } = JSON.parse(result.stdout) as { rows: EvalRow[] };
    const reference = rows.find((row) => row.domain === 'music' && row.model === 'gpt-4-vision-preview' && row.input === 'image');
    assert.ok(reference);
    assert.equal(reference.hit1?.toFixed(4), '0.1181');
    assert.equal(reference.hit10?.toFixed(4), '0.2940');
    assert.equal(reference.hit20?.toFixed(4), '0.3568');
    assert.equal(reference.accuracy?.toFixed(2), '64.70');
    assert.ok(rows.some((row) => row.domain === 'books'));
  });

  test('stats reproduces the paper table', async () => {
    const result = await runCli('stats', SHARED_DATASET, '--json', '--quiet');
    assert.equal(result.code, 0, result.stderr);
    const { domains } = JSON.parse(result.stdout) as { domains: Record<string, DomainStats> };
    const summary = (stats: DomainStats): string[] => [
      String(stats.requests),
      String(stats.items),
      stats.images.mean.toFixed(2),
      stats.images.sd.toFixed(2),
      stats.itemsPerRequest.mean.toFixed(2),
      stats.itemsPerRequest.sd.toFixed(2),
    ];
    assert.deepEqual(summary(domains.books), ['1470', '12208', '3.11', '3.14', '14.04', '12.55']);
    assert.deepEqual(summary(domains.music), ['796', '38204', '1.41', '1.74', '65.92', '101.00']);
  });
});
