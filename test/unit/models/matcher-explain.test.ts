// GroundTruthMatcher.explain: the same verdicts as matches(), with the reason
// (nearest item and distance, else the creator found). Checked by hand and,
// when the shared release is present, on every stored title of music.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroundTruthMatcher, codePointDistance } from '../../../src/core/paper/matcher';
import { parseTitles } from '../../../src/core/paper/titles';
import { importDomain } from '../../../src/core/release/import';
import { SHARED_DATASET, skipWithoutDataset } from '../../helpers/dataset';

describe('GroundTruthMatcher.explain', () => {
  const matcher = new GroundTruthMatcher(['Blue Hour - Night Owls', 'blue hour - night owl', 'Zed Band', 'naïve 😀 - song']);

  test('the nearest item wins, reported as given in the ground truth', () => {
    assert.deepEqual(matcher.explain('blue hour - night owls'), { kind: 'item', item: 'Blue Hour - Night Owls', distance: 0 });
    assert.deepEqual(matcher.explain('blue hour - nite owls'), { kind: 'item', item: 'Blue Hour - Night Owls', distance: 3 });
    assert.deepEqual(matcher.explain('blue hour - night ow'), { kind: 'item', item: 'blue hour - night owl', distance: 1 });
  });

  test('items equal but for case: the first as given is the one reported', () => {
    const twice = new GroundTruthMatcher(['Zed Band - Fern', 'ZED BAND - FERN', 'Zed']);
    assert.deepEqual(twice.explain('zed band - fern'), { kind: 'item', item: 'Zed Band - Fern', distance: 0 });
    assert.deepEqual(twice.explain('zed - anything'), { kind: 'creator', item: 'Zed' });
  });

  test('a creator-only item inside the head (before the first "-") is a creator match', () => {
    assert.deepEqual(matcher.explain('the zed band - anything'), { kind: 'creator', item: 'Zed Band' });
    assert.equal(matcher.explain('anything - zed band'), null);
  });

  test('distances count code points, as Python does', () => {
    const explained = matcher.explain('naive 😀 - song');
    assert.deepEqual(explained, {
      kind: 'item',
      item: 'naïve 😀 - song',
      distance: codePointDistance('naive 😀 - song', 'naïve 😀 - song'),
    });
    assert.equal(explained?.kind === 'item' && explained.distance, 1);
  });

  test('a miss is null, exactly when matches() is false', () => {
    for (const title of ['far away - nothing', 'blue - hour', 'zed - band']) {
      assert.equal(matcher.explain(title) !== null, matcher.matches(title), title);
    }
  });

  test(
    'on the shared release: explain agrees with matches on every stored music title',
    { skip: skipWithoutDataset },
    async () => {
      const { records } = await importDomain(SHARED_DATASET, 'music', { progress: () => undefined });
      let titles = 0;
      let hits = 0;
      for (const record of records) {
        const items = record.relevance.map(([item]) => item);
        const byItems = new GroundTruthMatcher(items);
        for (const run of record.runs) {
          if (run.task !== 'rec_title' || typeof run.answer !== 'string') continue;
          for (const title of parseTitles(run.answer)) {
            const explained = byItems.explain(title);
            assert.equal(explained !== null, byItems.matches(title), `${record.id}: ${title}`);
            if (explained?.kind === 'item') assert.ok(explained.distance < 5 && items.includes(explained.item));
            titles++;
            if (explained) hits++;
          }
        }
      }
      assert.ok(titles > 10_000 && hits > 0, `${titles} titles, ${hits} hits`);
    },
  );
});
