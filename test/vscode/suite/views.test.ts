// The Shards view: every shard of the workspace with this annotator's
// reviewed/total, live for open editors and read from the logs otherwise.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { annotate, closeEverything, createShard, extensionApi, openShard, setSettings, waitFor } from './harness';

suite('Shards view', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('lists the shard with its progress, open or closed', async () => {
    const shard = await createShard('tree');
    const { api, panel } = await openShard(shard);
    await annotate(panel, { type: 'validity', request: 'r0', verdict: 'invalid', reason: 'Not a rec request' });
    await annotate(panel, { type: 'validity', request: 'r1', verdict: 'invalid', reason: 'Other' });
    const rowOf = async () => (await api.testing.shardTreeRows()).find((row) => row.path === shard.file);
    await waitFor('the open shard row', async () => (await rowOf())?.description === '2/5 reviewed');
    // The name alone, so the progress after it fits; the path heads the tooltip.
    const row = (await rowOf())!;
    assert.equal(row.label, 'test.shard.jsonl');
    assert.equal(row.tooltip, `${vscode.workspace.asRelativePath(shard.file, false)}\n2 of 5 reviewed, 2 invalid, 0 corrected`);

    await closeEverything();
    await waitFor('the document to close', () => api.testing.documentOf(shard.uri) === undefined);
    assert.equal((await rowOf())?.description, '2/5 reviewed', 'read back from the log on disk');
  });

  test('a shard that cannot be read says so instead of failing the view', async () => {
    const api = await extensionApi();
    const shard = await createShard('tree-broken');
    await fs.writeFile(path.join(path.dirname(shard.file), 'broken.shard.jsonl'), '{"not": "a record"}\nnot json\n');
    const rows = await waitFor('the broken shard row', async () => {
      const found = (await api.testing.shardTreeRows()).find((row) =>
        row.path.endsWith(path.join(path.basename(shard.root), 'shards', 'broken.shard.jsonl')),
      );
      return found;
    });
    // Unreadable lines are requests that cannot be reviewed: counted in the total, never reviewed.
    assert.equal(rows.description, '0/2 reviewed');
  });

  test('a log holding events that do not count (another annotator named, a future date) is flagged on the shard row', async () => {
    const api = await extensionApi();
    const shard = await createShard('tree-forged');
    const logs = `${shard.file}.annotations`;
    await fs.mkdir(logs, { recursive: true });
    const event = (id: string, annotator: string, time: string) =>
      JSON.stringify({ v: 1, id, time, annotator, request: 'r0', type: 'validity', verdict: 'valid' }) + '\n';
    await fs.writeFile(
      path.join(logs, 'mallory.jsonl'),
      event('m1', 'mallory', '2026-01-01T00:00:00.000Z') +
        event('m2', 'alice', '2026-01-01T00:00:00.000Z') +
        event('m3', 'mallory', '2099-01-01T00:00:00.000Z'),
    );
    const row = await waitFor('the flagged shard row', async () =>
      (await api.testing.shardTreeRows()).find((found) => found.path === shard.file && found.description.includes('not counted')),
    );
    assert.equal(row.description, '0/5 reviewed · 2 log line(s) not counted');
  });
});
