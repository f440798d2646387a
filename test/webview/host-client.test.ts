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
    client.settle({ type: 'reply', seq: api.sent[0].seq ?? -1, ok: true });
    // The next request still works and keeps its own timer.
    const next = client.request({ type: 'navigate', target: { kind: 'next' } });
    client.settle({ type: 'reply', seq: api.sent[1].seq ?? -1, ok: true });
    await next;
  });
});
