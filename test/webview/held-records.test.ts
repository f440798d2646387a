// Records the webview keeps and the `show` sent ahead: in Node against the
// real HostSync, then on the real bundle in Chromium, where a next press
// shows the neighbour before the host has answered it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { emptyRequestState } from '../../src/core/annotations/state';
import type { ShardRecord } from '../../src/core/shard/schema';
import type { HostToWebview, ShowMessage } from '../../src/protocol';
import { HostClient } from '../../webview/client';
import { HostSync } from '../../webview/host-sync';
import { initMessage, makeRecord } from '../fixtures/synthetic-record';
import { ofType, openHarness, type Harness } from './harness';

const records = (...held: ShardRecord[]): Extract<HostToWebview, { type: 'records' }> => ({
  type: 'records',
  hold: held.map((record) => ({ record, images: [] })),
  drop: [],
});

function heldShow(id: string, position: number, validity?: 'valid'): ShowMessage {
  const state = { ...emptyRequestState(), ...(validity ? { validity: { status: validity } } : {}) };
  return { type: 'show', position, total: 3, filter: 'all', matching: 3, index: position, view: { kind: 'held', id, state } };
}

describe('held records (HostSync)', () => {
  let posted: { type: string; target?: { kind: string }; message?: string }[];
  let sync: HostSync;
  const first = makeRecord({ id: 'first', title: 'First' });
  const second = makeRecord({ id: 'second', title: 'Second' });

  beforeEach(() => {
    posted = [];
    const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
    sync = new HostSync(host);
    sync.attach(new HostClient({ postMessage: (m) => void posted.push(m as never), getState: () => undefined, setState() {} }));
    sync.receive(initMessage() as never);
  });

  it('a show naming a held record shows that record with the show’s own state', () => {
    sync.receive(records(first, second));
    sync.receive(heldShow('second', 1, 'valid'));
    assert.equal(sync.record, second);
    assert.equal(sync.requestState?.validity?.status, 'valid');
  });

  it('a next press shows the request sent ahead at once, still asks the host, and uses it once', () => {
    sync.receive(records(first, second));
    sync.receive(heldShow('first', 0));
    sync.receive({ type: 'ahead', from: 0, next: heldShow('second', 1), previous: null });
    sync.navigate({ kind: 'next' });
    assert.equal(sync.record?.id, 'second', 'shown before any answer');
    assert.equal(sync.show?.position, 1);
    assert.deepEqual(
      posted.filter((m) => m.type === 'navigate').map((m) => m.target?.kind),
      ['next'],
    );
    sync.navigate({ kind: 'next' });
    assert.equal(sync.record?.id, 'second', 'the ahead was for position 0: the second press waits for the host');
  });

  it('ignores what was sent ahead for another position, and a previous press with nothing before', () => {
    sync.receive(records(first, second));
    sync.receive(heldShow('first', 0));
    sync.receive({ type: 'ahead', from: 2, next: heldShow('second', 1), previous: heldShow('second', 1) });
    sync.navigate({ kind: 'next' });
    assert.equal(sync.record?.id, 'first');
    sync.receive({ type: 'ahead', from: 0, next: heldShow('second', 1), previous: null });
    sync.navigate({ kind: 'previous' });
    assert.equal(sync.record?.id, 'first');
  });

  it('a show naming a record not held (or dropped) keeps the screen and asks the host to start over', () => {
    sync.receive(records(first, second));
    sync.receive(heldShow('first', 0));
    sync.receive({ type: 'records', hold: [], drop: ['second'] });
    sync.receive(heldShow('second', 1));
    assert.equal(sync.record?.id, 'first');
    assert.deepEqual(
      posted.filter((m) => m.type === 'ready' || m.type === 'webviewError').map((m) => m.type),
      ['webviewError', 'ready'],
    );
    sync.receive({ type: 'records', hold: [{ record: second, images: [] }], drop: [], clear: true });
    sync.receive(heldShow('first', 0));
    assert.equal(posted.filter((m) => m.type === 'ready').length, 2, '`clear` forgot the first record');
  });
});

describe('held records (Chromium)', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());

  const title = () => h.page.locator('ia-query h1.title');

  it('puts up the request sent ahead on the press, before the host answers', async () => {
    const a = makeRecord({ id: 'a', title: 'Request A <b>not bold</b>' });
    const b = makeRecord({ id: 'b', title: 'Request B' });
    await h.send(records(a, b));
    await h.send(heldShow('a', 0));
    await title().filter({ hasText: 'Request A' }).waitFor();
    assert.equal(await h.page.locator('ia-query h1.title b').count(), 0, 'a held title stays text');
    await h.send({ type: 'ahead', from: 0, next: heldShow('b', 1), previous: null });
    await h.blurFocus();
    await h.clearPosted();
    await h.page.keyboard.press('j');
    await title().filter({ hasText: 'Request B' }).waitFor();
    // No reply was sent: the press is still waiting for the host, which has the last word.
    assert.deepEqual(
      ofType(await h.posted(), 'navigate').map((m) => m.target.kind),
      ['next'],
    );
  });
});
