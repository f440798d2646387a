// The release's line schemas: the defaults of a request's optional fields, and run lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReleaseRunLine, ReleaseSubmission } from '../../../src/core/release/import-schema';

test('ReleaseSubmission: absent or null optional fields take their defaults', () => {
  const parsed = ReleaseSubmission.parse({ submission_id: 's1', title: 't', subreddit: 'x', selftext: null, author: null });
  assert.deepEqual(
    [
      parsed.selftext,
      parsed.author,
      parsed.created_utc,
      parsed.over_18,
      parsed.permalink,
      parsed.comment_ids,
      parsed.images,
      parsed.image_urls,
    ],
    ['', null, null, false, '', [], [], []],
  );
  assert.deepEqual(ReleaseRunLine.parse({ submission_id: 'r1', rec_title: '1. A - B', extra: 1 }), {
    submission_id: 'r1',
    rec_title: '1. A - B',
    extra: 1,
  });
  assert.equal(ReleaseRunLine.safeParse({ submission_id: '' }).success, false);
});
