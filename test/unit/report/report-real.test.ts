// The report on the shared release: with no annotations the corrected scores
// equal the original ones, which reproduce the paper's reference point; a
// 100-comment sample is reproducible byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadReportData } from '../../../src/core/report/load';
import { buildReport } from '../../../src/core/report/report';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';
import { runCli } from '../cli/run-cli';
import { importToShards, tempDir } from '../release/export-helpers';

test(
  "real release, music: the report reproduces the paper's reference scores on both truths; a sample is reproducible",
  { skip: skipWithoutDataset },
  async (t) => {
    const dir = tempDir(t);
    const shards = await importToShards(SHARED_DATASET, path.join(dir, 'shards'), ['music'], 200);
    const data = await loadReportData(shards);
    const report = buildReport(data);
    const row = report.models.find((r) => r.model === 'gpt-4-vision-preview' && r.input === 'image')!;
    for (const side of ['original', 'corrected'] as const) {
      assert.equal(row[side].hit1.value!.toFixed(4), '0.1181', side);
      assert.equal(row[side].hit10.value!.toFixed(4), '0.2940', side);
      assert.equal(row[side].hit20.value!.toFixed(4), '0.3568', side);
      assert.equal((100 * row[side].accuracy.value!).toFixed(2), '64.70', side);
    }
    assert.equal(row.original.hit1.total, 796);
    assert.deepEqual([row.choiceNotScorable, row.invalidLeftOut, row.difference.hit1], [0, 0, 0]);
    assert.deepEqual(report.extraction.paper, { comments: 100, wrongShare: 0, missedShare: 0.09 });

    const args = ['sample', path.join(dir, 'shards'), '--comments', '100', '--seed', '2024', '--quiet', '--json'];
    const first = await runCli(...args, '--name', 'a');
    const second = await runCli(...args, '--name', 'b');
    assert.equal(first.code, 0, first.stderr);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    assert.equal(a.size, 100);
    const withAnswer = data.requests
      .flatMap((request) => request.record.comments)
      .filter((c) => c.extraction.raw !== null).length;
    assert.equal(a.population, withAnswer);
    assert.equal(
      readFileSync(a.file, 'utf8').replace('"name": "a"', ''),
      readFileSync(b.file, 'utf8').replace('"name": "b"', ''),
    );
  },
);
