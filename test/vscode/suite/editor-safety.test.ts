// What the webview may load and say: image paths confined to the dataset,
// only https remote images, and invalid messages ignored.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ResolvedImage } from '../../../src/protocol';
import { makeRecord } from '../../fixtures/synthetic-record';
import * as vscode from 'vscode';
import {
  annotate,
  closeEverything,
  createShard,
  extensionApi,
  lastShow,
  logEvents,
  navigate,
  openShard,
  setSettings,
  SHARD_VIEW,
  validDraft,
  waitFor,
} from './harness';

const REFUSED = 'refused: path leaves the dataset';

suite('Editor: image confinement and message validation', () => {
  suiteSetup(() => setSettings({ saveMode: 'immediate' }));
  teardown(closeEverything);

  test('local images stay inside the dataset; remote ones load only over https', async () => {
    const images = [
      { path: '../images/ok.png', url: null },
      { path: '../../outside.png', url: null },
      { path: '/etc/hostname', url: null },
      { path: '../images/link.png', url: null },
      { path: null, url: 'https://images.example.org/a.jpg' },
      { path: null, url: 'javascript:alert(1)' },
      { path: null, url: 'http://images.example.org/b.jpg' },
      { path: '../images/missing.png', url: 'data:image/png;base64,AAAA' },
    ];
    const shard = await createShard('images', [makeRecord({ id: 'img', images })]);
    await fs.mkdir(path.join(shard.root, 'images'));
    await fs.writeFile(path.join(shard.root, 'images', 'ok.png'), 'not really a png');
    // A real file outside the dataset root, so refusal is not mistaken for "missing".
    await fs.writeFile(path.join(shard.root, '..', 'outside.png'), 'outside');
    await fs.symlink('/etc/hostname', path.join(shard.root, 'images', 'link.png'));

    const { panel } = await openShard(shard);
    await navigate(panel, { kind: 'first' });
    const show = await waitFor('a show message', () => panel.history.findLast((m) => m.type === 'show'));
    assert.ok(show.type === 'show' && show.view.kind === 'record');
    const resolved: ResolvedImage[] = show.view.images;

    assert.ok(
      resolved[0].src && resolved[0].src.includes('ok.png') && !resolved[0].src.startsWith('/'),
      `webview URI: ${resolved[0].src}`,
    );
    assert.deepEqual(resolved[1], { src: null, url: null, error: REFUSED });
    assert.deepEqual(resolved[2], { src: null, url: null, error: REFUSED });
    assert.deepEqual(resolved[3], { src: null, url: null, error: REFUSED });
    assert.deepEqual(resolved[4], { src: 'https://images.example.org/a.jpg', url: 'https://images.example.org/a.jpg' });
    assert.deepEqual(resolved[5], { src: null, url: 'javascript:alert(1)' });
    assert.deepEqual(resolved[6], { src: null, url: 'http://images.example.org/b.jpg' });
    assert.equal(resolved[7].src, null);
    assert.match(resolved[7].error ?? '', /missing/);
  });

  test('an action the log cannot take is answered with the error and the shown state is put back', async () => {
    const shard = await createShard('append-fails');
    const { document, panel } = await openShard(shard);
    await waitFor('the first request on screen', () => lastShow(panel)?.view.kind === 'record');
    // A file where the log's folder belongs: the first append fails as a full or read-only disk would.
    await fs.writeFile(path.dirname(shard.logFile), 'not a folder');
    const before = panel.history.length;
    const reply = await annotate(panel, validDraft('r0'));
    assert.ok(reply.type === 'reply' && !reply.ok && reply.error.length > 0, 'the reply carries the error');
    const restated = panel.history.slice(before).find((m) => m.type === 'state' && m.requestId === 'r0');
    assert.ok(restated?.type === 'state' && restated.state.validity === undefined, 'the webview is told r0 is still undecided');
    assert.equal(document.state().get('r0')?.validity, undefined);
  });

  test('invalid webview messages change nothing; those with a seq are answered ok: false', async () => {
    const shard = await createShard('invalid-messages');
    const { document, panel } = await openShard(shard);
    const before = panel.history.length;
    const invalid: unknown[] = [
      null,
      'annotate',
      { type: 'annotate', seq: 900_001, draft: { type: 'bogus', request: 'r0' } },
      { type: 'annotate', seq: 900_002, draft: { type: 'validity', request: 'r0', verdict: 'invalid', reason: 'Because' } },
      { type: 'annotate', draft: { type: 'validity', request: 'r0', verdict: 'valid' } },
      { type: 'navigate', seq: -1, target: { kind: 'next' } },
      { type: 'navigate', seq: 900_003, target: { kind: 'position', position: 'x' } },
      { type: 'setFilter', seq: 900_004, filter: 'everything' },
      { type: 'evalThis', seq: 900_005, code: 'process.exit(1)' },
    ];
    for (const message of invalid) await panel.receive(message);
    // The real webview may talk meanwhile (ready, its own requests), so look only for answers to ours.
    const answered = panel.history
      .slice(before)
      .filter((m) => (m.type === 'reply' && m.seq >= 900_000 && m.ok) || m.type === 'state');
    assert.deepEqual(answered, [], 'nothing was accepted or changed');
    // A request the webview awaits must settle: one with a usable seq is refused, not left unanswered.
    const refused = panel.history.slice(before).flatMap((m) => (m.type === 'reply' && m.seq >= 900_000 && !m.ok ? [m.seq] : []));
    assert.deepEqual(refused, [900_001, 900_002, 900_003, 900_004, 900_005]);
    assert.equal(document.state().size, 0);
    assert.deepEqual(await logEvents(shard.logFile), []);

    // A well-formed message about a request that is not in the shard is answered with an error, not written.
    await panel.receive({ type: 'annotate', seq: 900_006, draft: { type: 'validity', request: 'nope', verdict: 'valid' } });
    const reply = await waitFor('reply 900006', () => panel.history.find((m) => m.type === 'reply' && m.seq === 900_006));
    assert.equal(reply.type === 'reply' && reply.ok, false);
    assert.deepEqual(await logEvents(shard.logFile), []);
  });

  test('an unreadable line is shown as such (file:line:reason) and navigation goes past it', async () => {
    const shard = await createShard('unreadable', [makeRecord({ id: 'good' }), makeRecord({ id: 'also-good' })]);
    const lines = (await fs.readFile(shard.file, 'utf8')).split('\n');
    await fs.writeFile(shard.file, [lines[0], '{"schema_version": 1, "id": "broken"', lines[1], ''].join('\n'));
    const { panel } = await openShard(shard);
    await navigate(panel, { kind: 'position', position: 1 });
    const show = panel.history.findLast((m) => m.type === 'show');
    assert.ok(show?.type === 'show' && show.view.kind === 'unreadable', 'position 1 is the broken line');
    assert.equal(show.view.unreadable.file, shard.file);
    assert.equal(show.view.unreadable.line, 2);
    assert.match(show.view.unreadable.reason, /JSON/);
    await navigate(panel, { kind: 'next' });
    const next = panel.history.findLast((m) => m.type === 'show');
    assert.ok(next?.type === 'show' && next.view.kind === 'record' && next.view.record.id === 'also-good');
  });

  test('a shard that cannot be opened fails with a message naming the file', async () => {
    const provider = (await extensionApi()).testing.provider(SHARD_VIEW);
    assert.ok(provider);
    const missing = vscode.Uri.file(path.join(path.dirname((await createShard('missing')).file), 'absent.shard.jsonl'));
    await assert.rejects(
      provider.openCustomDocument(missing, { backupId: undefined, untitledDocumentData: undefined }),
      (error: Error) => error.message.includes(missing.fsPath),
    );
  });
});
