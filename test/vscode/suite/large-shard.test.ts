// A shard large enough to still be indexing when the editor first shows it:
// whenever the index completes, the total is final and a view the annotator
// has not moved resumes at the request last shown.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeEverything, createShard, lastShow, navigate, openShard, setSettings, syntheticRecords, waitFor } from './harness';

const REQUESTS = 30_000;

suite('Large shards', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('the total fills in once indexed, and a reopened editor resumes at the request last shown', async () => {
    const shard = await createShard('large', syntheticRecords(REQUESTS));
    const first = await openShard(shard);
    await waitFor('the index', () => first.document.isIndexed);
    const show = await waitFor(
      'a show with the whole total',
      () => lastShow(first.panel)?.total === REQUESTS && lastShow(first.panel),
    );
    assert.equal(show.view.kind === 'record' && show.view.record.id, `r${show.position}`);
    await navigate(first.panel, { kind: 'position', position: 20_123 });
    assert.equal(lastShow(first.panel)?.position, 20_123);
    assert.equal(await first.document.positionOf('r29999'), 29_999);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(
      'the document to close',
      () => first.panel.history.length > 0 && first.api.testing.panelsOf(shard.uri).length === 0,
    );
    const again = await openShard(shard);
    const resumed = await waitFor(
      'the resumed request',
      () => {
        const last = lastShow(again.panel);
        return again.document.isIndexed && last?.total === REQUESTS && last.position === 20_123 && last;
      },
      30_000,
    );
    assert.equal(resumed.view.kind === 'record' && resumed.view.record.id, 'r20123');
  });
});
