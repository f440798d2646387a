// "Open on Reddit" opens only a post on https://www.reddit.com, built from the
// permalink's path: a permalink from the data must not pick another host.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRedditUrl, permalinkUrl } from '../../../src/core/shard/schema';

test('a released permalink (a path) becomes the post on www.reddit.com', () => {
  assert.equal(permalinkUrl('/r/PictureTheSound/comments/abc/x/'), 'https://www.reddit.com/r/PictureTheSound/comments/abc/x/');
  assert.equal(permalinkUrl('https://www.reddit.com/r/x/comments/a/'), 'https://www.reddit.com/r/x/comments/a/');
});

test('a permalink that would leave www.reddit.com is refused', () => {
  for (const permalink of [
    '@evil.example/r/x',
    '.evil.example/r/x',
    ':8080/r/x',
    'https://evil.example/r/x',
    'https://www.reddit.com@evil.example/r/x',
    'https://www.reddit.com.evil.example/r/x',
    'http://www.reddit.com/r/x',
    'javascript:alert(1)',
    'r/x',
    '',
  ]) {
    assert.equal(permalinkUrl(permalink), null, permalink);
  }
});

test('the host opens only https://www.reddit.com/... with no user name or port', () => {
  assert.equal(isRedditUrl('https://www.reddit.com/r/x/comments/a/'), true);
  for (const url of [
    'https://www.reddit.com@evil.example/r/x',
    'https://user:pw@www.reddit.com/r/x',
    'https://www.reddit.com:8443/r/x',
    'https://old.reddit.com/r/x',
    'https://evil.example/r/x',
    'https://www.reddit.com',
    'file:///etc/passwd',
  ]) {
    assert.equal(isRedditUrl(url), false, url);
  }
});
