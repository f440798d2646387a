// A shard large enough to still be indexing when the editor first shows it:
// whenever the index completes, the total is final and a view the annotator
// has not moved resumes at the request last shown.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import {
  ANNOTATOR,
  closeEverything,
  createShard,
  lastShow,
  logEvents,
  navigate,
  openShard,
  setSettings,
  syntheticRecords,
  validDraft,
  waitFor,
} from './harness';
import { AnnotatorDocument } from '../../../src/host/editor/document';

const REQUESTS = 30_000;

suite('Large shards', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  let teardownDocument: AnnotatorDocument | undefined;
  teardown(async () => {
    teardownDocument?.dispose();
    teardownDocument = undefined;
    await closeEverything();
  });

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

  test('an action taken while a long log is still being read is kept, after every event of the log', async () => {
    const shard = await createShard('long-log', syntheticRecords(50));
    // Long enough to take a while to read: r1 ends invalid; the action then marks it valid.
    const LINES = 400_000;
    const line = (n: number, request: string, body: string) =>
      `{"v":1,"id":"e${n}","time":"2024-06-01T00:00:00.000Z","annotator":"${ANNOTATOR}","request":"${request}",${body}}\n`;
    const lines: string[] = [];
    for (let n = 0; n < LINES; n++) lines.push(line(n, `r${n % 50}`, '"type":"note","text":"checked"'));
    lines.push(line(LINES, 'r1', '"type":"validity","verdict":"invalid","reason":"Other"'));
    lines.push(line(LINES + 1, 'r2', '"type":"validity","verdict":"invalid","reason":"Image is text"'));
    await fs.mkdir(path.dirname(shard.logFile), { recursive: true });
    await fs.writeFile(shard.logFile, lines.join(''));

    // Opened as the editor provider does; open() returns before the log is read, so the action below comes first.
    const document = await AnnotatorDocument.open(shard.uri, { annotator: () => ANNOTATOR, saveMode: () => 'immediate' });
    teardownDocument = document;
    assert.equal(document.isLogLoaded, false);
    const acting = document.annotate(validDraft('r1')); // queued behind the log's read
    assert.equal((await document.read(0)).kind, 'record', 'reading a request does not wait for the log');
    const action = await acting;
    assert.equal(document.isLogLoaded, true);
    assert.deepEqual(await document.loaded(), []);
    await document.settled();
    assert.equal(document.state().get('r1')?.validity?.status, 'valid');
    assert.deepEqual(document.state().get('r2')?.validity, { status: 'invalid', reason: 'Image is text' });
    assert.equal(document.state().get('r3')?.notes.length, LINES / 50);
    const onDisk = await logEvents(shard.logFile);
    assert.equal(onDisk.length, LINES + 3);
    assert.equal(onDisk[onDisk.length - 1].id, action.id);
  });
});
