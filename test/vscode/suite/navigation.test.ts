// Moving through a shard: filters from the replayed state, targets by
// position or id, the palette commands, and the status bar's progress.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelController } from '../../../src/host/editor/panel';
import { annotate, closeEverything, createShard, lastShow, navigate, openShard, setSettings, waitFor } from './harness';

let seq = 500_000;

async function setFilter(panel: PanelController, filter: string): Promise<void> {
  const mySeq = seq++;
  await panel.receive({ type: 'setFilter', seq: mySeq, filter });
  await waitFor(`reply ${mySeq}`, () => panel.history.find((m) => m.type === 'reply' && m.seq === mySeq));
}

const shown = (panel: PanelController) => {
  const show = lastShow(panel);
  return show && { position: show.position, matching: show.matching, index: show.index, filter: show.filter };
};

suite('Navigation, filters, commands and progress', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('filters follow the replayed state; targets land in the filtered list', async () => {
    const shard = await createShard('navigation');
    const { panel } = await openShard(shard);
    await annotate(panel, { type: 'validity', request: 'r0', verdict: 'invalid', reason: 'Explicit content' });
    await annotate(panel, { type: 'note', request: 'r2', text: 'check the second image' });
    await annotate(panel, { type: 'extraction', request: 'r3', comment: 'c1', verdict: 'corrected', items: ['delta - song'] });

    await setFilter(panel, 'unreviewed');
    assert.deepEqual(shown(panel), { position: 1, matching: 4, index: 0, filter: 'unreviewed' });
    await navigate(panel, { kind: 'next' });
    assert.equal(shown(panel)?.position, 2);
    await setFilter(panel, 'invalid');
    assert.deepEqual(shown(panel), { position: 0, matching: 1, index: 0, filter: 'invalid' });
    const atEnd = await navigate(panel, { kind: 'next' });
    assert.equal(atEnd.type === 'reply' && atEnd.ok, false, 'no next request in a one-request filter');
    await setFilter(panel, 'has-notes');
    assert.equal(shown(panel)?.position, 2);
    await setFilter(panel, 'corrected');
    assert.equal(shown(panel)?.position, 3);

    await setFilter(panel, 'all');
    await navigate(panel, { kind: 'id', id: 'r1' });
    assert.equal(shown(panel)?.position, 1);
    await navigate(panel, { kind: 'last' });
    assert.equal(shown(panel)?.position, 4);
    await navigate(panel, { kind: 'nextUnreviewed' });
    assert.equal(shown(panel)?.position, 1, 'wraps around and skips the reviewed r0');
    const tooFar = await navigate(panel, { kind: 'position', position: 99 });
    assert.equal(tooFar.type === 'reply' && tooFar.ok, false);
    const unknown = await navigate(panel, { kind: 'id', id: 'missing' });
    assert.equal(unknown.type === 'reply' && unknown.ok, false);
  });

  test('two "next" messages sent at once move two requests, each from where the other landed', async () => {
    const shard = await createShard('quick-next');
    const { panel } = await openShard(shard);
    await waitFor('the first request on screen', () => lastShow(panel)?.position === 0);
    await Promise.all([navigate(panel, { kind: 'next' }), navigate(panel, { kind: 'next' })]);
    assert.equal(lastShow(panel)?.position, 2);
    const positions = panel.history.filter((m) => m.type === 'show').map((m) => (m.type === 'show' ? m.position : -1));
    assert.deepEqual(positions.slice(-2), [1, 2], 'shown in the order pressed');
  });

  test('palette commands act on the active editor; the status bar shows its progress', async () => {
    const shard = await createShard('commands');
    const { api, panel } = await openShard(shard);
    await waitFor('the panel to be active', () => api.testing.activePanel() === panel);
    await navigate(panel, { kind: 'first' });
    await vscode.commands.executeCommand('imageryAnnotator.next');
    assert.equal(shown(panel)?.position, 1);
    await vscode.commands.executeCommand('imageryAnnotator.previous');
    assert.equal(shown(panel)?.position, 0);

    await annotate(panel, { type: 'validity', request: 'r0', verdict: 'invalid', reason: 'Other' });
    await vscode.commands.executeCommand('imageryAnnotator.nextUnreviewed');
    assert.equal(shown(panel)?.position, 1);
    await waitFor('the status bar progress', () => api.testing.statusBarText() === 'Imagery: 1/5 reviewed');

    await vscode.commands.executeCommand('imageryAnnotator.showKeymap');
    assert.ok(panel.history.some((m) => m.type === 'showKeymap'));
  });
});
