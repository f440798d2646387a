// HostSync in Node: the real HostClient over a channel that records what the
// webview posts, and host messages delivered in the host's own order (a
// request's state before its reply). What the screen would show is checked
// after every message.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { EventDraft } from '../../src/core/annotations/events';
import { emptyRequestState, type RequestState } from '../../src/core/annotations/state';
import { HostClient } from '../../webview/client';
import { HostSync } from '../../webview/host-sync';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';

const REQUEST = 'req1';

describe('HostSync', () => {
  let posted: { type: string; seq?: number; draft?: EventDraft }[];
  let updates: number;
  let sync: HostSync;

  beforeEach(() => {
    posted = [];
    updates = 0;
    const host = {
      addController() {},
      removeController() {},
      requestUpdate: () => void updates++,
      updateComplete: Promise.resolve(true),
    };
    sync = new HostSync(host);
    sync.attach(
      new HostClient({
        postMessage: (m) => void posted.push(m as (typeof posted)[number]),
        getState: () => undefined,
        setState() {},
      }),
    );
    sync.receive(initMessage() as Parameters<HostSync['receive']>[0]);
    sync.receive(showMessage(makeRecord({ id: REQUEST })) as Parameters<HostSync['receive']>[0]);
  });

  const seqOf = (index: number) => posted.filter((m) => m.type === 'annotate')[index]?.seq ?? -1;
  const state = (partial: Partial<RequestState>): RequestState => ({ ...emptyRequestState(), ...partial });
  const reply = async (seq: number, error?: string) => {
    sync.receive(error === undefined ? { type: 'reply', seq, ok: true } : { type: 'reply', seq, ok: false, error });
    await new Promise((resolve) => setImmediate(resolve));
  };

  it("keeps a second draft on screen when the host's state for the first arrives", async () => {
    sync.annotate({ type: 'extraction', request: REQUEST, comment: 'c2', verdict: 'confirmed' });
    sync.annotate({ type: 'validity', request: REQUEST, verdict: 'valid' });
    assert.equal(sync.saveStatus, 'saving');
    sync.receive({ type: 'state', requestId: REQUEST, state: state({ comments: { c2: { status: 'confirmed' } } }) });
    assert.deepEqual(sync.requestState?.validity, { status: 'valid', note: undefined }, 'the second draft is still applied');
    assert.deepEqual({ ...sync.requestState?.comments }, { c2: { status: 'confirmed' } });
    await reply(seqOf(0));
    assert.equal(sync.requestState?.validity?.status, 'valid');
    assert.equal(sync.saveStatus, 'saving', 'the second is not acknowledged yet');
    sync.receive({
      type: 'state',
      requestId: REQUEST,
      state: state({ comments: { c2: { status: 'confirmed' } }, validity: { status: 'valid' } }),
    });
    await reply(seqOf(1));
    assert.equal(sync.saveStatus, 'saved');
    assert.deepEqual({ ...sync.requestState?.comments }, { c2: { status: 'confirmed' } });
    assert.equal(sync.requestState?.validity?.status, 'valid');
  });

  it("shows a note once when the host's state holds it before the reply, and twice when typed twice", async () => {
    sync.annotate({ type: 'note', request: REQUEST, text: 'same' });
    sync.annotate({ type: 'note', request: REQUEST, text: 'same' });
    assert.deepEqual(
      sync.requestState?.notes.map((n) => n.text),
      ['same', 'same'],
    );
    const first = { id: 'n1', text: 'same', time: '2026-01-01T00:00:00Z' };
    sync.receive({ type: 'state', requestId: REQUEST, state: state({ notes: [first] }) });
    assert.deepEqual(
      sync.requestState?.notes.map((n) => n.id),
      ['n1', 'pending-1'],
      'the recorded note is not shown again',
    );
    await reply(seqOf(0));
    assert.equal(sync.requestState?.notes.length, 2);
    sync.receive({ type: 'state', requestId: REQUEST, state: state({ notes: [first, { ...first, id: 'n2' }] }) });
    await reply(seqOf(1));
    assert.deepEqual(
      sync.requestState?.notes.map((n) => n.id),
      ['n1', 'n2'],
    );
  });

  it("drops a refused draft at once, shows the host's error and says the last save failed", async () => {
    sync.annotate({ type: 'validity', request: REQUEST, verdict: 'valid' });
    assert.equal(sync.requestState?.validity?.status, 'valid');
    sync.receive({ type: 'state', requestId: REQUEST, state: emptyRequestState() });
    await reply(seqOf(0), 'EROFS: read-only file system');
    assert.equal(sync.requestState?.validity, undefined);
    assert.equal(sync.error, 'EROFS: read-only file system');
    assert.equal(sync.saveStatus, 'failed');
  });

  it('keeps an acknowledged draft until the host sends its next state for the request', async () => {
    sync.annotate({ type: 'validity', request: REQUEST, verdict: 'valid' });
    await reply(seqOf(0));
    assert.equal(sync.requestState?.validity?.status, 'valid', 'a reply that came before its state does not hide the action');
    sync.receive({ type: 'state', requestId: REQUEST, state: emptyRequestState() });
    assert.equal(sync.requestState?.validity, undefined, 'a later state (an undo) is the truth');
  });

  it('applies drafts only to their own request and ignores states of requests not shown', () => {
    updates = 0;
    const before = sync.requestState;
    sync.annotate({ type: 'validity', request: 'elsewhere', verdict: 'valid' });
    assert.deepEqual(posted.at(-1)?.draft, { type: 'validity', request: 'elsewhere', verdict: 'valid' }, 'still sent');
    assert.deepEqual(sync.requestState, before);
    sync.receive({ type: 'state', requestId: 'elsewhere', state: state({ validity: { status: 'valid' } }) });
    assert.deepEqual(sync.requestState, before);
    assert.equal(updates, 1, "the draft asked for one repaint; the other request's state for none");
    sync.annotate({ type: 'validity', request: REQUEST, verdict: 'invalid', reason: 'Image is text' });
    assert.deepEqual(sync.requestState?.validity, { status: 'invalid', reason: 'Image is text', note: undefined });
    assert.equal(updates, 2, 'a draft on the shown request is painted at once');
  });
});
