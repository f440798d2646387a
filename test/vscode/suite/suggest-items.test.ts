// Suggest Items in the real extension host, against the loopback server: the
// request the editor sends is the paper's extractor byte for byte (music and
// books), each answer is an extraction-run event in the log and in the state
// the webview gets, a whole request reports k / n comments, cancel stops it
// recording nothing more, and a fault ends the run with the server's reason.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtractionRunEvent } from '../../../src/core/annotations/events';
import type { LiveSuggestRun } from '../../../src/protocol';
import { makeComment, makeRecord } from '../../fixtures/synthetic-record';
import { OpenAIServer } from '../../helpers/openai-server';
import { paperExtractorMessagesBytes } from '../../helpers/paper-extractor';
import {
  activeTabDirty,
  annotate,
  closeEverything,
  createShard,
  logEvents,
  openShard,
  setSettings,
  validDraft,
  waitFor,
  type OpenEditor,
} from './harness';

const RAW = 'Try "Night Owls" by Blue Hour — or anything by Zed Band.\n\nAlso: Ünïcode "quotes"';
let seq = 50_000;

function records() {
  const comments = [makeComment(1, { raw: RAW }), makeComment(2), makeComment(3)];
  return [
    makeRecord({ id: 'm1', domain: 'music', comments, comment_ids: comments.map((c) => c.id) }),
    makeRecord({ id: 'b1', domain: 'books', comments, comment_ids: comments.map((c) => c.id) }),
  ];
}

/** The panel's last report of a Suggest Items run on `requestId` that `done` accepts. */
function runReport(open: OpenEditor, requestId: string, done: (run: LiveSuggestRun) => boolean): Promise<LiveSuggestRun> {
  return waitFor(`a suggestRun on ${requestId}`, () => {
    const runs = open.panel.history.flatMap((m) => (m.type === 'suggestRun' && m.run.requestId === requestId ? [m.run] : []));
    const last = runs.at(-1);
    return last && done(last) ? last : undefined;
  });
}

async function suggest(open: OpenEditor, requestId: string, comments: string[], scope: 'comment' | 'request' = 'comment') {
  await open.panel.receive({ type: 'suggestItems', seq: seq++, requestId, scope, comments, profile: 'paper' });
}

suite('Suggest Items', () => {
  let server: OpenAIServer;
  const config = () => vscode.workspace.getConfiguration('imageryAnnotator');

  suiteSetup(async () => {
    server = await OpenAIServer.start();
    await setSettings({});
    await config().update(
      'modelProfiles',
      [{ name: 'paper', baseUrl: server.baseUrl, model: 'gpt-3.5-turbo-0125' }],
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    await closeEverything();
    await config().update('modelProfiles', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  for (const [requestId, domain] of [
    ['m1', 'music'],
    ['b1', 'books'],
  ] as const) {
    test(`${domain}: the paper's extractor request, exactly; the answer recorded as an extraction-run and in the state`, async () => {
      const shard = await createShard(`suggest-${domain}`, records());
      const open = await openShard(shard);
      server.enqueue({ text: '1. Blue Hour - Night Owls\n2. Zed Band' });
      const first = server.requests.length;
      await suggest(open, requestId, ['c1']);
      const end = await runReport(open, requestId, (run) => run.phase !== 'running');
      assert.deepEqual([end.phase, end.done, end.total, end.error], ['done', 1, 1, undefined]);
      const [request] = server.requests.slice(first);
      assert.ok(request.raw.includes(paperExtractorMessagesBytes(domain, RAW)), `the exact messages bytes: ${request.raw}`);
      assert.deepEqual([request.body.model, request.body.temperature, request.body.max_tokens], ['gpt-3.5-turbo-0125', 0, 200]);
      const events = (await logEvents(shard.logFile)).filter((e) => e.type === 'extraction-run') as ExtractionRunEvent[];
      assert.equal(events.length, 1);
      assert.deepEqual(
        [events[0].request, events[0].comment, events[0].profile, events[0].model, events[0].host, events[0].answer],
        [requestId, 'c1', 'paper', 'gpt-3.5-turbo-0125', `127.0.0.1:${server.port}`, '1. Blue Hour - Night Owls\n2. Zed Band'],
      );
      const runs = open.document.state().get(requestId)?.extractionRuns ?? [];
      assert.deepEqual(
        runs.map((run) => [run.comment, run.items, run.source.kind]),
        [['c1', ['blue hour - night owls', 'zed band'], 'inline']],
      );
    });
  }

  test('every comment of a request: k / n comments, one event each', async () => {
    const shard = await createShard('suggest-request', records());
    const open = await openShard(shard);
    server.enqueue({ text: 'Alpha Band - Moon Song' }, { text: 'None' }, { text: 'Beta Writer' });
    await suggest(open, 'm1', ['c1', 'c2', 'c3'], 'request');
    const end = await runReport(open, 'm1', (run) => run.phase !== 'running');
    assert.deepEqual([end.phase, end.done, end.total, end.scope], ['done', 3, 3, 'request']);
    const events = (await logEvents(shard.logFile)).filter((e) => e.type === 'extraction-run') as ExtractionRunEvent[];
    assert.deepEqual(events.map((e) => e.comment).sort(), ['c1', 'c2', 'c3']);
  });

  test('manual save mode: the answers are on disk at once and no undo step; the unsaved verdict stays unsaved, undo takes it back', async () => {
    await setSettings({ saveMode: 'manual' });
    try {
      const shard = await createShard('suggest-manual', records());
      const open = await openShard(shard);
      await annotate(open.panel, validDraft('m1'));
      server.enqueue({ text: 'Alpha Band - Moon Song' }, { text: 'None' }, { text: 'Beta Writer' });
      await suggest(open, 'm1', ['c1', 'c2', 'c3'], 'request');
      const end = await runReport(open, 'm1', (run) => run.phase !== 'running');
      assert.equal(end.phase, 'done');
      const onDisk = await logEvents(shard.logFile);
      assert.deepEqual(
        onDisk.map((e) => e.type),
        ['extraction-run', 'extraction-run', 'extraction-run'],
        'the answers are written, the verdict is not',
      );
      assert.deepEqual(
        open.document.pendingEvents.map((e) => e.type),
        ['validity'],
      );
      assert.equal(activeTabDirty(), true, 'the unsaved verdict keeps the tab dirty');
      await vscode.commands.executeCommand('undo');
      await waitFor('the verdict to be undone', () => open.document.state().get('m1')?.validity === undefined || undefined);
      assert.equal(
        open.document.state().get('m1')?.extractionRuns?.length,
        3,
        'undo skipped the answers and took back the verdict',
      );
    } finally {
      await setSettings({});
    }
  });

  test('cancel (Esc) stops a streaming answer and records nothing', async () => {
    const shard = await createShard('suggest-cancel', records());
    const open = await openShard(shard);
    server.enqueue({ text: 'Alpha Band - Moon Song', chunks: 4, stallAfterChunks: 2 });
    await suggest(open, 'm1', ['c1']);
    const streaming = await runReport(open, 'm1', (run) => run.asking.some((entry) => entry.text.length > 0));
    await open.panel.receive({ type: 'cancelSuggestItems', id: streaming.id });
    const end = await runReport(open, 'm1', (run) => run.phase !== 'running');
    assert.equal(end.phase, 'cancelled');
    assert.deepEqual(
      (await logEvents(shard.logFile)).filter((e) => e.type === 'extraction-run'),
      [],
    );
  });

  test("a fault ends the run with the server's reason, the key never in it", async () => {
    const shard = await createShard('suggest-fault', records());
    const open = await openShard(shard);
    server.enqueue({ status: 404, errorMessage: 'The model `gpt-3.5-turbo-0125` does not exist' });
    await suggest(open, 'm1', ['c1']);
    const end = await runReport(open, 'm1', (run) => run.phase !== 'running');
    assert.equal(end.phase, 'failed');
    assert.match(end.error?.message ?? '', /does not exist/);
    assert.deepEqual(
      (await logEvents(shard.logFile)).filter((e) => e.type === 'extraction-run'),
      [],
    );
  });
});
