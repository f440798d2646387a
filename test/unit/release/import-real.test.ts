// Imports the shared release (read-only); skipped, saying why, when it is absent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { positiveItem } from '../../../src/core/paper/relevance';
import { importDomain, type DomainImport } from '../../../src/core/release/import';
import { ShardRecord } from '../../../src/core/shard/schema';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';

/** The paper's rule: the choice positive is argmax S_r, first in FILE order on ties. */
function positivesAgree({ records }: DomainImport): number {
  return records.filter(
    (record) => record.choice && positiveItem(record.relevance) === record.choice.choices[record.choice.true_index],
  ).length;
}

describe('import of the shared release', { skip: skipWithoutDataset }, () => {
  test('music: 796 benchmark requests, 2,936 comments on 81 requests, every run joined', async () => {
    const music = await importDomain(SHARED_DATASET, 'music');
    const { summary } = music;
    assert.equal(summary.requests, 796);
    assert.equal(summary.requestsWithChoice, 796);
    assert.equal(summary.comments, 2936);
    assert.equal(summary.requestsWithComments, 81);
    assert.equal(summary.orphanComments, 0);
    // Measured: the release's reconstructed extraction gives back recs.json in 48 of the 81 requests with comments.
    assert.equal(summary.relevanceMismatch.count, 33);
    assert.equal(summary.relevanceMismatch.requests.length, 33);
    assert.deepEqual(summary.relevanceMismatch.requests.slice(0, 3), ['saz0bx', 'wlnsfr', '12lnov3']);
    assert.deepEqual(summary.unreadable, []);
    assert.ok(summary.runs.length > 0);
    // rec_title files that also cover the 8 requests left out of submissions_ns.
    for (const run of summary.runs) assert.equal(run.answers - run.unmatched, 796, `${run.model}/${run.input}/${run.task}`);
    assert.equal(positivesAgree(music), 796);
    assert.ok(summary.images.found > 0 && summary.images.missing > 0);
    for (const record of music.records.slice(0, 50)) assert.equal(ShardRecord.safeParse(record).success, true);
  });

  test('music with unsampled requests: 804, the extra ones without choices', async () => {
    const { summary } = await importDomain(SHARED_DATASET, 'music', { includeUnsampled: true });
    assert.equal(summary.requests, 804);
    assert.equal(summary.requestsWithChoice, 796);
  });

  test('books: 1,470 benchmark requests, no comments, positives in file order', async () => {
    const books = await importDomain(SHARED_DATASET, 'books');
    assert.equal(books.summary.requests, 1470);
    assert.equal(books.summary.comments, 0);
    assert.deepEqual(books.summary.unreadable, []);
    assert.equal(positivesAgree(books), 1470);
    assert.ok(books.records.every((record) => record.domain === 'books'));
  });
});
