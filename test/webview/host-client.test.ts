// The webview's client of the host protocol, in Node: every request settles,
// with the host's reply or, when none comes, with an error the panel shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostClient, type VsCodeApi } from '../../webview/client';

function fakeApi(): VsCodeApi & { sent: { seq?: number; type: string }[] } {
  const sent: { seq?: number; type: string }[] = [];
  return {
    sent,
    postMessage: (message) => sent.push(message as { seq?: number; type: string }),
    getState: () => undefined,
    setState: () => undefined,
  };
}

/** 'settled' when the promise has resolved or rejected by the next turn of the event loop, else 'pending'. */
function settledYet(promise: Promise<unknown>): Promise<'settled' | 'pending'> {
  const settled = promise.then(
    () => 'settled' as const,
    () => 'settled' as const,
  );
  return Promise.race([settled, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('HostClient.request', () => {
  it('resolves on an ok reply and rejects with the host error text', async () => {
    const api = fakeApi();
    const client = new HostClient(api);
    const ok = client.request({ type: 'navigate', target: { kind: 'next' } });
    const failed = client.request({ type: 'setFilter', filter: 'all' });
    client.settle({ type: 'reply', seq: api.sent[0].seq ?? -1, ok: true });
    client.settle({ type: 'reply', seq: api.sent[1].seq ?? -1, ok: false, error: 'Invalid message: bad filter' });
    await ok;
    await assert.rejects(failed, /Invalid message: bad filter/);
  });

  it('rejects, naming the request, when the host never answers; a late reply changes nothing', async () => {
    const api = fakeApi();
    const client = new HostClient(api, 20);
    const unanswered = client.request({ type: 'annotate', draft: { type: 'validity', request: 'r0', verdict: 'valid' } });
    await assert.rejects(unanswered, /did not answer \(annotate\)/);
    const lateSeq = api.sent[0].seq ?? -1;
    // The next request gets a seq of its own: the late reply must not settle it.
    const next = client.request({ type: 'navigate', target: { kind: 'next' } });
    const nextSeq = api.sent[1].seq ?? -1;
    assert.ok(nextSeq > lateSeq, `seq ${nextSeq} after ${lateSeq}`);
    client.settle({ type: 'reply', seq: lateSeq, ok: true });
    assert.equal(await settledYet(next), 'pending', 'the late reply settled another request');
    assert.deepEqual(
      api.sent.map((message) => message.type),
      ['annotate', 'navigate'],
      'nothing posted in answer',
    );
    // Its own reply settles it, with its own outcome.
    client.settle({ type: 'reply', seq: nextSeq, ok: false, error: 'no next request' });
    await assert.rejects(next, /^Error: no next request$/);
  });
});
